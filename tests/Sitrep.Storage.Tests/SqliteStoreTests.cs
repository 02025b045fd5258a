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
}
