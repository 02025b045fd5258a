using System.Collections.Concurrent;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// Stores are not thread-safe, so each request rents one of its own. At most <see cref="Size"/> are open at once
/// (SQLite in WAL mode lets them all read together); further requests wait their turn asynchronously.
/// </summary>
public sealed class StorePool : IDisposable
{
    private readonly Func<IEventStore> _open;
    private readonly ConcurrentBag<IEventStore> _idle = [];
    private readonly SemaphoreSlim _slots;

    /// <summary>A pool that opens stores with <paramref name="open"/>, at most <paramref name="size"/> at a time.</summary>
    public StorePool(Func<IEventStore> open, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _open = open;
        Size = size;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Most stores open at once.</summary>
    public int Size { get; }

    /// <summary>Runs <paramref name="work"/> with a store no other request is using.</summary>
    public async Task<T> With<T>(Func<IEventStore, T> work, CancellationToken cancel)
    {
        await _slots.WaitAsync(cancel).ConfigureAwait(false);
        IEventStore? store = null;
        try
        {
            store = _idle.TryTake(out var s) ? s : _open();
            var result = work(store);
            _idle.Add(store);
            store = null;
            return result;
        }
        finally
        {
            // A store whose work threw may be mid-transaction or broken: close it rather than hand it on.
            store?.Dispose();
            _slots.Release();
        }
    }

    /// <summary>Closes every idle store.</summary>
    public void Dispose()
    {
        while (_idle.TryTake(out var s)) s.Dispose();
        _slots.Dispose();
    }
}
