using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// Where documents, their events and the incidents built from them are kept. The CLI and web code against this;
/// <see cref="SqliteStore"/> implements it, a PostgreSQL store will too. Implementations are not thread-safe.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>True when a document with this content hash is stored already.</summary>
    bool ContainsContent(string contentHash);

    /// <summary>
    /// Stores a document with its layers and events in one transaction. Same content again adds nothing; the same
    /// id with new content replaces the old version. <paramref name="duplicateOf"/> records that the text copies an
    /// earlier document (syndication), so the two count as one source; <paramref name="fingerprint"/> is the
    /// near-duplicate detector's signature of the text, kept so the next run can recognise copies of it.
    /// </summary>
    StoreResult SaveDocument(Document document, string? duplicateOf = null, byte[]? fingerprint = null);

    /// <summary>
    /// Saves many documents in one transaction, as <see cref="SaveDocument"/> does one: far faster for bulk ingest
    /// (one commit, one full-text segment). Results are in batch order; a failure stores none of the batch.
    /// </summary>
    IReadOnlyList<StoreResult> SaveDocuments(IReadOnlyList<DocumentToStore> batch);

    /// <summary>Every stored fingerprint with its document's copy link, in the order the documents were stored.</summary>
    IEnumerable<(string DocumentId, byte[] Fingerprint, string? DuplicateOf)> LoadFingerprints();

    /// <summary>Every stored event (all modalities) with its document's metadata, by document id then event order.</summary>
    IEnumerable<(DocumentMeta Document, ConflictEvent Event)> LoadEvents();

    /// <summary>Document id → id of the document it copies, for every document stored as a copy.</summary>
    IReadOnlyDictionary<string, string> LoadDuplicateLinks();

    /// <summary>
    /// Every event (all modalities) of the next <paramref name="maxDocuments"/> documents that have events, by id after
    /// <paramref name="afterDocumentId"/> (null: from the first), with its ordinal in its document; by document id then
    /// ordinal; empty when none is left. For rebuilding incidents a few documents at a time.
    /// </summary>
    IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> LoadEventsOfDocuments(string? afterDocumentId, int maxDocuments);

    /// <summary>
    /// Every event whose date starts on the first start date after <paramref name="after"/> (null: the earliest), with
    /// its ordinal in its document, in no particular order; empty when none is left. For rebuilding incidents by date.
    /// </summary>
    IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> LoadEventsOnNextStartDate(DateOnly? after);

    /// <summary>
    /// Replaces every stored incident with <paramref name="incidents"/> in one transaction, enumerating them as it
    /// writes (they may be built lazily from <see cref="LoadEventsOfDocuments"/> and <see cref="LoadEventsOnNextStartDate"/>
    /// of this store). A failure while enumerating leaves the old incidents.
    /// </summary>
    void ReplaceIncidents(IEnumerable<Incident> incidents);

    /// <summary>Incidents matching every filter of <paramref name="query"/>, by date (undated last) then id, paged.</summary>
    IReadOnlyList<Incident> QueryIncidents(IncidentQuery query);

    /// <summary>Number of incidents matching the filters of <paramref name="query"/>, ignoring its paging.</summary>
    int CountIncidents(IncidentQuery query);

    /// <summary>
    /// The map's view of the incidents matching <paramref name="query"/> (paged like <see cref="QueryIncidents"/>):
    /// id, position, type, date, fatalities and grade only, so a hundred thousand can be listed quickly. Stores may
    /// override this default, which reads whole incidents.
    /// </summary>
    IReadOnlyList<IncidentPoint> QueryIncidentPoints(IncidentQuery query) => [.. QueryIncidents(query).Select(IncidentPoint.Of)];

    /// <summary>The incident with this id, or null. Stores may override this default, which scans every incident.</summary>
    Incident? GetIncident(string incidentId) =>
        QueryIncidents(IncidentQuery.All with { Limit = int.MaxValue }).FirstOrDefault(i => i.IncidentId == incidentId);

    /// <summary>Ids of the documents an incident was built from.</summary>
    IReadOnlyList<string> DocumentIdsOf(string incidentId);

    /// <summary>Every actor named by a stored incident, most frequent first, then by name.</summary>
    IReadOnlyList<ActorCount> Actors();

    /// <summary>How many documents, events and incidents are stored.</summary>
    StoreCounts Counts();

    /// <summary>A stored document with all its layers, or null when there is none with this id.</summary>
    Document? GetDocument(string id);
}
