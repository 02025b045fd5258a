namespace Sitrep.Core;

/// <summary>Airwars-style corroboration grade of an incident.</summary>
public enum IncidentGrade { Confirmed, Fair, Weak, Contested, Discounted }

/// <summary>One document reporting an incident.</summary>
public sealed record IncidentSource(string DocumentId, string? Source, string? Url, string? Title = null);

/// <summary>
/// Reports of one real-world incident merged across documents: the merged event, every source, and a grade.
/// </summary>
public sealed record Incident
{
    /// <summary>Stable across re-runs and input order (derived from the merged key, not from insertion order).</summary>
    public required string IncidentId { get; init; }
    /// <summary>The merged event (type, date, place, actors of the best-supported report).</summary>
    public required ConflictEvent Event { get; init; }
    /// <summary>Every document that reports it.</summary>
    public required IReadOnlyList<IncidentSource> Sources { get; init; }
    /// <summary>Number of independent outlets (syndicated copies count once).</summary>
    public int SourceCount { get; init; }
    public IncidentGrade Grade { get; init; } = IncidentGrade.Weak;
    /// <summary>Why the grade was given.</summary>
    public string GradeReason { get; init; } = "";
    /// <summary>Fatality range across sources.</summary>
    public int? FatalitiesMin { get; init; }
    public int? FatalitiesMax { get; init; }
    public int? InjuredMin { get; init; }
    public int? InjuredMax { get; init; }
}
