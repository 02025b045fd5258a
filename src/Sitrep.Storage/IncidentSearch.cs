namespace Sitrep.Storage;

/// <summary>How a text search reaches its first page; see <see cref="IncidentSearch.Choose"/>.</summary>
internal enum SearchWay
{
    /// <summary>From the matching documents to their incidents, sorted: cheap while few documents match.</summary>
    FromDocuments,

    /// <summary>The listing order walked, each incident's documents looked up in the set of matching documents read once.</summary>
    WalkWithSet,

    /// <summary>The listing order walked, each incident's documents tested against the full-text index one by one.</summary>
    WalkWithProbe,
}

/// <summary>
/// Full-text search of incidents in listing order, for both stores. The table incident_search holds one row per
/// (incident, stored document): pos is the incident's place in the listing order (by date, undated last, then id) and
/// doc_rowid the document's row in the full-text index. A search then finds its first page without sorting every match:
/// a common word (a quarter of all incidents) walks the listing order and stops after a few hundred incidents, a rare
/// one goes from its few documents. The table is rebuilt with the incidents (<c>ReplaceIncidents</c>) and follows a
/// document replaced under the same id; a document stored after the incidents that cite it is searchable from the
/// next rebuild, as its incidents are.
/// </summary>
internal static class IncidentSearch
{
    /// <summary>Below this share of documents matching, <see cref="SearchWay.FromDocuments"/>: going from a document
    /// costs ~7 µs, a walked row ~0.2 µs, and the rarer the word the longer the walk to a page (SQLite, 1M incidents,
    /// 250k documents: a word in 2,221 documents 12–16 ms from the documents, 2 ms walking; even at 750 documents).</summary>
    public const double RareShare = 0.003;

    /// <summary>From this share of documents matching on, <see cref="SearchWay.WalkWithProbe"/>: a set of a quarter of
    /// the documents takes longer to read than the few probes a page then needs (SQLite, 1M incidents: a word in 9 % of
    /// documents 4 ms with a set, 31 ms with probes at ~50 µs each; in 99 %, 38 ms with a set, 2 ms with probes).</summary>
    public const double CommonShare = 0.25;

    /// <summary>How many matching documents need counting at most to choose the way for a store of <paramref name="documents"/>.</summary>
    public static long CountCap(long documents) => CapAt(documents, CommonShare);

    /// <summary>How many matching documents need counting at most to tell a rare word from a more frequent one.</summary>
    public static long RareCap(long documents) => CapAt(documents, RareShare);

    // One more than the documents at that share: counting that far tells "at least the share" from "fewer".
    private static long CapAt(long documents, double share) => (long)Math.Ceiling(documents * share) + 1;

    /// <summary>The way for <paramref name="matching"/> (or more) of <paramref name="documents"/> documents matching.</summary>
    public static SearchWay Choose(long matching, long documents) =>
        matching < documents * RareShare ? SearchWay.FromDocuments
        : matching < documents * CommonShare ? SearchWay.WalkWithSet
        : SearchWay.WalkWithProbe;

    /// <summary>
    /// Share of incidents in a distance filter's box from which the listing order is walked to the first page instead
    /// of reading the whole box and sorting it (SQLite, 1M incidents, 50 km: 20,600 in the box, 25 ms read and sorted,
    /// 1.5 ms walked). At this share a page of 100 is found within 20,000 incidents of the walk.
    /// </summary>
    public const double NearWalkShare = 0.005;

    /// <summary>How many incidents a box must hold, of <paramref name="incidents"/>, for the walk; counting stops there.</summary>
    public static long NearWalkCount(long incidents) => Math.Max(1, (long)(incidents * NearWalkShare));

    /// <summary>The incident_search rows of every stored incident, rebuilt in one go (SQLite).</summary>
    public const string RefreshSqlite = """
        DELETE FROM incident_search;
        INSERT INTO incident_search (pos, doc_rowid, incident_id)
        SELECT o.pos, d.doc_rowid, o.incident_id
        FROM (SELECT incident_id, ROW_NUMBER() OVER (ORDER BY event_date IS NULL, event_date, incident_id) AS pos FROM incidents) o
        JOIN incident_documents l ON l.incident_id = o.incident_id
        JOIN documents d ON d.id = l.document_id;
        """;

    /// <summary>
    /// The incident_search rows of every stored incident, rebuilt in one go (PostgreSQL), with fresh statistics: the
    /// way a search takes comes from the planner's estimate of matching documents, so the documents' too.
    /// </summary>
    public const string RefreshPostgres = """
        DELETE FROM incident_search;
        INSERT INTO incident_search (pos, doc_rowid, incident_id)
        SELECT o.pos, d.doc_rowid, o.incident_id
        FROM (SELECT incident_id, ROW_NUMBER() OVER (ORDER BY (event_date IS NULL), event_date, incident_id) AS pos FROM incidents) o
        JOIN incident_documents l ON l.incident_id = o.incident_id
        JOIN documents d ON d.id = l.document_id
        ORDER BY o.pos;
        ANALYZE incident_search;
        ANALYZE documents;
        """;
}
