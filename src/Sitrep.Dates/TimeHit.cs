using Sitrep.Core;

namespace Sitrep.Dates;

/// <summary>What calendar unit a resolved expression names, so it can be written as a TIMEX3 value.</summary>
internal enum TimexKind : byte
{
    None = 0, Day, Week, Weekend, Month, Quarter, HalfYear, Season, Year, Decade, Range, PastRef, PresentRef, FutureRef,
}

/// <summary>A recognised expression before it becomes a <see cref="TimeMention"/>: range, date, and TIMEX3 kind.</summary>
internal readonly record struct TimeHit(TextRange Range, ResolvedDate Date, TimexKind Kind);
