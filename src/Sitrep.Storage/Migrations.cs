namespace Sitrep.Storage;

/// <summary>One schema step: applied once, in version order, inside a transaction.</summary>
/// <param name="Version">Strictly increasing version number.</param>
/// <param name="Description">What the step does, stored in schema_version.</param>
/// <param name="Statements">SQL statements run in order.</param>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>
/// Both schemas as ordered data: <see cref="Sqlite"/> and <see cref="Postgres"/> hold the same tables and columns
/// (dates as ISO text in both, so filters compare alike); they differ in the full-text index (FTS5 there, a tsvector
/// column copied into a narrow GIN-indexed table here) and in PostgreSQL's ingest queue, which lets many workers share one store.
/// Never edit a shipped step: add a new one.
/// </summary>
public static class Migrations
{
    /// <summary>The schema_version table itself, created before any step.</summary>
    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)";

    /// <summary>Every SQLite step, in order.</summary>
    public static IReadOnlyList<Migration> Sqlite { get; } =
    [
        new(1, "documents and their events",
        [
            """
            CREATE TABLE documents (
                doc_rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL UNIQUE,
                path TEXT NOT NULL,
                url TEXT,
                source TEXT,
                title TEXT,
                published TEXT,
                published_source TEXT,
                text TEXT NOT NULL,
                entities_json TEXT NOT NULL,
                quotes_json TEXT NOT NULL,
                events_json TEXT NOT NULL,
                layers_json TEXT NOT NULL,
                tokens BLOB,
                duplicate_of TEXT
            )
            """,
            """
            CREATE TABLE events (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                event_date TEXT,
                event_date_end TEXT,
                time_precision TEXT,
                actor1 TEXT,
                actor2 TEXT,
                country TEXT,
                admin1 TEXT,
                location TEXT,
                latitude REAL,
                longitude REAL,
                geo_precision INTEGER,
                fatalities INTEGER NOT NULL,
                fatalities_min INTEGER,
                fatalities_max INTEGER,
                injured_min INTEGER,
                injured_max INTEGER,
                civilian_targeting INTEGER NOT NULL,
                modality TEXT NOT NULL,
                event_json TEXT NOT NULL,
                PRIMARY KEY (document_id, ordinal)
            )
            """,
            "CREATE INDEX events_date ON events (event_date)",
            "CREATE INDEX events_type ON events (sub_event_type)",
        ]),
        new(2, "full-text index over document title and text",
        [
            """
            CREATE VIRTUAL TABLE documents_fts USING fts5(
                title, text, content='documents', content_rowid='doc_rowid', tokenize='unicode61 remove_diacritics 2')
            """,
        ]),
        new(3, "incidents and the documents that report them",
        [
            """
            CREATE TABLE incidents (
                incident_id TEXT PRIMARY KEY,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                event_date TEXT,
                event_date_end TEXT,
                time_precision TEXT,
                actor1 TEXT,
                actor2 TEXT,
                country TEXT,
                admin1 TEXT,
                location TEXT,
                latitude REAL,
                longitude REAL,
                geo_precision INTEGER,
                fatalities INTEGER NOT NULL,
                fatalities_min INTEGER,
                fatalities_max INTEGER,
                injured_min INTEGER,
                injured_max INTEGER,
                civilian_targeting INTEGER NOT NULL,
                modality TEXT NOT NULL,
                source_count INTEGER NOT NULL,
                grade TEXT NOT NULL,
                grade_reason TEXT NOT NULL,
                event_json TEXT NOT NULL,
                sources_json TEXT NOT NULL
            )
            """,
            "CREATE INDEX incidents_date ON incidents (event_date)",
            "CREATE INDEX incidents_country ON incidents (country)",
            "CREATE INDEX incidents_latlon ON incidents (latitude, longitude)",
            """
            CREATE TABLE incident_documents (
                incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
                document_id TEXT NOT NULL,
                PRIMARY KEY (incident_id, document_id)
            )
            """,
            "CREATE INDEX incident_documents_document ON incident_documents (document_id)",
        ]),
        new(4, "near-duplicate fingerprint per document, so copy detection spans runs",
        [
            "ALTER TABLE documents ADD COLUMN fingerprint BLOB",
        ]),
        new(5, "indexes in the order incidents are listed, and the longest incident date range",
        [
            // The listing order holding every filtered column: a page needs no sort, and counting matches reads this
            // narrow index instead of the wide incident rows (event and sources JSON), a tenth of the pages.
            """
            CREATE INDEX incidents_order ON incidents (event_date IS NULL, event_date, incident_id, event_date_end, country,
                grade, event_type, sub_event_type, actor1, actor2, latitude, longitude)
            """,
            "CREATE INDEX incidents_dated ON incidents (event_date, incident_id)",
            "CREATE INDEX incidents_country_order ON incidents (country, event_date IS NULL, event_date, incident_id)",
            "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
            """
            INSERT INTO store_meta (key, value)
            SELECT 'max_span_days', CAST(COALESCE(MAX(julianday(event_date_end) - julianday(event_date)), 0) AS INTEGER) FROM incidents
            """,
        ]),
        new(6, "indexes covering the distance filter's box with the listing order, and country with the dated order",
        [
            "DROP INDEX incidents_latlon",
            "CREATE INDEX incidents_near ON incidents (latitude, longitude, event_date, incident_id)",
            // With a date filter the listing order is (event_date, incident_id): a country index in that order too.
            "CREATE INDEX incidents_country_dated ON incidents (country, event_date, incident_id)",
        ]),
        new(7, "incident_search: each incident's documents by listing position, so text search finds a page without sorting every match",
        [
            // WITHOUT ROWID: the rows are the (pos, doc_rowid) index itself, read in listing order by a walk.
            """
            CREATE TABLE incident_search (pos INTEGER NOT NULL, doc_rowid INTEGER NOT NULL, incident_id TEXT NOT NULL,
                PRIMARY KEY (pos, doc_rowid)) WITHOUT ROWID
            """,
            "CREATE INDEX incident_search_document ON incident_search (doc_rowid, pos)",
            IncidentSearch.RefreshSqlite,
        ]),
    ];

    /// <summary>Every PostgreSQL step, in order.</summary>
    public static IReadOnlyList<Migration> Postgres { get; } =
    [
        new(1, "documents, events, full-text index",
        [
            """
            CREATE TABLE documents (
                doc_rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id TEXT COLLATE "C" NOT NULL UNIQUE,
                content_hash TEXT NOT NULL UNIQUE,
                path TEXT NOT NULL,
                url TEXT,
                source TEXT,
                title TEXT,
                published TEXT,
                published_source TEXT,
                text TEXT NOT NULL,
                entities_json TEXT NOT NULL,
                quotes_json TEXT NOT NULL,
                events_json TEXT NOT NULL,
                layers_json TEXT NOT NULL,
                tokens BYTEA,
                duplicate_of TEXT COLLATE "C",
                fingerprint BYTEA,
                queue_seq BIGINT,
                search TSVECTOR GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', COALESCE(title, '')), 'A') || to_tsvector('simple', text)) STORED
            )
            """,
            "CREATE INDEX documents_search ON documents USING GIN (search)",
            """
            CREATE TABLE events (
                document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                event_date TEXT COLLATE "C",
                event_date_end TEXT COLLATE "C",
                time_precision TEXT,
                actor1 TEXT COLLATE "C",
                actor2 TEXT COLLATE "C",
                country TEXT,
                admin1 TEXT,
                location TEXT,
                latitude DOUBLE PRECISION,
                longitude DOUBLE PRECISION,
                geo_precision INTEGER,
                fatalities INTEGER NOT NULL,
                fatalities_min INTEGER,
                fatalities_max INTEGER,
                injured_min INTEGER,
                injured_max INTEGER,
                civilian_targeting INTEGER NOT NULL,
                modality TEXT NOT NULL,
                event_json TEXT NOT NULL,
                PRIMARY KEY (document_id, ordinal)
            )
            """,
            "CREATE INDEX events_date ON events (event_date)",
            "CREATE INDEX events_type ON events (sub_event_type)",
        ]),
        new(2, "incidents and the documents that report them",
        [
            """
            CREATE TABLE incidents (
                incident_id TEXT COLLATE "C" PRIMARY KEY,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                event_date TEXT COLLATE "C",
                event_date_end TEXT COLLATE "C",
                time_precision TEXT,
                actor1 TEXT COLLATE "C",
                actor2 TEXT COLLATE "C",
                country TEXT,
                admin1 TEXT,
                location TEXT,
                latitude DOUBLE PRECISION,
                longitude DOUBLE PRECISION,
                geo_precision INTEGER,
                fatalities INTEGER NOT NULL,
                fatalities_min INTEGER,
                fatalities_max INTEGER,
                injured_min INTEGER,
                injured_max INTEGER,
                civilian_targeting INTEGER NOT NULL,
                modality TEXT NOT NULL,
                source_count INTEGER NOT NULL,
                grade TEXT NOT NULL,
                grade_reason TEXT NOT NULL,
                event_json TEXT NOT NULL,
                sources_json TEXT NOT NULL
            )
            """,
            "CREATE INDEX incidents_date ON incidents (event_date)",
            "CREATE INDEX incidents_country ON incidents (country)",
            "CREATE INDEX incidents_latlon ON incidents (latitude, longitude)",
            """
            CREATE TABLE incident_documents (
                incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
                document_id TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (incident_id, document_id)
            )
            """,
            "CREATE INDEX incident_documents_document ON incident_documents (document_id)",
        ]),
        new(3, "ingest queue: raw inputs waiting for a worker, claimed with FOR UPDATE SKIP LOCKED",
        [
            """
            CREATE TABLE ingest_queue (
                seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                content_hash TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL,
                path TEXT NOT NULL,
                kind TEXT NOT NULL,
                content BYTEA,
                url TEXT,
                source TEXT,
                title TEXT,
                published TEXT,
                default_published TEXT,
                state TEXT NOT NULL DEFAULT 'pending',
                worker TEXT,
                reason TEXT,
                finished_at TIMESTAMPTZ
            )
            """,
            "CREATE INDEX ingest_queue_pending ON ingest_queue (seq) WHERE state = 'pending'",
        ]),
        new(4, "indexes in the order incidents are listed, and the longest incident date range",
        [
            "CREATE INDEX incidents_order ON incidents ((event_date IS NULL), event_date, incident_id)",
            "CREATE INDEX incidents_dated ON incidents (event_date, incident_id)",
            "CREATE INDEX incidents_country_order ON incidents (country, (event_date IS NULL), event_date, incident_id)",
            "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
            """
            INSERT INTO store_meta (key, value)
            SELECT 'max_span_days', COALESCE(MAX(event_date_end::date - event_date::date), 0) FROM incidents
            """,
        ]),
        new(5, "indexes covering the distance filter's box with the listing order, and country with the dated order",
        [
            "DROP INDEX incidents_latlon",
            "CREATE INDEX incidents_near ON incidents (latitude, longitude, event_date, incident_id)",
            // With a date filter the listing order is (event_date, incident_id): a country index in that order too.
            "CREATE INDEX incidents_country_dated ON incidents (country, event_date, incident_id)",
        ]),
        new(6, "trigram indexes so the actor substring filter (LOWER(actor) LIKE '%x%') uses an index",
        [
            // pg_trgm ships with the server (contrib) and is a trusted extension: a database owner may create it.
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "CREATE INDEX incidents_actor1_trgm ON incidents USING gin (LOWER(actor1) gin_trgm_ops)",
            "CREATE INDEX incidents_actor2_trgm ON incidents USING gin (LOWER(actor2) gin_trgm_ops)",
        ]),
        new(7, "incident_search: each incident's documents by listing position, so text search finds a page without sorting every match",
        [
            """
            CREATE TABLE incident_search (pos INTEGER NOT NULL, doc_rowid BIGINT NOT NULL, incident_id TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (pos, doc_rowid))
            """,
            // incident_id included: going from matching documents to their incidents reads this index only.
            "CREATE INDEX incident_search_document ON incident_search (doc_rowid, pos) INCLUDE (incident_id)",
            IncidentSearch.RefreshPostgres,
            // The listing orders holding the filtered columns, as SQLite's incidents_order does: a page's ids come from
            // an index-only scan that tests each filter on the index entry instead of reading the wide row first
            // (country, type and a year on 1M: 103 / 189 ms p50 / p99 reading ~1,000 rows for a page of 100).
            "DROP INDEX incidents_order",
            """
            CREATE INDEX incidents_order ON incidents ((event_date IS NULL), event_date, incident_id)
                INCLUDE (event_date_end, country, grade, event_type, sub_event_type, actor1, actor2, latitude, longitude)
            """,
            "DROP INDEX incidents_country_dated",
            """
            CREATE INDEX incidents_country_dated ON incidents (country, event_date, incident_id)
                INCLUDE (event_date_end, grade, event_type, sub_event_type, actor1, actor2, latitude, longitude)
            """,
        ]),
        new(8, "document_search: each document's tsvector in a narrow table (the vector itself out of line), so a text search reads few heap pages",
        [
            // A GIN bitmap scan still visits the heap page of every match; on the wide documents rows that is one page
            // per match (a word in 41k of 250k documents: 23,800 pages, 130-660 ms). Here ~180 rows share a page.
            "CREATE TABLE document_search (doc_rowid BIGINT PRIMARY KEY, search tsvector NOT NULL) WITH (toast_tuple_target = 128)",
            "ALTER TABLE document_search ALTER COLUMN search SET STORAGE EXTERNAL",
            "INSERT INTO document_search (doc_rowid, search) SELECT doc_rowid, search FROM documents",
            "CREATE INDEX document_search_search ON document_search USING GIN (search)",
            "DROP INDEX documents_search",
            // Kept in step by the database itself, so no write path can forget it; updates of other columns (copy
            // links, queue state) do not touch it. doc_rowid is an identity column, never updated.
            """
            CREATE FUNCTION sitrep_copy_document_search() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM document_search WHERE doc_rowid = OLD.doc_rowid;
                    RETURN OLD;
                END IF;
                INSERT INTO document_search (doc_rowid, search) VALUES (NEW.doc_rowid, NEW.search)
                    ON CONFLICT (doc_rowid) DO UPDATE SET search = EXCLUDED.search;
                RETURN NEW;
            END
            $$
            """,
            """
            CREATE TRIGGER documents_copy_search AFTER INSERT OR DELETE OR UPDATE OF title, text ON documents
                FOR EACH ROW EXECUTE FUNCTION sitrep_copy_document_search()
            """,
            "ANALYZE document_search",
        ]),
    ];
}
