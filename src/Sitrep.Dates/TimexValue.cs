using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Dates;

/// <summary>Writes a recognised expression as a TimeML TIMEX3 value ("2018-08-30", "2018-W35", "2018-Q3", "PAST_REF").</summary>
internal static class TimexValue
{
    /// <summary>The TIMEX3 value, or null when the expression has none we can state (ranges, refusals).</summary>
    public static string? Of(ResolvedDate date, TimexKind kind)
    {
        switch (kind)
        {
            case TimexKind.PastRef: return "PAST_REF";
            case TimexKind.PresentRef: return "PRESENT_REF";
            case TimexKind.FutureRef: return "FUTURE_REF";
        }
        if (date.Start is not { } s) return null;
        return kind switch
        {
            TimexKind.Day => s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimexKind.Week => Week(s),
            TimexKind.Weekend => Week(s) + "-WE",
            TimexKind.Month => s.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            TimexKind.Quarter => $"{s.Year:D4}-Q{(s.Month - 1) / 3 + 1}",
            TimexKind.HalfYear => $"{s.Year:D4}-H{(s.Month <= 6 ? 1 : 2)}",
            TimexKind.Season => $"{(s.Month == 12 ? s.Year + 1 : s.Year):D4}-{s.Month switch { 3 => "SP", 6 => "SU", 9 => "FA", _ => "WI" }}",
            TimexKind.Year => s.Year.ToString("D4", CultureInfo.InvariantCulture),
            TimexKind.Decade => (s.Year / 10).ToString("D3", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }
}
