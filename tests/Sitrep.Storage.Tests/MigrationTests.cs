using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Tests;

public class MigrationTests
{
    [Fact]
    public void Versions_AreStrictlyIncreasing_AndDescribed()
    {
        for (var i = 1; i < Migrations.Sqlite.Count; i++)
            Assert.True(Migrations.Sqlite[i].Version > Migrations.Sqlite[i - 1].Version);
        Assert.All(Migrations.Sqlite, m => Assert.False(string.IsNullOrWhiteSpace(m.Description)));
    }

    [Fact]
    public void Open_OlderDatabase_AppliesOnlyTheMissingSteps()
    {
        using var db = new TempDatabase();
        using (var connection = new SqliteConnection($"Data Source={db.Path};Pooling=False"))
        {
            connection.Open();
            Run(connection, Migrations.VersionTable);
            // A database made by an earlier build: every step but the last.
            foreach (var m in Migrations.Sqlite.Take(Migrations.Sqlite.Count - 1))
            {
                foreach (var sql in m.Statements) Run(connection, sql);
                Run(connection, $"INSERT INTO schema_version (version, description) VALUES ({m.Version}, 'old')");
            }
            Run(connection, "INSERT INTO documents (id, content_hash, path, text, entities_json, quotes_json, events_json, layers_json) " +
                            "VALUES ('old-doc', 'h', 'p', 'Jets hit Hajin.', '[]', '[]', '[]', '{\"segments\":[],\"actors\":[],\"times\":[],\"places\":[],\"errors\":[]}')");
        }

        using var store = db.Open();

        Assert.Equal(Migrations.Sqlite[^1].Version, store.SchemaVersion);
        Assert.True(store.ContainsContent("h"));
        Assert.Equal("Jets hit Hajin.", store.GetDocument("old-doc")!.Text);
        Assert.Empty(store.LoadFingerprints());
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
