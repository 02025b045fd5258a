using System.Collections.Concurrent;

namespace Sitrep.Server;

/// <summary>
/// What the server's caches share: values by key kept for one store version, bounded by a count and a size (bytes or
/// characters, whatever the owner adds up). A new store version, or a generation past either bound, starts a fresh
/// generation, so memory stays bounded (a bound, not a tuning knob) and nothing outlives the data it came from.
/// </summary>
/// <param name="version">The store's current change stamp.</param>
/// <param name="capacity">Values kept before a generation is full.</param>
/// <param name="maxSize">Size kept before a generation is full.</param>
internal sealed class StoreGenerations<TValue>(Func<string> version, int capacity, long maxSize)
{
    private readonly object _gate = new();
    private Generation _current = new("");

    /// <summary>The generation of the store's current version; a fresh one when the version changed or this one is full.</summary>
    public Generation Current()
    {
        var now = version();
        lock (_gate)
        {
            if (now != _current.Version || _current.Items.Count >= capacity || _current.Size >= maxSize)
                _current = new Generation(now);
            return _current;
        }
    }

    /// <summary>Forgets everything kept for the current version.</summary>
    public void Clear()
    {
        lock (_gate) _current = new Generation(_current.Version);
    }

    /// <summary>The values kept for one store version, and their total size.</summary>
    public sealed class Generation(string version)
    {
        private long _size;

        /// <summary>The store version the values came from.</summary>
        public string Version { get; } = version;

        /// <summary>The values by key.</summary>
        public ConcurrentDictionary<string, TValue> Items { get; } = new(StringComparer.Ordinal);

        /// <summary>The sizes added so far.</summary>
        public long Size => Interlocked.Read(ref _size);

        /// <summary>Counts <paramref name="amount"/> more towards the size bound.</summary>
        public void AddSize(long amount) => Interlocked.Add(ref _size, amount);
    }
}
