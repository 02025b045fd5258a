namespace Sitrep.Server;

/// <summary>
/// Whole JSON bodies of GET API answers, keyed by path and query, per store version. The store only changes when
/// something ingests, and readers of a listing ask for the same pages again and again; a remembered answer costs a
/// dictionary look-up instead of a pooled store, a query and a serialization. Bounded by <see cref="Capacity"/>
/// answers and <see cref="MaxBytes"/> bytes: past either the cache starts again (a bound on memory, not a tuning knob).
/// Concurrent requests for the same key share one build. Only found answers are kept (<c>null</c> = not found).
/// </summary>
public sealed class ResponseCache(Func<string> version)
{
    /// <summary>Answers remembered before the cache starts again.</summary>
    public const int Capacity = 16384;

    /// <summary>Bytes of bodies remembered before the cache starts again.</summary>
    public const long MaxBytes = 64L << 20;

    private readonly StoreGenerations<Lazy<Task<byte[]?>>> _answers = new(version, Capacity, MaxBytes);
    private long _builds;

    /// <summary>How many bodies were built rather than found (for tests and the load report).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>
    /// The remembered body for <paramref name="key"/> under the store's current version, or the one
    /// <paramref name="build"/> makes (null when there is nothing to answer, which is not remembered).
    /// </summary>
    public Task<byte[]?> Get(string key, Func<Task<byte[]?>> build, CancellationToken cancel)
    {
        var g = _answers.Current();
        if (!g.Items.TryGetValue(key, out var entry))
        {
            Lazy<Task<byte[]?>>? mine = null;
            mine = new Lazy<Task<byte[]?>>(() => Build(g, key, mine!, build), LazyThreadSafetyMode.ExecutionAndPublication);
            entry = g.Items.GetOrAdd(key, mine);
        }
        return entry.Value.WaitAsync(cancel);
    }

    // Built without the caller's token: other requests may be waiting on the same build.
    private async Task<byte[]?> Build(StoreGenerations<Lazy<Task<byte[]?>>>.Generation g, string key, Lazy<Task<byte[]?>> entry, Func<Task<byte[]?>> build)
    {
        Interlocked.Increment(ref _builds);
        byte[]? body;
        try
        {
            body = await build().ConfigureAwait(false);
        }
        catch
        {
            g.Items.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
        if (body is null) g.Items.TryRemove(KeyValuePair.Create(key, entry));
        else g.AddSize(body.Length);
        return body;
    }

    /// <summary>Forgets every remembered answer.</summary>
    public void Clear() => _answers.Clear();
}
