using Sitrep.Storage;

namespace Sitrep.Server.Tests;

public sealed class StorePoolTests : IDisposable
{
    private readonly WebStore _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ManyConcurrentRequests_OpenNoMoreStoresThanThePoolSize()
    {
        var opened = 0;
        using var pool = new StorePool(() => { Interlocked.Increment(ref opened); return SqliteStore.Open(_db.Path); }, 3);
        var counts = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => pool.With(s => s.Counts().Incidents, default))));
        Assert.All(counts, c => Assert.Equal(3, c));
        Assert.InRange(opened, 1, 3);
    }

    [Fact]
    public async Task AStoreWhoseWorkThrew_IsClosed_AndTheNextRequestGetsAFreshOne()
    {
        var stores = new List<IEventStore>();
        using var pool = new StorePool(() => { var s = SqliteStore.Open(_db.Path); stores.Add(s); return s; }, 1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => pool.With<int>(_ => throw new InvalidOperationException("broken"), default));
        Assert.Equal(3, await pool.With(s => s.Counts().Incidents, default));
        Assert.Equal(2, stores.Count);
        Assert.Equal(3, await pool.With(s => s.Counts().Incidents, default));
        Assert.Equal(2, stores.Count);
    }
}
