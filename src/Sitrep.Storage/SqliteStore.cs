using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Core;
using static Sitrep.Storage.StoredRows;

namespace Sitrep.Storage;

/// <summary>
/// The SQLite event store: one file in WAL mode, schema applied by <see cref="Migrations"/>, documents kept once
/// per content hash, events and incidents in queryable columns with their full JSON alongside, and an FTS5 index
/// over document titles and texts. One connection; not thread-safe.
/// </summary>
public sealed class SqliteStore : IEventStore
{
    private readonly SqliteConnection _connection;

    // The incident rebuild's transaction while ReplaceIncidents runs: the events it reads meanwhile are read in it.
    private SqliteTransaction? _rebuild;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (or creates) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteStore Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            Execute(connection, null, "PRAGMA journal_mode=WAL");
            Execute(connection, null, "PRAGMA synchronous=NORMAL");
            Execute(connection, null, "PRAGMA foreign_keys=ON");
            // A larger page cache keeps index pages of bulk inserts in memory (negative = KiB).
            Execute(connection, null, "PRAGMA cache_size=-32768");
            Migrate(connection, Migrations.Sqlite);
            return new SqliteStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Highest schema version applied.</summary>
    public int SchemaVersion
    {
        get
        {
            using var cmd = Command(null, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
            return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>SQLite's journal mode for this database ("wal" for files, "memory" for in-memory databases).</summary>
    public string JournalMode
    {
        get
        {
            using var cmd = Command(null, "PRAGMA journal_mode");
            return (string)cmd.ExecuteScalar()!;
        }
    }

    private static void Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        Execute(connection, null, Migrations.VersionTable);
        int current;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var previous = 0;
        foreach (var m in migrations)
        {
            if (m.Version <= previous) throw new InvalidOperationException($"migrations out of order at version {m.Version}");
            previous = m.Version;
            if (m.Version <= current) continue;
            using var tx = connection.BeginTransaction();
            foreach (var sql in m.Statements) Execute(connection, tx, sql);
            Execute(connection, tx, "INSERT INTO schema_version (version, description) VALUES ($v, $d)",
                ("$v", m.Version), ("$d", m.Description));
            tx.Commit();
        }
    }

    /// <inheritdoc />
    public bool ContainsContent(string contentHash)
    {
        using var cmd = Command(null, "SELECT 1 FROM documents WHERE content_hash = $h", ("$h", contentHash));
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public StoreResult SaveDocument(Document document, string? duplicateOf = null, byte[]? fingerprint = null)
    {
        using var tx = _connection.BeginTransaction();
        var result = Save(tx, new DocumentToStore(document, duplicateOf, fingerprint));
        tx.Commit();
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoreResult> SaveDocuments(IReadOnlyList<DocumentToStore> batch)
    {
        var results = new StoreResult[batch.Count];
        using var tx = _connection.BeginTransaction();
        for (var i = 0; i < batch.Count; i++) results[i] = Save(tx, batch[i]);
        tx.Commit();
        return results;
    }

    private StoreResult Save(SqliteTransaction tx, DocumentToStore item)
    {
        var (document, duplicateOf, fingerprint) = item;
        var meta = document.Meta;
        var hash = HashOf(document);

        if (ScalarExists(tx, "SELECT 1 FROM documents WHERE content_hash = $h", ("$h", hash)))
            return new StoreResult(StoreOutcome.Unchanged, meta.Id, hash, 0, "same content stored already");

        var outcome = StoreOutcome.Added;
        long? replacedRowid = null;
        using (var old = Command(tx, "SELECT doc_rowid, title, text FROM documents WHERE id = $id", ("$id", meta.Id)))
        using (var reader = old.ExecuteReader())
        {
            if (reader.Read())
            {
                var rowid = reader.GetInt64(0);
                var oldTitle = reader.IsDBNull(1) ? null : reader.GetString(1);
                var oldText = reader.GetString(2);
                reader.Close();
                // External-content FTS needs the old values to remove its entries.
                Execute(_connection, tx, "INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', $r, $t, $x)",
                    ("$r", rowid), ("$t", oldTitle), ("$x", oldText));
                Execute(_connection, tx, "DELETE FROM documents WHERE doc_rowid = $r", ("$r", rowid));
                outcome = StoreOutcome.Replaced;
                replacedRowid = rowid;
            }
        }

        long docRowid;
        using (var insert = Command(tx, """
            INSERT INTO documents (id, content_hash, path, url, source, title, published, published_source, text,
                entities_json, quotes_json, events_json, layers_json, tokens, duplicate_of, fingerprint)
            VALUES ($id, $hash, $path, $url, $source, $title, $published, $psource, $text,
                $entities, $quotes, $events, $layers, $tokens, $dup, $fingerprint)
            RETURNING doc_rowid
            """,
            ("$id", meta.Id), ("$hash", hash), ("$path", meta.Path), ("$url", meta.Url), ("$source", meta.Source),
            ("$title", meta.Title), ("$published", Iso(meta.Published)), ("$psource", meta.PublishedSource),
            ("$text", document.Text), ("$entities", SitrepJson.Serialize(document.Entities)),
            ("$quotes", SitrepJson.Serialize(document.Quotes)), ("$events", SitrepJson.Serialize(document.Events)),
            ("$layers", LayersJson(document)),
            ("$tokens", PackTokens(document)), ("$dup", duplicateOf), ("$fingerprint", fingerprint)))
        {
            docRowid = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        Execute(_connection, tx, "INSERT INTO documents_fts (rowid, title, text) VALUES ($r, $t, $x)",
            ("$r", docRowid), ("$t", meta.Title), ("$x", document.Text));
        // The incidents citing the old version now find the new one in a text search.
        if (replacedRowid is { } was)
            Execute(_connection, tx, "UPDATE incident_search SET doc_rowid = $new WHERE doc_rowid = $old", ("$new", docRowid), ("$old", was));

        using (var ev = Command(tx, $"""
            INSERT INTO events (document_id, ordinal, {EventColumns}, event_json)
            VALUES ($doc, $ordinal, {EventParameters}, $json)
            """))
        {
            var eventParameters = AddEventParameters(ev);
            ev.Parameters.AddWithValue("$doc", meta.Id);
            var ordinal = ev.Parameters.AddWithValue("$ordinal", 0);
            var json = ev.Parameters.AddWithValue("$json", "");
            ev.Prepare();
            for (var i = 0; i < document.Events.Count; i++)
            {
                var e = document.Events[i];
                ordinal.Value = i;
                SetEventParameters(eventParameters, e, e.FatalitiesMin, e.FatalitiesMax, e.InjuredMin, e.InjuredMax);
                json.Value = SitrepJson.Serialize(e);
                ev.ExecuteNonQuery();
            }
        }
        return new StoreResult(outcome, meta.Id, hash, document.Events.Count,
            outcome == StoreOutcome.Added ? "new document" : "new content under a stored id replaced the old version");
    }

    /// <inheritdoc />
    public IEnumerable<(DocumentMeta Document, ConflictEvent Event)> LoadEvents()
    {
        using var cmd = Command(null, $"""
            SELECT {MetaColumns}, e.event_json
            FROM events e JOIN documents d ON d.id = e.document_id
            ORDER BY d.id, e.ordinal
            """);
        using var reader = cmd.ExecuteReader();
        DocumentMeta? meta = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (meta is null || meta.Id != id) meta = ReadMeta(reader);
            yield return (meta, SitrepJson.Deserialize<ConflictEvent>(reader.GetString(MetaColumnCount)));
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> LoadDuplicateLinks()
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = Command(null, "SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL");
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) links[reader.GetString(0)] = reader.GetString(1);
        return links;
    }

    /// <inheritdoc />
    public IEnumerable<(string DocumentId, byte[] Fingerprint, string? DuplicateOf)> LoadFingerprints()
    {
        using var cmd = Command(null, "SELECT id, fingerprint, duplicate_of FROM documents WHERE fingerprint IS NOT NULL ORDER BY doc_rowid");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), (byte[])reader.GetValue(1), NullableString(reader, 2));
    }

    /// <inheritdoc />
    public IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> LoadEventsOfDocuments(string? afterDocumentId, int maxDocuments)
    {
        using var cmd = Command(_rebuild, EventsOfDocumentsSql(afterDocumentId is null), ("@after", afterDocumentId), ("@n", maxDocuments));
        using var reader = cmd.ExecuteReader();
        return ReadNumberedEvents(reader);
    }

    /// <inheritdoc />
    public IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> LoadEventsOnNextStartDate(DateOnly? after)
    {
        using var cmd = Command(_rebuild, EventsOnNextStartDateSql(after is null), ("@after", Iso(after)));
        using var reader = cmd.ExecuteReader();
        return ReadNumberedEvents(reader);
    }

    /// <inheritdoc />
    public void ReplaceIncidents(IEnumerable<Incident> incidents)
    {
        using var tx = _connection.BeginTransaction();
        _rebuild = tx;
        try
        {
            WriteIncidents(tx, incidents);
        }
        finally
        {
            _rebuild = null;
        }
        // Fresh statistics, or the planner takes the date index for a broad date range and reads most wide rows one
        // by one (2 s instead of 0.1 s on 100k incidents); about 0.3 s for 100k.
        Execute(_connection, null, "ANALYZE incidents");
    }

    // Rows go in one by one as the incidents are enumerated, all in `tx`, committed at the end.
    private void WriteIncidents(SqliteTransaction tx, IEnumerable<Incident> incidents)
    {
        Execute(_connection, tx, "DELETE FROM incident_documents");
        Execute(_connection, tx, "DELETE FROM incidents");
        using var ins = Command(tx, $"""
            INSERT INTO incidents (incident_id, {EventColumns}, source_count, grade, grade_reason, event_json, sources_json)
            VALUES ($id, {EventParameters}, $count, $grade, $reason, $json, $sources)
            """);
        var eventParameters = AddEventParameters(ins);
        var id = ins.Parameters.AddWithValue("$id", "");
        var count = ins.Parameters.AddWithValue("$count", 0);
        var grade = ins.Parameters.AddWithValue("$grade", "");
        var reason = ins.Parameters.AddWithValue("$reason", "");
        var json = ins.Parameters.AddWithValue("$json", "");
        var sources = ins.Parameters.AddWithValue("$sources", "");
        ins.Prepare();
        using var link = Command(tx, "INSERT OR IGNORE INTO incident_documents (incident_id, document_id) VALUES ($i, $d)");
        var linkIncident = link.Parameters.AddWithValue("$i", "");
        var linkDocument = link.Parameters.AddWithValue("$d", "");
        link.Prepare();
        long maxSpan = 0;
        foreach (var incident in incidents)
        {
            maxSpan = Math.Max(maxSpan, SpanDays(incident));
            id.Value = incident.IncidentId;
            SetEventParameters(eventParameters, incident.Event, incident.FatalitiesMin, incident.FatalitiesMax, incident.InjuredMin,
                incident.InjuredMax);
            count.Value = incident.SourceCount;
            grade.Value = incident.Grade.ToString();
            reason.Value = incident.GradeReason;
            json.Value = SitrepJson.Serialize(incident.Event);
            sources.Value = SitrepJson.Serialize(incident.Sources);
            ins.ExecuteNonQuery();
            linkIncident.Value = incident.IncidentId;
            foreach (var s in incident.Sources)
            {
                linkDocument.Value = s.DocumentId;
                link.ExecuteNonQuery();
            }
        }
        Execute(_connection, tx, "INSERT OR REPLACE INTO store_meta (key, value) VALUES ($k, $v)", ("$k", MaxSpanKey), ("$v", maxSpan));
        Execute(_connection, tx, IncidentSearch.RefreshSqlite);
        tx.Commit();
    }

    private long MaxSpanDays()
    {
        using var cmd = Command(null, "SELECT value FROM store_meta WHERE key = $k", ("$k", MaxSpanKey));
        return cmd.ExecuteScalar() is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
    }

    /// <inheritdoc />
    public IReadOnlyList<Incident> QueryIncidents(IncidentQuery query)
    {
        var offset = Math.Max(0, query.Offset);
        var limit = Math.Max(0, query.Limit);
        if (limit == 0) return [];
        if (!string.IsNullOrWhiteSpace(query.Text)) return FetchInOrder(SearchIds(query, offset, limit));
        if (query.Near is not null) return FetchInOrder(NearIds(query, offset, limit));
        return Query(query, IncidentColumns, ReadIncident);
    }

    // A text search in listing order through incident_search, the way chosen by how many documents match (counting
    // stops where the choice is made); other filters join the incident rows, the distance is checked here.
    private List<string> SearchIds(IncidentQuery query, int offset, int limit)
    {
        var ids = new List<string>();
        if (FtsQuery.Sanitise(query.Text) is not { } match) return ids;
        long documents;
        using (var max = Command(null, "SELECT COALESCE(MAX(doc_rowid), 0) FROM documents"))
            documents = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        long matching;
        using (var count = Command(null, $"SELECT COUNT(*) FROM ({MatchingDocumentsSql} LIMIT $cap)",
                   ("@match", match), ("$cap", IncidentSearch.CountCap(documents))))
            matching = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (matching == 0) return ids;
        var way = IncidentSearch.Choose(matching, documents);
        var filter = IncidentFilter.Of(query with { Text = null }, MaxSpanDays, FtsQuery.Sanitise, "")!;
        var join = filter.Conditions.Count > 0 || query.Near is not null;
        var sql = new StringBuilder("SELECT s.incident_id, ").Append(join ? "i.latitude, i.longitude" : "NULL, NULL").Append(", s.pos FROM ")
            // The plan is fixed rather than left to statistics, which know nothing of how many documents a word is in: a
            // walk keeps the document column out of index choice ('+'), so only the primary key, in listing order, is left.
            .Append(way == SearchWay.FromDocuments ? "incident_search s INDEXED BY incident_search_document" : "incident_search s");
        if (join) sql.Append(" CROSS JOIN incidents i ON i.incident_id = s.incident_id");
        sql.Append(" WHERE ").Append(way switch
        {
            SearchWay.WalkWithProbe => "EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts.rowid = s.doc_rowid AND documents_fts MATCH @match)",
            SearchWay.WalkWithSet => $"+s.doc_rowid IN ({MatchingDocumentsSql})",
            _ => $"s.doc_rowid IN ({MatchingDocumentsSql})",
        });
        foreach (var condition in filter.Conditions) sql.Append(" AND ").Append(condition);
        sql.Append(" ORDER BY s.pos");
        using var cmd = Command(null, sql.ToString(), ("@match", match));
        foreach (var (name, value) in filter.Parameters) cmd.Parameters.AddWithValue("@" + name, value);
        using var reader = cmd.ExecuteReader();
        var skipped = 0;
        long? previous = null;
        while (ids.Count < limit && reader.Read())
        {
            // An incident with several matching documents comes once per document, one after the other.
            var pos = reader.GetInt64(3);
            if (pos == previous) continue;
            previous = pos;
            if (query.Near is { } near && !IsNear(reader, near)) continue;
            if (skipped < offset) { skipped++; continue; }
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <inheritdoc />
    public IReadOnlyList<IncidentPoint> QueryIncidentPoints(IncidentQuery query) => Query(query, PointColumns, ReadPoint);

    /// <inheritdoc />
    public Incident? GetIncident(string incidentId)
    {
        using var cmd = Command(null, $"SELECT {IncidentColumns} FROM incidents i WHERE i.incident_id = $id", ("$id", incidentId));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadIncident(reader) : null;
    }

    private List<T> Query<T>(IncidentQuery query, string columns, Func<SqliteDataReader, T> read)
    {
        var results = new List<T>();
        var offset = Math.Max(0, query.Offset);
        var limit = Math.Max(0, query.Limit);
        if (limit == 0) return results;
        using var cmd = IncidentSelect(query, $"SELECT {columns} FROM incidents i");
        if (cmd is null) return results;
        // Paging by SQL unless the distance filter, which runs here, may still drop rows.
        if (query.Near is null)
        {
            cmd.CommandText += " LIMIT $limit OFFSET $offset";
            cmd.Parameters.AddWithValue("$limit", limit);
            cmd.Parameters.AddWithValue("$offset", offset);
        }
        using var reader = cmd.ExecuteReader();
        var skipped = 0;
        while (results.Count < limit && reader.Read())
        {
            if (query.Near is { } near && !IsNear(reader, near)) continue;
            if (query.Near is not null && skipped < offset) { skipped++; continue; }
            results.Add(read(reader));
        }
        return results;
    }

    // The distance is checked here, so SQL cannot page: keys come first (box and order from one covering index),
    // and only the page's rows are read whole.
    private List<string> NearIds(IncidentQuery query, int offset, int limit)
    {
        var ids = new List<string>();
        // A box holding many incidents is best met walking the listing order (the order index holds latitude and
        // longitude) to the page; a small one is read whole from the box index and sorted.
        var walk = query == new IncidentQuery(Near: query.Near, Offset: query.Offset, Limit: query.Limit) && BoxHoldsMany(query);
        using var cmd = IncidentSelect(query, walk ? NearKeys + " INDEXED BY incidents_order" : NearKeys);
        if (cmd is null) return ids;
        using var reader = cmd.ExecuteReader();
        var skipped = 0;
        while (ids.Count < limit && reader.Read())
        {
            if (!IsNear(reader, query.Near!.Value)) continue;
            if (skipped < offset) { skipped++; continue; }
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private bool BoxHoldsMany(IncidentQuery query)
    {
        long incidents;
        using (var max = Command(null, "SELECT COALESCE(MAX(rowid), 0) FROM incidents"))
            incidents = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        var cap = IncidentSearch.NearWalkCount(incidents);
        using var count = IncidentSelect(new IncidentQuery(Near: query.Near), "SELECT 1 FROM incidents i INDEXED BY incidents_near", ordered: false)!;
        count.CommandText = $"SELECT COUNT(*) FROM ({count.CommandText} LIMIT {cap})";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= cap;
    }

    private List<Incident> FetchInOrder(List<string> ids)
    {
        var byId = new Dictionary<string, Incident>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(IdsPerStatement))
        {
            using var cmd = Command(null, "");
            var names = new string[chunk.Length];
            for (var k = 0; k < chunk.Length; k++) cmd.Parameters.AddWithValue(names[k] = "$id" + k.ToString(CultureInfo.InvariantCulture), chunk[k]);
            cmd.CommandText = $"SELECT {IncidentColumns} FROM incidents i WHERE i.incident_id IN ({string.Join(", ", names)})";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) byId[reader.GetString(0)] = ReadIncident(reader);
        }
        // An id gone by now (incidents rebuilt between the two statements) is left out rather than failing the page.
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    /// <inheritdoc />
    public int CountIncidents(IncidentQuery query)
    {
        if (query.Near is null)
        {
            using var countCmd = IncidentSelect(query, "SELECT COUNT(*) FROM incidents i", ordered: false);
            return countCmd is null ? 0 : Convert.ToInt32(countCmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var cmd = IncidentSelect(query, NearKeys, ordered: false);
        if (cmd is null) return 0;
        using var reader = cmd.ExecuteReader();
        var count = 0;
        while (reader.Read()) if (IsNear(reader, query.Near.Value)) count++;
        return count;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> DocumentIdsOf(string incidentId)
    {
        var ids = new List<string>();
        using var cmd = Command(null, "SELECT document_id FROM incident_documents WHERE incident_id = $i ORDER BY document_id",
            ("$i", incidentId));
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <inheritdoc />
    public IReadOnlyList<ActorCount> Actors()
    {
        var actors = new List<ActorCount>();
        using var cmd = Command(null, """
            SELECT a.actor, COUNT(DISTINCT a.incident_id) AS n FROM (
                SELECT actor1 AS actor, incident_id FROM incidents WHERE actor1 IS NOT NULL
                UNION ALL
                SELECT actor2 AS actor, incident_id FROM incidents WHERE actor2 IS NOT NULL) a
            GROUP BY a.actor ORDER BY n DESC, a.actor
            """);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) actors.Add(new ActorCount(reader.GetString(0), reader.GetInt32(1)));
        return actors;
    }

    /// <inheritdoc />
    public StoreCounts Counts()
    {
        using var cmd = Command(null,
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM incidents)");
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <inheritdoc />
    public Document? GetDocument(string id)
    {
        using var cmd = Command(null, $"""
            SELECT {MetaColumns}, d.text, d.entities_json, d.quotes_json, d.events_json, d.layers_json, d.tokens
            FROM documents d WHERE d.id = $id
            """, ("$id", id));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadDocument(reader) : null;
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => _connection.Dispose();

    // ---- incidents query ----

    // The documents whose text matches the FTS5 query @match, for the text searches to build on.
    private const string MatchingDocumentsSql = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match";

    private SqliteCommand? IncidentSelect(IncidentQuery q, string select, bool ordered = true)
    {
        var filter = IncidentFilter.Of(q, MaxSpanDays, FtsQuery.Sanitise, $"""
            i.incident_id IN (SELECT s.incident_id FROM incident_search s
                WHERE s.doc_rowid IN ({MatchingDocumentsSql}))
            """);
        if (filter is null) return null;
        var cmd = Command(null, filter.Sql(select, q, ordered));
        foreach (var (name, value) in filter.Parameters) cmd.Parameters.AddWithValue("@" + name, value);
        return cmd;
    }


    // ---- rows ----

    private static readonly string EventColumns = string.Join(", ", EventColumnNames);
    private static readonly string EventParameters = string.Join(", ", EventColumnNames.Select(c => "$" + c));

    // Latitude and longitude at the same positions as in IncidentColumns, so IsNear reads both.
    private const string PointColumns =
        "i.incident_id, i.latitude, i.longitude, i.sub_event_type, i.event_date, i.event_date_end, i.country, i.fatalities, " +
        "i.grade, i.actor1, i.actor2";

    private static IncidentPoint ReadPoint(SqliteDataReader r) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetDouble(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.GetString(3),
        ParseIso(NullableString(r, 4)), ParseIso(NullableString(r, 5)), NullableString(r, 6), r.GetInt32(7),
        Enum.Parse<IncidentGrade>(r.GetString(8)), NullableString(r, 9), NullableString(r, 10));

    private static SqliteParameter[] AddEventParameters(SqliteCommand cmd)
    {
        // Kept by position: looking parameters up by name per row is a linear scan.
        var names = EventParameters.Split(", ");
        var parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++) parameters[i] = cmd.Parameters.Add(new SqliteParameter(names[i], DBNull.Value));
        return parameters;
    }

    private static void SetEventParameters(SqliteParameter[] p, ConflictEvent e, int? fatMin, int? fatMax, int? injMin, int? injMax)
    {
        var values = EventValues(e, fatMin, fatMax, injMin, injMax);
        for (var i = 0; i < p.Length; i++) p[i].Value = values[i];
    }

    // ---- plumbing ----

    private SqliteCommand Command(SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private bool ScalarExists(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(tx, sql, parameters);
        return cmd.ExecuteScalar() is not null;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql,
        params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }
}
