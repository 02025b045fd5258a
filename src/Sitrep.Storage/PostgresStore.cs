using System.Data;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Core;
using static Sitrep.Storage.StoredRows;

namespace Sitrep.Storage;

/// <summary>
/// The PostgreSQL event store, for a team sharing one database: the same tables and answers as
/// <see cref="SqliteStore"/>, full text through a generated tsvector column with a GIN index, and an ingest queue
/// (<see cref="Enqueue"/>, <see cref="Claim"/>, <see cref="Complete"/>) through which several workers on one or many
/// machines share the processing. One connection per instance; not thread-safe — give each worker its own.
/// </summary>
public sealed class PostgresStore : IEventStore
{
    // Advisory lock keys, arbitrary but fixed: every Sitrep process takes the same ones.
    private const long MigrationLock = 0x5317_8E90_0001;
    private const long IncidentLock = 0x5317_8E90_0002;
    private const string SerializationFailure = "40001";
    private const int RebuildAttempts = 3;
    // Incidents per COPY during a rebuild: few enough to hold, many enough that COPY's start-up cost does not matter.
    private const int IncidentBatch = 2000;

    private readonly NpgsqlConnection _connection;
    // The transaction that commands join while a claimed batch or an incident rebuild is open.
    private NpgsqlTransaction? _tx;

    private PostgresStore(NpgsqlConnection connection, string description)
    {
        _connection = connection;
        Description = description;
    }

    /// <summary>Where the store is, for messages ("PostgreSQL host db, database sitrep"); never the password.</summary>
    public string Description { get; }

    /// <summary>
    /// Connects to the database named by <paramref name="connectionString"/> (Npgsql keywords, e.g.
    /// "Host=db;Database=sitrep;Username=sitrep") and brings its schema up to date.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The string is malformed or the server cannot be reached.</exception>
    public static PostgresStore Open(string connectionString)
    {
        NpgsqlConnection connection;
        string where;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            where = $"PostgreSQL host {builder.Host ?? "(default)"}, database {builder.Database ?? "(default)"}";
            connection = new NpgsqlConnection(builder.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StoreUnavailableException($"PostgreSQL connection string is not valid: {ex.Message}", ex);
        }
        try
        {
            connection.Open();
            Migrate(connection);
            return new PostgresStore(connection, where);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            connection.Dispose();
            throw new StoreUnavailableException($"cannot open the store ({where}): {ex.Message}", ex);
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
            using var cmd = Command("SELECT COALESCE(MAX(version), 0) FROM schema_version");
            return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    private static void Migrate(NpgsqlConnection connection)
    {
        // An up-to-date schema needs no lock and no DDL, so a read-only user can run `sitrep events`.
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection))
        using (var version = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection))
            if ((bool)exists.ExecuteScalar()!
                && Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture) >= Migrations.Postgres[^1].Version)
                return;
        // Workers started together must not create the same tables at once: one migrates, the others wait and find
        // nothing left to do. The session lock goes away with the connection if this process dies.
        Execute(connection, null, "SELECT pg_advisory_lock(@k)", ("k", MigrationLock));
        try
        {
            Execute(connection, null, Migrations.VersionTable);
            int current;
            using (var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection))
                current = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            var previous = 0;
            foreach (var m in Migrations.Postgres)
            {
                if (m.Version <= previous) throw new InvalidOperationException($"migrations out of order at version {m.Version}");
                previous = m.Version;
                if (m.Version <= current) continue;
                using var tx = connection.BeginTransaction();
                foreach (var sql in m.Statements) Execute(connection, tx, sql);
                Execute(connection, tx, "INSERT INTO schema_version (version, description) VALUES (@v, @d)",
                    ("v", m.Version), ("d", m.Description));
                tx.Commit();
            }
        }
        finally
        {
            Execute(connection, null, "SELECT pg_advisory_unlock(@k)", ("k", MigrationLock));
        }
    }

    /// <inheritdoc />
    public bool ContainsContent(string contentHash)
    {
        using var cmd = Command("SELECT 1 FROM documents WHERE content_hash = @h", ("h", contentHash));
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public StoreResult SaveDocument(Document document, string? duplicateOf = null, byte[]? fingerprint = null) =>
        SaveDocuments([new DocumentToStore(document, duplicateOf, fingerprint)])[0];

    /// <inheritdoc />
    public IReadOnlyList<StoreResult> SaveDocuments(IReadOnlyList<DocumentToStore> batch)
    {
        using var tx = Begin();
        var results = new StoreResult[batch.Count];
        for (var i = 0; i < batch.Count; i++) results[i] = Save(batch[i], queueSeq: null);
        Commit();
        return results;
    }

    private StoreResult Save(DocumentToStore item, long? queueSeq)
    {
        var (document, duplicateOf, fingerprint) = item;
        var meta = document.Meta;
        var hash = HashOf(document);
        if (Scalar("SELECT 1 FROM documents WHERE content_hash = @h", ("h", hash)) is not null)
            return new StoreResult(StoreOutcome.Unchanged, meta.Id, hash, 0, "same content stored already");

        // Events go with the old version (ON DELETE CASCADE); the generated search column and its copy in
        // document_search (a trigger) need no upkeep.
        var replacedRowid = Scalar("DELETE FROM documents WHERE id = @id RETURNING doc_rowid", ("id", meta.Id));
        var replaced = replacedRowid is not null;
        Execute(_connection, _tx, """
            INSERT INTO documents (id, content_hash, path, url, source, title, published, published_source, text,
                entities_json, quotes_json, events_json, layers_json, tokens, duplicate_of, fingerprint, queue_seq)
            VALUES (@id, @hash, @path, @url, @source, @title, @published, @psource, @text,
                @entities, @quotes, @events, @layers, @tokens, @dup, @fingerprint, @seq)
            """,
            ("id", meta.Id), ("hash", hash), ("path", meta.Path), ("url", meta.Url), ("source", meta.Source),
            ("title", meta.Title), ("published", Iso(meta.Published)), ("psource", meta.PublishedSource),
            ("text", document.Text), ("entities", SitrepJson.Serialize(document.Entities)),
            ("quotes", SitrepJson.Serialize(document.Quotes)), ("events", SitrepJson.Serialize(document.Events)),
            ("layers", LayersJson(document)), ("tokens", PackTokens(document)), ("dup", duplicateOf),
            ("fingerprint", fingerprint), ("seq", queueSeq));
        // The incidents citing the old version now find the new one in a text search.
        if (replaced)
            Execute(_connection, _tx, "UPDATE incident_search SET doc_rowid = (SELECT doc_rowid FROM documents WHERE id = @id) WHERE doc_rowid = @old",
                ("id", meta.Id), ("old", replacedRowid));

        if (document.Events.Count > 0)
        {
            using var batch = new NpgsqlBatch(_connection, _tx);
            for (var i = 0; i < document.Events.Count; i++)
            {
                var e = document.Events[i];
                var cmd = new NpgsqlBatchCommand($"""
                    INSERT INTO events (document_id, ordinal, {EventColumns}, event_json)
                    VALUES ($1, $2, {Positional(3, EventColumnNames.Length)}, ${EventColumnNames.Length + 3})
                    """);
                cmd.Parameters.Add(new NpgsqlParameter { Value = meta.Id });
                cmd.Parameters.Add(new NpgsqlParameter { Value = i });
                AddEventValues(cmd.Parameters, EventValues(e, e.FatalitiesMin, e.FatalitiesMax, e.InjuredMin, e.InjuredMax));
                cmd.Parameters.Add(new NpgsqlParameter { Value = SitrepJson.Serialize(e) });
                batch.BatchCommands.Add(cmd);
            }
            batch.ExecuteNonQuery();
        }
        return new StoreResult(replaced ? StoreOutcome.Replaced : StoreOutcome.Added, meta.Id, hash, document.Events.Count,
            replaced ? "new content under a stored id replaced the old version" : "new document");
    }

    /// <inheritdoc />
    public IEnumerable<(DocumentMeta Document, ConflictEvent Event)> LoadEvents()
    {
        using var cmd = Command($"""
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
        using var cmd = Command("SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL");
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) links[reader.GetString(0)] = reader.GetString(1);
        return links;
    }

    /// <summary>
    /// Every stored fingerprint with its copy link, in the order the inputs entered the ingest queue (documents saved
    /// directly, without the queue, after them in the order they were stored): the order a single worker reading the
    /// same inputs would have seen them in, whichever worker processed them.
    /// </summary>
    public IEnumerable<(string DocumentId, byte[] Fingerprint, string? DuplicateOf)> LoadFingerprints()
    {
        using var cmd = Command(
            "SELECT id, fingerprint, duplicate_of FROM documents WHERE fingerprint IS NOT NULL ORDER BY queue_seq NULLS LAST, doc_rowid");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), (byte[])reader.GetValue(1), NullableString(reader, 2));
    }

    /// <summary>
    /// Sets the copy link of each document in <paramref name="links"/> (null: an original), changing only rows whose
    /// link differs. Workers that ran side by side could not see each other's documents; the rebuild puts this right.
    /// </summary>
    public void UpdateDuplicateLinks(IReadOnlyDictionary<string, string?> links)
    {
        if (links.Count == 0) return;
        Execute(_connection, _tx, """
            UPDATE documents SET duplicate_of = u.dup
            FROM unnest(@ids, @dups) AS u(id, dup)
            WHERE documents.id = u.id AND documents.duplicate_of IS DISTINCT FROM u.dup
            """,
            ("ids", links.Keys.ToArray()), ("dups", links.Values.ToArray()));
    }

    /// <inheritdoc />
    public IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> LoadEventsOfDocuments(string? afterDocumentId, int maxDocuments)
    {
        using var cmd = Command(EventsOfDocumentsSql(afterDocumentId is null), ("after", afterDocumentId), ("n", maxDocuments));
        using var reader = cmd.ExecuteReader();
        return ReadNumberedEvents(reader);
    }

    /// <inheritdoc />
    public IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> LoadEventsOnNextStartDate(DateOnly? after)
    {
        using var cmd = Command(EventsOnNextStartDateSql(after is null), ("after", Iso(after)));
        using var reader = cmd.ExecuteReader();
        return ReadNumberedEvents(reader);
    }

    /// <inheritdoc />
    public void ReplaceIncidents(IEnumerable<Incident> incidents)
    {
        var own = _tx is null;
        if (own) Begin();
        try
        {
            WriteIncidents(incidents);
            if (own) Commit();
        }
        finally
        {
            if (own) Rollback();
        }
        if (own) Vacuum();
    }

    // After a rebuild every incident row is new and not yet marked all-visible, so index-only scans would still read
    // the table (--near on 1M: 316 ms instead of 79 ms) until autovacuum comes by, minutes later. Outside a transaction.
    private void Vacuum() => Execute(_connection, null, "VACUUM incidents, incident_search");

    // Batches of incidents, each copied in before the next is enumerated: the connection is free again for the
    // reads that build the next batch, and memory holds one batch.
    private void WriteIncidents(IEnumerable<Incident> incidents)
    {
        // DELETE rather than TRUNCATE: readers keep seeing the old incidents until the commit instead of waiting.
        Execute(_connection, _tx, "DELETE FROM incident_documents");
        Execute(_connection, _tx, "DELETE FROM incidents");
        long maxSpan = 0;
        var batch = new List<Incident>(IncidentBatch);
        using var next = incidents.GetEnumerator();
        while (true)
        {
            batch.Clear();
            while (batch.Count < IncidentBatch && next.MoveNext()) batch.Add(next.Current);
            if (batch.Count == 0) break;
            maxSpan = Math.Max(maxSpan, CopyIncidents(batch));
        }
        Execute(_connection, _tx, """
            INSERT INTO store_meta (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
            """, ("k", MaxSpanKey), ("v", maxSpan));
        // Fresh statistics in the same transaction (ANALYZE counts this transaction's rows): without them the planner
        // guesses a few hundred rows for an actor substring and reads every match through the trigram indexes
        // instead of walking the listing order to the first page (1M incidents: 214 / 365 ms p50 / p99 → 8 / 109 ms).
        Execute(_connection, _tx, "ANALYZE incidents");
        Execute(_connection, _tx, IncidentSearch.RefreshPostgres);
        // The vectors' statistics give a text search its estimate of how many documents match.
        Execute(_connection, _tx, "ANALYZE document_search");
    }

    // Copies one batch of incidents and their document links; returns the longest date range among them in days.
    private long CopyIncidents(List<Incident> incidents)
    {
        long maxSpan = 0;
        using (var copy = _connection.BeginBinaryImport($"""
            COPY incidents (incident_id, {EventColumns}, source_count, grade, grade_reason, event_json, sources_json)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var incident in incidents)
            {
                maxSpan = Math.Max(maxSpan, SpanDays(incident));
                copy.StartRow();
                copy.Write(incident.IncidentId, NpgsqlDbType.Text);
                var values = EventValues(incident.Event, incident.FatalitiesMin, incident.FatalitiesMax, incident.InjuredMin,
                    incident.InjuredMax);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is DBNull) copy.WriteNull();
                    else copy.Write(values[i], EventColumnType(i));
                }
                copy.Write(incident.SourceCount, NpgsqlDbType.Integer);
                copy.Write(incident.Grade.ToString(), NpgsqlDbType.Text);
                copy.Write(incident.GradeReason, NpgsqlDbType.Text);
                copy.Write(SitrepJson.Serialize(incident.Event), NpgsqlDbType.Text);
                copy.Write(SitrepJson.Serialize(incident.Sources), NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        using (var copy = _connection.BeginBinaryImport("COPY incident_documents (incident_id, document_id) FROM STDIN (FORMAT BINARY)"))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var incident in incidents)
            {
                seen.Clear();
                foreach (var s in incident.Sources)
                {
                    if (!seen.Add(s.DocumentId)) continue;
                    copy.StartRow();
                    copy.Write(incident.IncidentId, NpgsqlDbType.Text);
                    copy.Write(s.DocumentId, NpgsqlDbType.Text);
                }
            }
            copy.Complete();
        }
        return maxSpan;
    }

    private long MaxSpanDays() => Scalar("SELECT value FROM store_meta WHERE key = @k", ("k", MaxSpanKey)) is { } v
        ? Convert.ToInt64(v, CultureInfo.InvariantCulture)
        : 0;

    /// <summary>
    /// Rebuilds every incident with <paramref name="build"/> (which reads through this store) and stores the result,
    /// one process at a time: a store-wide advisory lock serialises rebuilds, and each runs in one repeatable-read
    /// snapshot. Every worker rebuilds after its last commit, so the last one to finish leaves incidents covering
    /// every committed document; a worker killed before its rebuild leaves that to the next run.
    /// </summary>
    public void RebuildIncidents(Func<IEnumerable<Incident>> build)
    {
        if (_tx is not null) throw new InvalidOperationException("a claimed batch is still open");
        // A session lock taken before the transaction starts, so the snapshot is taken after the wait, not before.
        Execute(_connection, null, "SELECT pg_advisory_lock(@k)", ("k", IncidentLock));
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                Begin(IsolationLevel.RepeatableRead);
                try
                {
                    WriteIncidents(build());
                    Commit();
                    Vacuum();
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState == SerializationFailure && attempt < RebuildAttempts)
                {
                    // A document replaced under our feet: start again from a fresh snapshot.
                }
                finally
                {
                    Rollback();
                }
            }
        }
        finally
        {
            Execute(_connection, null, "SELECT pg_advisory_unlock(@k)", ("k", IncidentLock));
        }
    }

    // ---- ingest queue ----

    /// <summary>
    /// Adds raw inputs to the shared ingest queue, in order, each under its content hash. Inputs already queued,
    /// processed or stored are left alone (so every worker may enqueue the same files); inputs that failed before are
    /// queued again. Returns how many were queued.
    /// </summary>
    public int Enqueue(IReadOnlyList<(RawDocument Raw, string ContentHash)> inputs)
    {
        if (_tx is not null) throw new InvalidOperationException("a claimed batch is still open");
        // A queue row lost to a server crash is queued again by the next run, so its commit need not wait for disk.
        Execute(_connection, null, "SET synchronous_commit TO OFF");
        try
        {
            var queued = 0;
            // One statement per input, each its own transaction: workers enqueuing the same inputs in different
            // orders then never deadlock, and the queue order follows the order inputs were first read.
            using var cmd = Command("""
                INSERT INTO ingest_queue (content_hash, doc_id, path, kind, content, url, source, title, published, default_published)
                SELECT @hash, @id, @path, @kind, @content, @url, @source, @title, @published, @default
                WHERE NOT EXISTS (SELECT 1 FROM documents WHERE content_hash = @hash)
                ON CONFLICT (content_hash) DO UPDATE
                    SET state = 'pending', content = EXCLUDED.content, worker = NULL, reason = NULL, finished_at = NULL
                    WHERE ingest_queue.state = 'failed'
                """);
            var p = cmd.Parameters;
            var hash = p.AddWithValue("hash", "");
            var id = p.AddWithValue("id", "");
            var path = p.AddWithValue("path", "");
            var kind = p.AddWithValue("kind", "");
            var content = p.AddWithValue("content", NpgsqlDbType.Bytea, Array.Empty<byte>());
            var url = p.AddWithValue("url", NpgsqlDbType.Text, DBNull.Value);
            var source = p.AddWithValue("source", NpgsqlDbType.Text, DBNull.Value);
            var title = p.AddWithValue("title", NpgsqlDbType.Text, DBNull.Value);
            var published = p.AddWithValue("published", NpgsqlDbType.Text, DBNull.Value);
            var defaultPublished = p.AddWithValue("default", NpgsqlDbType.Text, DBNull.Value);
            foreach (var (raw, contentHash) in inputs)
            {
                hash.Value = contentHash;
                id.Value = raw.Id;
                path.Value = raw.Path;
                kind.Value = raw.Kind.ToString();
                content.Value = raw.Content;
                url.Value = Db(raw.Url);
                source.Value = Db(raw.Source);
                title.Value = Db(raw.Title);
                published.Value = Db(Iso(raw.Published));
                defaultPublished.Value = Db(Iso(raw.DefaultPublished));
                queued += cmd.ExecuteNonQuery();
            }
            return queued;
        }
        finally
        {
            Execute(_connection, null, "RESET synchronous_commit");
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> waiting inputs, oldest first, skipping those other workers hold
    /// (FOR UPDATE SKIP LOCKED), and keeps the transaction open: <see cref="Complete"/> stores the results and
    /// commits in the same transaction, so a worker that dies releases its claim and stores nothing. Empty when no
    /// input is left to claim.
    /// </summary>
    public IReadOnlyList<QueuedInput> Claim(int max)
    {
        if (_tx is not null) throw new InvalidOperationException("a claimed batch is still open");
        Begin();
        var claimed = new List<QueuedInput>();
        using (var cmd = Command("""
            SELECT seq, content_hash, doc_id, path, kind, content, url, source, title, published, default_published
            FROM ingest_queue WHERE state = 'pending' ORDER BY seq LIMIT @n FOR UPDATE SKIP LOCKED
            """, ("n", max)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var raw = new RawDocument(reader.GetString(2), reader.GetString(3), Enum.Parse<ContentKind>(reader.GetString(4)),
                    reader.IsDBNull(5) ? [] : (byte[])reader.GetValue(5))
                {
                    Url = NullableString(reader, 6),
                    Source = NullableString(reader, 7),
                    Title = NullableString(reader, 8),
                    Published = ParseIso(NullableString(reader, 9)),
                    DefaultPublished = ParseIso(NullableString(reader, 10)),
                };
                claimed.Add(new QueuedInput(reader.GetInt64(0), reader.GetString(1), raw));
            }
        }
        if (claimed.Count == 0) Rollback();
        return claimed;
    }

    /// <summary>
    /// Stores the documents made from a claimed batch, marks its inputs done (or failed, with the reason, to be
    /// retried by the next enqueue), and commits claim and results together. Results are in document order.
    /// </summary>
    /// <param name="claimed">The batch from <see cref="Claim"/>.</param>
    /// <param name="documents">Documents processed from it, each under its input's content hash.</param>
    /// <param name="failures">Content hash → reason, for inputs that could not be processed.</param>
    /// <param name="worker">Who did the work, kept on the queue rows.</param>
    public IReadOnlyList<StoreResult> Complete(IReadOnlyList<QueuedInput> claimed, IReadOnlyList<DocumentToStore> documents,
        IReadOnlyDictionary<string, string> failures, string worker)
    {
        if (_tx is null) throw new InvalidOperationException("no claimed batch to complete");
        try
        {
            var seqOf = claimed.ToDictionary(c => c.ContentHash, c => c.Seq, StringComparer.Ordinal);
            var results = documents.Select(d => Save(d, seqOf.TryGetValue(HashOf(d.Document), out var s) ? s : null)).ToList();
            var hashes = claimed.Select(c => c.ContentHash).ToArray();
            var reasons = claimed.Select(c => failures.TryGetValue(c.ContentHash, out var r) ? r : null).ToArray();
            Execute(_connection, _tx, """
                UPDATE ingest_queue q SET state = CASE WHEN u.reason IS NULL THEN 'done' ELSE 'failed' END,
                    reason = u.reason, content = NULL, worker = @worker, finished_at = now()
                FROM unnest(@hashes, @reasons) AS u(hash, reason)
                WHERE q.content_hash = u.hash
                """, ("worker", worker), ("hashes", hashes), ("reasons", reasons));
            Commit();
            return results;
        }
        finally
        {
            Rollback();
        }
    }

    /// <summary>Gives a claimed batch back untouched (e.g. after an error), for this or another worker to claim again.</summary>
    public void Release() => Rollback();

    /// <summary>How many queued inputs are waiting, done and failed.</summary>
    public QueueCounts QueueCounts()
    {
        using var cmd = Command("""
            SELECT COUNT(*) FILTER (WHERE state = 'pending'), COUNT(*) FILTER (WHERE state = 'done'),
                   COUNT(*) FILTER (WHERE state = 'failed')
            FROM ingest_queue
            """);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new QueueCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    // ---- queries ----

    /// <inheritdoc />
    public IReadOnlyList<Incident> QueryIncidents(IncidentQuery query)
    {
        var offset = Math.Max(0, query.Offset);
        var limit = Math.Max(0, query.Limit);
        if (limit == 0) return [];
        if (!string.IsNullOrWhiteSpace(query.Text)) return FetchInOrder(SearchIds(query, offset, limit));
        if (query.Near is not null) return FetchInOrder(NearIds(query, offset, limit));
        if (limit > IdsFirstLimit) return ReadAll(query, offset, limit);
        // Ids first: an index holding the filtered columns answers them without reading a wide row (index-only, once
        // vacuumed), and only the page's rows are read whole.
        using var cmd = IncidentSelect(query, "SELECT i.incident_id FROM incidents i");
        if (cmd is null) return [];
        cmd.CommandText += " LIMIT @limit OFFSET @offset";
        cmd.Parameters.AddWithValue("limit", limit);
        cmd.Parameters.AddWithValue("offset", offset);
        var ids = new List<string>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) ids.Add(reader.GetString(0));
        return FetchInOrder(ids);
    }

    // Pages up to this size are fetched ids first; an export of everything reads the rows in one pass.
    private const int IdsFirstLimit = 10_000;

    private List<Incident> ReadAll(IncidentQuery query, int offset, int limit)
    {
        using var cmd = IncidentSelect(query, $"SELECT {IncidentColumns} FROM incidents i");
        if (cmd is null) return [];
        cmd.CommandText += " LIMIT @limit OFFSET @offset";
        cmd.Parameters.AddWithValue("limit", limit);
        cmd.Parameters.AddWithValue("offset", offset);
        var results = new List<Incident>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) results.Add(ReadIncident(reader));
        return results;
    }

    /// <inheritdoc />
    public Incident? GetIncident(string incidentId)
    {
        using var cmd = Command($"SELECT {IncidentColumns} FROM incidents i WHERE i.incident_id = @id", ("id", incidentId));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadIncident(reader) : null;
    }

    // A text search in listing order through incident_search, the way chosen by the planner's estimate of how many
    // documents match (from the tsvector statistics); other filters join the incident rows, the distance is checked here.
    private List<string> SearchIds(IncidentQuery query, int offset, int limit)
    {
        var ids = new List<string>();
        if (FtsQuery.ToTsQuery(query.Text) is not { } match) return ids;
        var documents = Convert.ToInt64(Scalar("SELECT COALESCE(MAX(doc_rowid), 0) FROM documents"), CultureInfo.InvariantCulture);
        var way = IncidentSearch.Choose(MatchingDocuments(match, documents), documents);
        var filter = IncidentFilter.Of(query with { Text = null }, MaxSpanDays, FtsQuery.ToTsQuery, "")!;
        var join = filter.Conditions.Count > 0 || query.Near is not null;
        var sql = new StringBuilder("SELECT DISTINCT ON (s.pos) s.incident_id, ")
            .Append(join ? "i.latitude, i.longitude" : "NULL::float8, NULL::float8").Append(", s.pos FROM incident_search s");
        if (join) sql.Append(" JOIN incidents i ON i.incident_id = s.incident_id");
        // A walk keeps its subquery out of the join search (IS TRUE): one hashed set of matching documents, or one probe
        // per document, checked row by row in listing order. From the documents, the planner joins as it sees fit.
        sql.Append(" WHERE ").Append(way switch
        {
            SearchWay.WalkWithProbe => $"(EXISTS ({MatchingDocumentsSql} AND d.doc_rowid = s.doc_rowid)) IS TRUE",
            SearchWay.WalkWithSet => $"(s.doc_rowid IN ({MatchingDocumentsSql})) IS TRUE",
            _ => $"s.doc_rowid IN ({MatchingDocumentsSql})",
        });
        foreach (var condition in filter.Conditions) sql.Append(" AND ").Append(condition);
        sql.Append(" ORDER BY s.pos");
        // Without a distance to check here, SQL pages, and the planner knows how few rows are wanted.
        if (query.Near is null) sql.Append(" LIMIT @limit OFFSET @offset");
        using var cmd = Command(sql.ToString(), ("match", match), ("limit", limit), ("offset", offset));
        foreach (var (name, value) in filter.Parameters) cmd.Parameters.AddWithValue(name, value);
        using var reader = cmd.ExecuteReader();
        var skipped = 0;
        while (ids.Count < limit && reader.Read())
        {
            if (query.Near is { } near && !IsNear(reader, near)) continue;
            if (query.Near is not null && skipped < offset) { skipped++; continue; }
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    // The planner's estimate, unless it puts the word below the common share: a lexeme missing from the tsvector
    // statistics gets the same small default estimate whether it is in no document or in thousands, and walking the
    // listing order for a word in few or none reads all of incident_search (2M rows: 740 ms). So those are counted,
    // up to the rare share, which reads at most that many document ids.
    private long MatchingDocuments(string match, long documents)
    {
        var estimated = EstimatedMatches(match);
        if (estimated >= documents * IncidentSearch.CommonShare) return estimated;
        var rareCap = IncidentSearch.RareCap(documents);
        var counted = Convert.ToInt64(Scalar(
            $"SELECT COUNT(*) FROM ({MatchingDocumentsSql} LIMIT @cap) m",
            ("match", match), ("cap", rareCap)), CultureInfo.InvariantCulture);
        return counted < rareCap ? counted : Math.Max(estimated, rareCap);
    }

    // The documents whose text matches the tsquery @match (d: document_search), for every text search to build on.
    private const string MatchingDocumentsSql =
        "SELECT d.doc_rowid FROM document_search d WHERE d.search @@ to_tsquery('simple', @match)";

    private long EstimatedMatches(string match)
    {
        using var cmd = Command("EXPLAIN " + MatchingDocumentsSql, ("match", match));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            if (PlanRows.Match(reader.GetString(0)) is { Success: true } m) return long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return 0;
    }

    private static readonly System.Text.RegularExpressions.Regex PlanRows = new(@"rows=(\d+)");

    // The distance is checked here, so SQL cannot page: keys come first (box and order from one covering index),
    // and only the page's rows are read whole.
    private List<string> NearIds(IncidentQuery query, int offset, int limit)
    {
        var ids = new List<string>();
        // A box holding many incidents is best met walking the listing order (its index holds latitude and longitude)
        // to the page, and the planner does that when told how few rows are wanted; the box's corners lie outside the
        // circle, so a short answer is asked again for more. A small box is read whole and sorted.
        var walk = query == new IncidentQuery(Near: query.Near, Offset: query.Offset, Limit: query.Limit) && BoxHoldsMany(query);
        for (var rows = (offset + (long)limit) * 2 + 64; ; rows *= 4)
        {
            ids.Clear();
            using var cmd = IncidentSelect(query, NearKeys);
            if (cmd is null) return ids;
            if (walk) cmd.CommandText += " LIMIT " + rows.ToString(CultureInfo.InvariantCulture);
            using var reader = cmd.ExecuteReader();
            var skipped = 0;
            var read = 0L;
            while (ids.Count < limit && reader.Read())
            {
                read++;
                if (!IsNear(reader, query.Near!.Value)) continue;
                if (skipped < offset) { skipped++; continue; }
                ids.Add(reader.GetString(0));
            }
            if (!walk || ids.Count >= limit || read < rows) return ids;
        }
    }

    private bool BoxHoldsMany(IncidentQuery query)
    {
        var incidents = Convert.ToInt64(Scalar("SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = 'incidents'::regclass"),
            CultureInfo.InvariantCulture);
        var cap = IncidentSearch.NearWalkCount(incidents);
        using var count = IncidentSelect(new IncidentQuery(Near: query.Near), "SELECT 1 FROM incidents i", ordered: false)!;
        count.CommandText = $"SELECT COUNT(*) FROM ({count.CommandText} LIMIT {cap}) box";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= cap;
    }

    private List<Incident> FetchInOrder(List<string> ids)
    {
        var byId = new Dictionary<string, Incident>(StringComparer.Ordinal);
        using (var cmd = Command($"SELECT {IncidentColumns} FROM incidents i WHERE i.incident_id = ANY(@ids)", ("ids", ids.ToArray())))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) byId[reader.GetString(0)] = ReadIncident(reader);
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
        using var cmd = Command("SELECT document_id FROM incident_documents WHERE incident_id = @i ORDER BY document_id",
            ("i", incidentId));
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <inheritdoc />
    public IReadOnlyList<ActorCount> Actors()
    {
        var actors = new List<ActorCount>();
        using var cmd = Command("""
            SELECT a.actor, COUNT(DISTINCT a.incident_id) AS n FROM (
                SELECT actor1 AS actor, incident_id FROM incidents WHERE actor1 IS NOT NULL
                UNION ALL
                SELECT actor2 AS actor, incident_id FROM incidents WHERE actor2 IS NOT NULL) a
            GROUP BY a.actor ORDER BY n DESC, a.actor
            """);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) actors.Add(new ActorCount(reader.GetString(0), Convert.ToInt32(reader.GetInt64(1))));
        return actors;
    }

    /// <inheritdoc />
    public StoreCounts Counts()
    {
        using var cmd = Command(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM incidents)");
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <inheritdoc />
    public Document? GetDocument(string id)
    {
        using var cmd = Command($"""
            SELECT {MetaColumns}, d.text, d.entities_json, d.quotes_json, d.events_json, d.layers_json, d.tokens
            FROM documents d WHERE d.id = @id
            """, ("id", id));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadDocument(reader) : null;
    }

    /// <summary>Gives back any claimed batch and closes the connection.</summary>
    public void Dispose()
    {
        Rollback();
        _connection.Dispose();
    }

    private NpgsqlCommand? IncidentSelect(IncidentQuery q, string select, bool ordered = true)
    {
        var filter = IncidentFilter.Of(q, MaxSpanDays, FtsQuery.ToTsQuery, $"""
            i.incident_id IN (SELECT s.incident_id FROM incident_search s
                WHERE s.doc_rowid IN ({MatchingDocumentsSql}))
            """);
        if (filter is null) return null;
        var cmd = Command(filter.Sql(select, q, ordered));
        foreach (var (name, value) in filter.Parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }


    // ---- rows ----

    private static readonly string EventColumns = string.Join(", ", EventColumnNames);

    private static string Positional(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));

    private static NpgsqlDbType EventColumnType(int column) => EventColumnNames[column] switch
    {
        "latitude" or "longitude" => NpgsqlDbType.Double,
        "geo_precision" or "fatalities" or "fatalities_min" or "fatalities_max" or "injured_min" or "injured_max"
            or "civilian_targeting" => NpgsqlDbType.Integer,
        _ => NpgsqlDbType.Text,
    };

    private static void AddEventValues(NpgsqlParameterCollection parameters, object[] values)
    {
        // Typed, since a null says nothing about its column's type.
        for (var i = 0; i < values.Length; i++)
            parameters.Add(new NpgsqlParameter { NpgsqlDbType = EventColumnType(i), Value = values[i] });
    }

    // ---- plumbing ----

    private NpgsqlTransaction Begin(IsolationLevel level = IsolationLevel.ReadCommitted) =>
        _tx = _connection.BeginTransaction(level);

    private void Commit()
    {
        _tx!.Commit();
        _tx.Dispose();
        _tx = null;
    }

    private void Rollback()
    {
        if (_tx is null) return;
        try
        {
            if (_connection.State == ConnectionState.Open) _tx.Rollback();
        }
        finally
        {
            _tx.Dispose();
            _tx = null;
        }
    }

    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, _connection, _tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteScalar();
    }

    private static int Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql,
        params (string Name, object? Value)[] parameters)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        // An untyped null takes its type from the column it goes into.
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd.ExecuteNonQuery();
    }
}

/// <summary>An input waiting in the PostgreSQL ingest queue, as claimed by a worker.</summary>
/// <param name="Seq">Its place in the queue (the order inputs were first read).</param>
/// <param name="ContentHash">The identity it was queued under.</param>
/// <param name="Raw">The raw document to process.</param>
public sealed record QueuedInput(long Seq, string ContentHash, RawDocument Raw);

/// <summary>How many inputs of the ingest queue are waiting, done and failed.</summary>
public readonly record struct QueueCounts(long Pending, long Done, long Failed);

/// <summary>The store cannot be opened: a malformed connection string or a server that cannot be reached.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
