using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.ArticleText;

/// <summary>Finds publication dates stated on a page: standalone date lines, "Published ..." phrases, ISO stamps.</summary>
public static partial class PageDates
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses a line that is only a date (with optional weekday, "Published"/"Updated" prefix and time).</summary>
    public static DateOnly? ParseDateLine(string line)
    {
        var m = DateLine().Match(line.Trim());
        return m.Success ? FromMatch(m) : null;
    }

    /// <summary>Finds "Published 10 Aug 2018"-style phrases anywhere in a short text.</summary>
    public static DateOnly? FindPublishedPhrase(string text)
    {
        var m = PublishedPhrase().Match(text);
        return m.Success ? FromMatch(m) : null;
    }

    /// <summary>Parses a machine date ("2018-08-31", "2018-08-31T10:00:00Z", "20180831") or a written one.</summary>
    public static DateOnly? ParseAny(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.Trim();
        var iso = IsoDate().Match(s);
        if (iso.Success && TryDate(Int(iso.Groups["y"].Value), Int(iso.Groups["m"].Value), Int(iso.Groups["d"].Value)) is { } d) return d;
        return ParseDateLine(s) ?? FindPublishedPhrase(s);
    }

    private static DateOnly? FromMatch(Match m)
    {
        if (m.Groups["iy"].Success)
            return TryDate(Int(m.Groups["iy"].Value), Int(m.Groups["im"].Value), Int(m.Groups["id"].Value));
        var month = MonthNumber(m.Groups["mon"].Value);
        if (month == 0) return null;
        return TryDate(Int(m.Groups["y"].Value), month, Int(m.Groups["d"].Value));
    }

    private static int MonthNumber(string name)
    {
        if (name.Length < 3) return 0;
        var key = name[..3].ToLowerInvariant();
        return Array.IndexOf(Months, key) + 1;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? TryDate(int y, int m, int d) =>
        y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private const string MonthName = @"(?<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?|\.)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
    private const string Weekday = @"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? )?";
    private const string WrittenDate = Weekday + @"(?:" + MonthName + @" (?<d>\d{1,2})(?:st|nd|rd|th)?,? (?<y>\d{4})|(?<d>\d{1,2})(?:st|nd|rd|th)? " + MonthName + @",? (?<y>\d{4})|(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2}))";
    private const string Time = @"(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4}| GMT[+-]\d{1,2})?)?";

    [GeneratedRegex(@"^(?:(?:Published|Posted|Updated|Last updated|Date)(?: on)?:? )?" + WrittenDate + Time + @"$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"\b(?:Published|Posted)(?: on)?:? " + WrittenDate, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedPhrase();

    [GeneratedRegex(@"^(?<y>\d{4})-?(?<m>\d{2})-?(?<d>\d{2})(?:$|[T ])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
