namespace Sitrep.Core;

/// <summary>How precise a resolved date is; also ACLED's time_precision.</summary>
public enum DateGranularity { Unknown = 0, Day = 1, Week = 2, Month = 3, Year = 4 }

/// <summary>
/// A calendar range [Start, End] (inclusive days) that a time expression denotes, with its granularity and the
/// reason for the resolution — or, when <see cref="IsResolved"/> is false, the reason it could not be resolved.
/// </summary>
public readonly record struct ResolvedDate(DateOnly? Start, DateOnly? End, DateGranularity Granularity, string Reason)
{
    /// <summary>True when the range is known.</summary>
    public bool IsResolved => Start is not null && End is not null;

    /// <summary>A single day.</summary>
    public static ResolvedDate Day(DateOnly day, string reason) => new(day, day, DateGranularity.Day, reason);

    /// <summary>An inclusive range of days with the given granularity.</summary>
    public static ResolvedDate Between(DateOnly start, DateOnly end, DateGranularity granularity, string reason) =>
        new(start, end, granularity, reason);

    /// <summary>A whole calendar month.</summary>
    public static ResolvedDate Month(int year, int month, string reason)
    {
        var first = new DateOnly(year, month, 1);
        return new(first, first.AddMonths(1).AddDays(-1), DateGranularity.Month, reason);
    }

    /// <summary>A whole calendar year.</summary>
    public static ResolvedDate Year(int year, string reason) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DateGranularity.Year, reason);

    /// <summary>An honest refusal: the expression has no calendar range we can state.</summary>
    public static ResolvedDate Unresolved(string reason) => new(null, null, DateGranularity.Unknown, reason);

    /// <summary>True when both are resolved and their ranges share a day.</summary>
    public bool Overlaps(ResolvedDate other) =>
        IsResolved && other.IsResolved && Start <= other.End && other.Start <= End;

    public override string ToString() => IsResolved
        ? $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd} ({Granularity}: {Reason})"
        : $"unresolved ({Reason})";
}
