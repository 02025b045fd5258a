namespace Sitrep.Storage;

/// <summary>One schema step: applied once, in version order, inside a transaction.</summary>
/// <param name="Version">Strictly increasing version number.</param>
/// <param name="Description">What the step does, stored in schema_version.</param>
/// <param name="Statements">SQL statements run in order.</param>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>
/// The SQLite schema as ordered data. Plain tables and indexes use portable SQL so a PostgreSQL list can mirror
/// them; only the full-text index is SQLite-specific (FTS5 external-content table over documents).
/// Never edit a shipped step: add a new one.
/// </summary>
public static class Migrations
{
    /// <summary>The schema_version table itself, created before any step.</summary>
    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)";

    /// <summary>Every step, in order.</summary>
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
        new(5, "index in the incidents' listing order holding every filtered column, so a page needs no sort and a count no table scan",
        [
            // Incident rows are wide (event and sources JSON); counting matches through this narrow index reads a
            // tenth of the pages.
            """
            CREATE INDEX incidents_order ON incidents (event_date IS NULL, event_date, incident_id, event_date_end, country,
                grade, event_type, sub_event_type, actor1, actor2, latitude, longitude)
            """,
        ]),
    ];
}
