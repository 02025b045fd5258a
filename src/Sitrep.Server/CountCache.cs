using System.Collections.Concurrent;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// How many incidents match each filter set, per store version. Every page of a listing needs the same total, and
/// counting scans every incident a filter cannot narrow by index; the store only changes when something ingests.
/// </summary>
public sealed class CountCache(Func<string> version)
{
    /// <summary>Filter sets remembered before the cache starts again (a bound on memory, not a tuning knob).</summary>
    public const int Capacity = 4096;

    private readonly object _gate = new();
    private ConcurrentDictionary<IncidentQuery, int> _counts = new();
    private string? _version;

    /// <summary>The remembered count for <paramref name="filters"/> (paging ignored), or <paramref name="count"/>'s.</summary>
    public int Get(IncidentQuery filters, Func<int> count)
    {
        var now = version();
        ConcurrentDictionary<IncidentQuery, int> counts;
        lock (_gate)
        {
            if (now != _version || _counts.Count >= Capacity) (_counts, _version) = (new(), now);
            counts = _counts;
        }
        var key = filters with { Offset = 0, Limit = int.MaxValue };
        if (counts.TryGetValue(key, out var n)) return n;
        n = count();
        counts[key] = n;
        return n;
    }
}
