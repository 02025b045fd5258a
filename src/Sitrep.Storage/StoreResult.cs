namespace Sitrep.Storage;

/// <summary>What saving a document did.</summary>
public enum StoreOutcome
{
    /// <summary>A new document was stored.</summary>
    Added,
    /// <summary>The same content was stored already; nothing changed.</summary>
    Unchanged,
    /// <summary>A document with this id but other content was stored; it was replaced.</summary>
    Replaced,
}

/// <summary>The outcome of <see cref="IEventStore.SaveDocument"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="DocumentId">The document's id.</param>
/// <param name="ContentHash">The content hash it is stored under.</param>
/// <param name="EventCount">Events written (0 when unchanged).</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record StoreResult(StoreOutcome Outcome, string DocumentId, string ContentHash, int EventCount, string Reason);

/// <summary>One document of a batch for <see cref="IEventStore.SaveDocuments"/>, with its copy link and fingerprint.</summary>
/// <param name="Document">The annotated document.</param>
/// <param name="DuplicateOf">Id of the document it copies, when it is a syndicated copy.</param>
/// <param name="Fingerprint">Near-duplicate signature bytes, when computed.</param>
public sealed record DocumentToStore(Sitrep.Core.Document Document, string? DuplicateOf = null, byte[]? Fingerprint = null);

/// <summary>Row counts of a store.</summary>
public readonly record struct StoreCounts(long Documents, long Events, long Incidents);

/// <summary>An actor named in stored incidents (as actor1 or actor2) and in how many.</summary>
public sealed record ActorCount(string Actor, int Incidents);

/// <summary>The few fields of an incident a map, a timeline and their filters need (see <see cref="IEventStore.QueryIncidentPoints"/>).</summary>
/// <param name="IncidentId">The incident's id.</param>
/// <param name="Latitude">Latitude, when placed.</param>
/// <param name="Longitude">Longitude, when placed.</param>
/// <param name="SubEventType">ACLED sub-event type (the event type follows from it).</param>
/// <param name="Date">First day of the incident's date range, when resolved.</param>
/// <param name="DateEnd">Last day of the incident's date range, when resolved.</param>
/// <param name="Country">ISO 3166-1 alpha-2, when placed.</param>
/// <param name="Fatalities">ACLED's conservative figure (0 when none reported).</param>
/// <param name="Grade">Corroboration grade.</param>
/// <param name="Actor1">Who acted, when known.</param>
/// <param name="Actor2">Against whom, when known.</param>
public sealed record IncidentPoint(
    string IncidentId, double? Latitude, double? Longitude, string SubEventType, DateOnly? Date, DateOnly? DateEnd, string? Country,
    int Fatalities, Sitrep.Core.IncidentGrade Grade, string? Actor1, string? Actor2)
{
    /// <summary>The point of a whole incident.</summary>
    public static IncidentPoint Of(Sitrep.Core.Incident i) => new(
        i.IncidentId, i.Event.Place?.Point.Latitude, i.Event.Place?.Point.Longitude, i.Event.SubEventType, i.Event.Date.Start,
        i.Event.Date.End, i.Event.Place?.CountryCode, i.FatalitiesMin ?? 0, i.Grade, i.Event.Actor1, i.Event.Actor2);
}
