namespace Sitrep.Core;

/// <summary>
/// One event coded from one document, ACLED style. Every field that came from the text has its evidence in
/// <see cref="Evidence"/> (character ranges into the document's text).
/// </summary>
public sealed record ConflictEvent
{
    /// <summary>One of ACLED's 25 sub-event types (<see cref="AcledTaxonomy"/>).</summary>
    public required string SubEventType { get; init; }
    /// <summary>The ACLED event type the sub-type belongs to.</summary>
    public string EventType => AcledTaxonomy.EventTypeOf.TryGetValue(SubEventType, out var t) ? t : AcledTaxonomy.StrategicDevelopments;
    /// <summary>The PLOVER equivalent, "TYPE:mode" (e.g. "FIGHT:aerial"), when the ontology gives one.</summary>
    public string? Plover { get; init; }
    /// <summary>The CAMEO equivalent code (e.g. "195", employ aerial weapons), when the ontology gives one.</summary>
    public string? Cameo { get; init; }
    /// <summary>The trigger words the event was recognised by.</summary>
    public required TextRange Trigger { get; init; }
    /// <summary>When it happened; unresolved when the text does not allow a date.</summary>
    public ResolvedDate Date { get; init; } = ResolvedDate.Unresolved("no time expression attached");
    /// <summary>Who acted (canonical actor name), when known.</summary>
    public string? Actor1 { get; init; }
    /// <summary>Against whom (canonical actor name), when known.</summary>
    public string? Actor2 { get; init; }
    /// <summary>Where it happened, when known.</summary>
    public Place? Place { get; init; }
    /// <summary>ACLED geo-precision for <see cref="Place"/> (1 town, 2 near/part of region, 3 region).</summary>
    public int GeoPrecision { get; init; } = 3;
    public int? FatalitiesMin { get; init; }
    public int? FatalitiesMax { get; init; }
    public int? InjuredMin { get; init; }
    public int? InjuredMax { get; init; }
    /// <summary>True when the victims are civilians.</summary>
    public bool CivilianTargeting { get; init; }
    /// <summary>Whether it took place.</summary>
    public Modality Modality { get; init; } = Modality.Asserted;
    /// <summary>Competing attributions ("rebels blame the army"), kept when responsibility is disputed.</summary>
    public IReadOnlyList<string> Claims { get; init; } = [];
    /// <summary>Character ranges the event's fields came from.</summary>
    public IReadOnlyList<TextRange> Evidence { get; init; } = [];

    /// <summary>ACLED's conservative single fatality figure: the lowest the text supports, 0 when none reported.</summary>
    public int Fatalities => FatalitiesMin ?? 0;
}
