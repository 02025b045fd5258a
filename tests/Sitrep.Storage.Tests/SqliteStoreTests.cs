namespace Sitrep.Storage.Tests;

/// <summary>The store contract on SQLite, plus what is SQLite's own.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly TempDatabase _db = new();

    protected override IEventStore OpenEmpty() => _db.Open();

    protected override IEventStore Reopen() => _db.Open();

    public override void Dispose()
    {
        base.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void Open_FreshDatabase_AppliesEveryMigration_InWalMode()
    {
        var store = (SqliteStore)Store;
        Assert.Equal(Migrations.Sqlite[^1].Version, store.SchemaVersion);
        Assert.Equal("wal", store.JournalMode);
    }

    [Fact]
    public void ListingIncidents_WalksTheOrderIndex_InsteadOfSorting()
    {
        _ = Store;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN SELECT incident_id FROM incidents i ORDER BY i.event_date IS NULL, i.event_date, i.incident_id LIMIT 20";
        using var reader = cmd.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read()) plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.Contains("incidents_order", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));

        using var countCmd = connection.CreateCommand();
        countCmd.CommandText = "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM incidents i WHERE LOWER(i.event_type) = 'battles' AND i.event_date_end >= '2020-01-01'";
        using var count = countCmd.ExecuteReader();
        Assert.True(count.Read());
        Assert.Contains("COVERING INDEX incidents_order", count.GetString(3));
    }

    [Fact]
    public void TextSearch_WalksIncidentSearchInListingOrder_OrGoesThroughItsDocumentIndex()
    {
        SeedThreeIncidents();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path}");
        connection.Open();
        string Plan(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = cmd.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read()) steps.Add(reader.GetString(3));
            return string.Join('\n', steps);
        }
        const string match = "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH '\"hajin\"')";

        var walk = Plan($"SELECT s.incident_id, s.pos FROM incident_search s WHERE +s.doc_rowid IN {match} ORDER BY s.pos");
        var fromDocuments = Plan($"SELECT s.incident_id, s.pos FROM incident_search s INDEXED BY incident_search_document WHERE s.doc_rowid IN {match} ORDER BY s.pos");

        Assert.Contains("SCAN s", walk);
        Assert.DoesNotContain("TEMP B-TREE", walk);
        Assert.Contains("incident_search_document", fromDocuments);
        Assert.Equal(["hajin"], Store.QueryIncidents(new IncidentQuery(Text: "hajin")).Select(i => i.IncidentId));
    }

    [Fact]
    public void ReplaceIncidents_LeavesPlannerStatistics_ForTheIncidentIndexes()
    {
        SeedThreeIncidents();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'incidents' AND idx = 'incidents_order'";
        Assert.Equal(1L, cmd.ExecuteScalar());
    }
}
