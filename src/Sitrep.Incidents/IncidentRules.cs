namespace Sitrep.Incidents;

/// <summary>
/// The heuristics of incident merging and grading, as data in one place: distance thresholds, which ACLED
/// sub-types reporters confuse for one another, which actor names stand for "unknown", and the wording of a
/// claim of responsibility.
/// </summary>
public sealed record IncidentRules
{
    /// <summary>The rules used when none are given.</summary>
    public static IncidentRules Default { get; } = new();

    /// <summary>Two town-level (precision 1) places with different gazetteer ids still agree within this distance
    /// (the same town from two gazetteers, a suburb); beyond it they are different towns.</summary>
    public double SameTownKm { get; init; } = 5.0;

    /// <summary>Reports located only near a town (precision 2) agree with each other and with a town report within
    /// this distance; further apart they are different places even in one province.</summary>
    public double NearTownKm { get; init; } = 25.0;

    /// <summary>
    /// Groups of sub-types of one event type that different outlets use for the same incident (an "air strike" in
    /// one report is a "missile attack" in another). Sub-types in no group are compatible only with themselves.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> CompatibleSubTypes { get; init; } =
    [
        ["Air/drone strike", "Shelling/artillery/missile attack"],
        ["Suicide bomb", "Remote explosive/landmine/IED"],
        ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        ["Violent demonstration", "Mob violence"],
    ];

    /// <summary>Actor names that say nothing about who acted, so they never conflict with a named actor.</summary>
    public IReadOnlyList<string> UnknownActorPrefixes { get; init; } =
        ["Unidentified", "Unknown", "Unattributed"];

    /// <summary>Phrases in an event's claims that mean a belligerent accepted responsibility.</summary>
    public IReadOnlyList<string> ResponsibilityPhrases { get; init; } =
        ["claimed responsibility", "claims responsibility", "claim responsibility", "took responsibility",
         "takes responsibility", "accepted responsibility", "accepts responsibility", "admitted responsibility",
         "admits responsibility"];
}
