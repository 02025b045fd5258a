using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Dates;

/// <summary>Islamic-calendar dates in a given Gregorian year, through the Umm al-Qura calendar.</summary>
internal static class HijriCalendar
{
    private static readonly UmAlQuraCalendar Calendar = new();
    private static readonly string[] MonthNames =
        ["Muharram", "Safar", "Rabi I", "Rabi II", "Jumada I", "Jumada II", "Rajab", "Sha'ban", "Ramadan", "Shawwal",
         "Dhu al-Qadah", "Dhu al-Hijjah"];

    /// <summary>
    /// Hijri <paramref name="month"/> (whole month when <paramref name="day"/> is 0) that begins in Gregorian
    /// <paramref name="year"/>; unresolved when none or two begin in that year, or outside the calendar's range.
    /// </summary>
    public static ResolvedDate Resolve(int month, int day, int year, string text)
    {
        DateOnly? start = null, end = null;
        var hijriYear = 0;
        var found = 0;
        // A Hijri year is ~354 days: the one starting near Gregorian year Y is about (Y - 622) * 33 / 32.
        var guess = (int)((year - 622) * 33L / 32);
        for (var h = guess - 2; h <= guess + 2; h++)
        {
            if (!TryDate(h, month, Math.Max(day, 1), out var s)) continue;
            if (s.Year != year) continue;
            found++;
            hijriYear = h;
            start = s;
            end = day > 0 ? s : (TryDate(h, month, Calendar.GetDaysInMonth(h, month), out var e) ? e : null);
        }
        if (found != 1 || start is null || end is null)
            return ResolvedDate.Unresolved(found == 0
                ? $"'{text}': no Umm al-Qura date for {MonthNames[month - 1]} in {year}"
                : $"'{text}': {MonthNames[month - 1]} begins twice in {year}");
        var what = day > 0 ? $"{day} {MonthNames[month - 1]}" : MonthNames[month - 1];
        var reason = $"'{text}' → {what} {hijriYear} AH (Umm al-Qura) = {start:yyyy-MM-dd}..{end:yyyy-MM-dd}; local observance may differ by a day";
        return day > 0
            ? ResolvedDate.Day(start.Value, reason)
            : ResolvedDate.Between(start.Value, end.Value, DateGranularity.Month, reason);
    }

    private static bool TryDate(int hijriYear, int month, int day, out DateOnly date)
    {
        date = default;
        try
        {
            date = DateOnly.FromDateTime(Calendar.ToDateTime(hijriYear, month, day, 0, 0, 0, 0));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // outside the Umm al-Qura table (1900–2077)
        }
    }
}
