using System.Collections.Concurrent;
using System.Text;
using Npgsql;
using Sitrep.Core;
using Sitrep.Testing;
using static Sitrep.Storage.Tests.Samples;

namespace Sitrep.Storage.Tests;

/// <summary>The store contract on PostgreSQL (a private throwaway cluster), plus the ingest queue and rebuild lock.</summary>
[NeedsPostgres]
public sealed class PostgresStoreTests : StoreContractTests
{
    private string? _connectionString;

    private string ConnectionString => _connectionString ??= PostgresCluster.Shared.CreateDatabase();

    protected override IEventStore OpenEmpty() => PostgresStore.Open(ConnectionString);

    protected override IEventStore Reopen() => PostgresStore.Open(ConnectionString);

    private PostgresStore Pg => (PostgresStore)Store;

    private static (RawDocument Raw, string ContentHash) Input(string id, string text) =>
        (new RawDocument(id, id + ".txt", ContentKind.Text, Encoding.UTF8.GetBytes(text)) { Url = $"https://example.org/{id}" },
            "hash-" + id);

    private static DocumentToStore Processed(QueuedInput q) =>
        new(Doc(q.Raw.Id, Encoding.UTF8.GetString(q.Raw.Content), hash: q.ContentHash, events: Event(Hajin, "2018-08-30")));

    private static readonly IReadOnlyDictionary<string, string> NoFailures = new Dictionary<string, string>();

    [StoreFact]
    public void Open_FreshDatabase_AppliesEveryMigration() => Assert.Equal(Migrations.Postgres[^1].Version, Pg.SchemaVersion);

    [StoreFact]
    public void Open_ByManyWorkersAtOnce_MigratesOnce()
    {
        var connectionString = ConnectionString;
        var versions = new ConcurrentBag<int>();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            using var store = PostgresStore.Open(connectionString);
            versions.Add(store.SchemaVersion);
        });
        Assert.All(versions, v => Assert.Equal(Migrations.Postgres[^1].Version, v));
    }

    [StoreFact]
    public void Open_UpToDateStore_AsAReadOnlyUser_Queries()
    {
        Store.ReplaceIncidents([Incident("i1", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);
        var role = $"reader_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(ConnectionString))
        {
            admin.Open();
            foreach (var sql in (string[])[$"CREATE ROLE {role} LOGIN", $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"])
                using (var cmd = new NpgsqlCommand(sql, admin)) cmd.ExecuteNonQuery();
        }

        using var reader = PostgresStore.Open(new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role }.ConnectionString);

        Assert.Equal("i1", Assert.Single(reader.QueryIncidents(IncidentQuery.All)).IncidentId);
    }

    [StoreFact]
    public void ActorSubstring_CanUseTheTrigramIndexes()
    {
        Store.ReplaceIncidents([Incident("i1", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);
        using var admin = new NpgsqlConnection(ConnectionString);
        admin.Open();
        // Without sequential, plain and index-only scans (the listing-order indexes hold the actors too), only a bitmap scan
        // of an index built for LOWER(actor) LIKE can answer the store's actor predicate; without the trigram indexes the
        // planner falls back to the (disabled) sequential scan.
        var plan = new StringBuilder();
        foreach (var sql in (string[])["SET enable_seqscan = off", "SET enable_indexscan = off", "SET enable_indexonlyscan = off",
                     "EXPLAIN SELECT i.incident_id FROM incidents i " +
                     "WHERE (LOWER(i.actor1) LIKE '%islamic%' ESCAPE '\\' OR LOWER(i.actor2) LIKE '%islamic%' ESCAPE '\\')"])
        {
            using var cmd = new NpgsqlCommand(sql, admin);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) plan.AppendLine(reader.GetString(0));
        }

        Assert.Contains("incidents_actor1_trgm", plan.ToString());
        Assert.Contains("incidents_actor2_trgm", plan.ToString());
        Assert.DoesNotContain("Seq Scan", plan.ToString());
    }

    [StoreFact]
    public void ReplaceIncidents_LeavesPlannerStatistics_ForTheActorExpressions()
    {
        Store.ReplaceIncidents([Incident("i1", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);
        using var admin = new NpgsqlConnection(ConnectionString);
        admin.Open();
        // Expression statistics of an index are kept under the index's name; autovacuum leaves one row alone.
        using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'incidents_actor1_trgm'", admin);

        Assert.Equal(1L, (long)cmd.ExecuteScalar()!);
    }

    private string Plan(params string[] statements)
    {
        using var admin = new NpgsqlConnection(ConnectionString);
        admin.Open();
        var plan = new StringBuilder();
        foreach (var sql in statements)
        {
            using var cmd = new NpgsqlCommand(sql, admin);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) plan.AppendLine(reader.GetString(0));
        }
        return plan.ToString();
    }

    [StoreFact]
    public void ReplaceIncidents_LeavesIncidentsVacuumed_SoIndexOnlyScansNeedNotReadTheTable()
    {
        Store.ReplaceIncidents([Incident("i1", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);

        var plan = Plan("SELECT relallvisible::text FROM pg_class WHERE relname = 'incidents'");

        Assert.Equal("1", plan.Trim());
    }

    [StoreFact]
    public void CombinedFilters_CanBeAnsweredFromAListingIndexAlone()
    {
        Store.ReplaceIncidents([Incident("i1", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);
        // With every other scan disabled, only an index holding country, dates and types in listing order can answer.
        var plan = Plan("SET enable_seqscan = off", "SET enable_indexscan = off", "SET enable_bitmapscan = off", "SET enable_sort = off",
            "EXPLAIN SELECT i.incident_id FROM incidents i WHERE i.event_date_end >= '2018-01-01' AND i.event_date >= '2017-12-01' " +
            "AND i.event_date <= '2018-12-31' AND i.country = 'SY' AND (LOWER(i.event_type) = 'battles' OR LOWER(i.sub_event_type) = 'battles') " +
            "ORDER BY i.event_date, i.incident_id LIMIT 100");

        Assert.Contains("Index Only Scan using incidents_country_dated", plan);
        Assert.DoesNotContain("Sort", plan);
    }

    [StoreFact]
    public void TextSearchWalk_FollowsTheListingOrder_WithoutSorting()
    {
        SeedThreeIncidents();
        var plan = Plan("SET enable_sort = off",
            "EXPLAIN SELECT DISTINCT ON (s.pos) s.incident_id, s.pos FROM incident_search s WHERE (s.doc_rowid IN (SELECT d.doc_rowid " +
            "FROM document_search d WHERE d.search @@ to_tsquery('simple', 'hajin'))) IS TRUE ORDER BY s.pos LIMIT 100");

        Assert.Contains("incident_search_pkey", plan);
        Assert.Contains("hashed SubPlan", plan);
        Assert.DoesNotContain("Sort", plan);
    }

    [StoreFact]
    public void DocumentSearch_HoldsOneVectorPerStoredDocument_ThroughReplacement()
    {
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", hash: "v1", events: Event(Hajin, "2018-08-30")));
        Store.SaveDocument(Doc("b", "Shelling in Mosul.", hash: "v2", events: Event(Mosul, "2018-08-30")));
        Store.SaveDocument(Doc("a", "Drones hit Raqqa.", hash: "v3", events: Event(Hajin, "2018-08-30")));

        var rows = Plan("SELECT d.id || ':' || strip(s.search)::text FROM documents d JOIN document_search s ON s.doc_rowid = d.doc_rowid ORDER BY d.id",
            "SELECT 'orphans:' || COUNT(*) FROM document_search s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_rowid = s.doc_rowid)");
        Assert.Contains("a:'drones' 'hit' 'raqqa'", rows);
        Assert.Contains("b:'in' 'mosul' 'shelling'", rows);
        Assert.Contains("orphans:0", rows);
    }

    [StoreFact]
    public void TextSearch_ReadsTheNarrowVectorTable_NotTheWideDocuments()
    {
        SeedThreeIncidents();
        var plan = Plan("SET enable_seqscan = off",
            "EXPLAIN SELECT d.doc_rowid FROM document_search d WHERE d.search @@ to_tsquery('simple', 'hajin')");

        Assert.Contains("document_search_search", plan);
        Assert.Contains("toast_tuple_target=128", string.Concat(Plan("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'document_search'")));
    }

    [Fact]
    public void Open_UnreachableServer_FailsNamingTheHost()
    {
        var ex = Assert.Throws<StoreUnavailableException>(() =>
            PostgresStore.Open("Host=127.0.0.1;Port=1;Database=nowhere;Timeout=2"));
        Assert.Contains("127.0.0.1", ex.Message);
        Assert.Contains("nowhere", ex.Message);
    }

    [Fact]
    public void Open_MalformedConnectionString_FailsSayingSo()
    {
        var ex = Assert.Throws<StoreUnavailableException>(() => PostgresStore.Open("Hots=x;;=="));
        Assert.Contains("connection string", ex.Message);
    }

    [StoreFact]
    public void Enqueue_SameInputsAgain_QueuesNothing_AndStoredContentIsNeverQueued()
    {
        Store.SaveDocument(Doc("stored", "Already here.", hash: "hash-stored"));
        Assert.Equal(2, Pg.Enqueue([Input("a", "Jets hit Hajin."), Input("b", "Drones hit Mosul."), Input("stored", "Already here.")]));
        Assert.Equal(0, Pg.Enqueue([Input("b", "Drones hit Mosul."), Input("a", "Jets hit Hajin.")]));
        Assert.Equal(new QueueCounts(2, 0, 0), Pg.QueueCounts());
    }

    [StoreFact]
    public void Claim_ByTwoWorkers_NeverHandsOutTheSameInput_AndOldestComeFirst()
    {
        Pg.Enqueue([Input("a", "one"), Input("b", "two"), Input("c", "three"), Input("d", "four"), Input("e", "five")]);
        using var other = PostgresStore.Open(ConnectionString);

        var mine = Pg.Claim(2);
        var theirs = other.Claim(10);

        Assert.Equal(["a", "b"], mine.Select(q => q.Raw.Id));
        Assert.Equal(["c", "d", "e"], theirs.Select(q => q.Raw.Id));
        Assert.Equal("two", Encoding.UTF8.GetString(mine[1].Raw.Content));
        Assert.Equal("https://example.org/b", mine[1].Raw.Url);
    }

    [StoreFact]
    public void Complete_StoresResultsAndClaimInOneCommit_ThenNothingIsLeftToClaim()
    {
        Pg.Enqueue([Input("a", "Jets hit Hajin."), Input("b", "not readable")]);
        var claimed = Pg.Claim(10);

        var results = Pg.Complete(claimed, [Processed(claimed[0])], new Dictionary<string, string> { ["hash-b"] = "binary junk" }, "w1");

        Assert.Equal(StoreOutcome.Added, Assert.Single(results).Outcome);
        Assert.Equal(new StoreCounts(1, 1, 0), Store.Counts());
        Assert.Equal(new QueueCounts(0, 1, 1), Pg.QueueCounts());
        Assert.Empty(Pg.Claim(10));
        // A failed input is queued again by the next run; a done one is not.
        Assert.Equal(1, Pg.Enqueue([Input("a", "Jets hit Hajin."), Input("b", "not readable")]));
    }

    [StoreFact]
    public void Claim_OfAWorkerThatDies_IsReleased_AndNothingOfItIsStored()
    {
        Pg.Enqueue([Input("a", "one"), Input("b", "two")]);
        using (var dying = PostgresStore.Open(ConnectionString))
        {
            var claimed = dying.Claim(10);
            Assert.Equal(2, claimed.Count);
            Assert.Empty(Pg.Claim(10));
        } // the connection closes mid-batch, as when the process is killed

        var again = Pg.Claim(10);
        Assert.Equal(["a", "b"], again.Select(q => q.Raw.Id));
        Assert.Equal(new StoreCounts(0, 0, 0), Store.Counts());
    }

    [StoreFact]
    public void ThreeWorkers_WithTheirOwnConnections_ProcessEveryInputExactlyOnce()
    {
        var inputs = Enumerable.Range(0, 60).Select(i => Input($"doc{i:D2}", $"Report number {i}.")).ToList();
        var connectionString = ConnectionString;
        var processedBy = new ConcurrentDictionary<string, ConcurrentBag<int>>();
        var workers = Enumerable.Range(0, 3).Select(w => Task.Run(() =>
        {
            using var store = PostgresStore.Open(connectionString);
            store.Enqueue(inputs); // every worker reads the same inputs
            while (store.Claim(4) is { Count: > 0 } claimed)
            {
                foreach (var q in claimed) processedBy.GetOrAdd(q.Raw.Id, _ => []).Add(w);
                Thread.Sleep(5); // processing takes time, so the workers interleave
                store.Complete(claimed, [.. claimed.Select(Processed)], NoFailures, $"w{w}");
            }
        })).ToArray();
        Task.WaitAll(workers);

        Assert.Equal(inputs.Select(i => i.Raw.Id).Order(), processedBy.Keys.Order());
        Assert.All(processedBy.Values, by => Assert.Single(by));
        Assert.Equal(new StoreCounts(60, 60, 0), Store.Counts());
        Assert.Equal(new QueueCounts(0, 60, 0), Pg.QueueCounts());
    }

    [StoreFact]
    public void Fingerprints_FollowQueueOrder_WhicheverWorkerStoredThem()
    {
        Pg.Enqueue([Input("first", "one"), Input("second", "two")]);
        using var other = PostgresStore.Open(ConnectionString);
        var early = Pg.Claim(1);
        var late = other.Claim(1);
        // The later input is committed first.
        other.Complete(late, [Processed(late[0]) with { Fingerprint = [2] }], NoFailures, "w2");
        Pg.Complete(early, [Processed(early[0]) with { Fingerprint = [1] }], NoFailures, "w1");

        Assert.Equal(["first", "second"], Pg.LoadFingerprints().Select(f => f.DocumentId));
    }

    [StoreFact]
    public void RebuildIncidents_UpdatesCopyLinks_AndReplacesIncidents()
    {
        Store.SaveDocument(Doc("wire", "Jets hit Hajin."), fingerprint: [1]);
        Store.SaveDocument(Doc("copy", "Jets hit Hajin. Share."), duplicateOf: null, fingerprint: [1]);
        Store.ReplaceIncidents([Incident("old", Event(Mosul, "2018-08-01"), 1, IncidentGrade.Weak, "x")]);

        Pg.RebuildIncidents(() =>
        {
            Pg.UpdateDuplicateLinks(new Dictionary<string, string?> { ["wire"] = null, ["copy"] = "wire" });
            return [Incident("new", Event(Hajin, "2018-08-30"), Pg.LoadDuplicateLinks().Count, IncidentGrade.Weak, "wire", "copy")];
        });

        var incident = Assert.Single(Store.QueryIncidents(IncidentQuery.All));
        Assert.Equal("new", incident.IncidentId);
        Assert.Equal(1, incident.SourceCount);
        Assert.Equal("wire", Store.LoadDuplicateLinks()["copy"]);
    }

    [StoreFact]
    public void RebuildIncidents_FromTwoWorkersAtOnce_RunOneAtATime()
    {
        var connectionString = ConnectionString;
        var inside = 0;
        var most = 0;
        Parallel.For(0, 3, new ParallelOptions { MaxDegreeOfParallelism = 3 }, w =>
        {
            using var store = PostgresStore.Open(connectionString);
            store.RebuildIncidents(() =>
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                Thread.Sleep(200);
                Interlocked.Decrement(ref inside);
                return [Incident($"by{w}", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a")];
            });
        });
        Assert.Equal(1, most);
        Assert.Single(Store.QueryIncidents(IncidentQuery.All));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
