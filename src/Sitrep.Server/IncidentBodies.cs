using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// Each incident's contract JSON (<see cref="ContractJson.WriteIncident"/>), kept per store version once written. A
/// listing page is then its incidents' bodies side by side, and different filters and pages that show the same
/// incident share one read and one serialization. Bounded by <see cref="Capacity"/> incidents and
/// <see cref="MaxBytes"/> bytes: past either it starts again (a bound on memory, not a tuning knob).
/// </summary>
public sealed class IncidentBodies(StorePool pool, Func<string> version)
{
    /// <summary>Incidents remembered before the cache starts again.</summary>
    public const int Capacity = 250_000;

    /// <summary>Bytes remembered before the cache starts again.</summary>
    public const long MaxBytes = 256L << 20;

    private readonly StoreGenerations<byte[]> _bodies = new(version, Capacity, MaxBytes);

    /// <summary>
    /// The bodies of the incidents <paramref name="ids"/>, in that order; those not remembered are read with one pooled
    /// store. Null when one of them is no longer stored (the store changed since the ids were listed).
    /// </summary>
    public async Task<byte[][]?> Get(IReadOnlyList<string> ids, CancellationToken cancel)
    {
        var g = _bodies.Current();
        var bodies = new byte[ids.Count][];
        var missing = new List<int>();
        for (var k = 0; k < ids.Count; k++)
            if (g.Items.TryGetValue(ids[k], out var body)) bodies[k] = body;
            else missing.Add(k);
        if (missing.Count == 0) return bodies;
        var read = await pool.With(store => missing.Select(k => store.GetIncident(ids[k])).ToArray(), cancel).ConfigureAwait(false);
        for (var m = 0; m < missing.Count; m++)
        {
            if (read[m] is not { } incident) return null;
            bodies[missing[m]] = Add(g, incident);
        }
        return bodies;
    }

    /// <summary>The body of <paramref name="incident"/> (just read from the store), remembered for its id.</summary>
    public byte[] Of(Incident incident)
    {
        var g = _bodies.Current();
        return g.Items.TryGetValue(incident.IncidentId, out var body) ? body : Add(g, incident);
    }

    private static byte[] Add(StoreGenerations<byte[]>.Generation g, Incident incident)
    {
        var body = ApiJson.Bytes(w => ContractJson.WriteIncident(w, incident));
        if (g.Items.TryAdd(incident.IncidentId, body)) g.AddSize(body.Length);
        return body;
    }

    /// <summary>
    /// Reads incidents in listing order, newest first, and keeps their bodies until half of either bound is used (so
    /// requests still have room before the cache starts again): the incidents most pages show are then in memory from
    /// the start, as a database keeps its hot pages. Returns how many were kept.
    /// </summary>
    public async Task<int> Preload(CancellationToken cancel)
    {
        var g = _bodies.Current();
        var kept = 0;
        for (var offset = 0; !cancel.IsCancellationRequested; offset += PreloadChunk)
        {
            var chunk = await pool.With(store => store.QueryIncidents(IncidentQuery.All with { Offset = offset, Limit = PreloadChunk }), cancel)
                .ConfigureAwait(false);
            foreach (var incident in chunk)
            {
                if (g.Items.Count >= Capacity / 2 || g.Size >= MaxBytes / 2) return kept;
                Add(g, incident);
                kept++;
            }
            if (chunk.Count < PreloadChunk) break;
        }
        return kept;
    }

    // Incidents read per store call while preloading: large enough that paging costs little, small enough to hold.
    private const int PreloadChunk = 5_000;

    /// <summary>How many bodies are remembered for the current store version.</summary>
    public int Count => _bodies.Current().Items.Count;

    /// <summary>Forgets every remembered body.</summary>
    public void Clear() => _bodies.Clear();
}
