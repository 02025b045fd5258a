using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// Every incident's map columns (<see cref="PointColumns"/>) in their binary and JSON forms, built once per store
/// version and shared: each page load starts with them, and reading 100k incidents again for each would be most of the
/// load time. The same read builds the <see cref="ListingIndex"/> that answers listings, and whose ids (in the order of
/// the columns, which leave them out) answer <c>/api/points/ids</c>, and the incidents per country.
/// </summary>
public sealed class PointsCache(StorePool pool, Func<string> version)
{
    private readonly object _gate = new();
    private (string Version, Task<Forms> Built)? _current;

    private sealed record Forms(string Version, Lazy<byte[]> Json, byte[] Binary, byte[] BinaryGzip, ListingIndex Index,
        IReadOnlyList<(string Country, int Incidents)> Countries, MapPoints Map);

    /// <summary>
    /// The JSON body (<c>/api/points</c>) for the store as it is now. Written on its first request after the store
    /// changed, not with the other forms: the page loads the binary form, and 100k incidents' JSON is 3.4 MB.
    /// </summary>
    public async Task<byte[]> Get(CancellationToken cancel) => (await Current().WaitAsync(cancel).ConfigureAwait(false)).Json.Value;

    /// <summary>
    /// Incidents per country (ISO alpha-2, upper case; unplaced ones left out) for the store as it is now, most
    /// first, then by country: what <c>/api/countries</c> lists, counted from the read that built the columns.
    /// </summary>
    public async Task<IReadOnlyList<(string Country, int Incidents)>> Countries(CancellationToken cancel) =>
        (await Current().WaitAsync(cancel).ConfigureAwait(false)).Countries;

    /// <summary>The binary body (<c>/api/points.bin</c>, <see cref="PointColumns.Binary"/>) for the store as it is now.</summary>
    public async Task<byte[]> GetBinary(CancellationToken cancel) => (await Current().WaitAsync(cancel).ConfigureAwait(false)).Binary;

    /// <summary>
    /// The binary body gzipped, compressed with the columns once per store version so that no request compresses it:
    /// 100k incidents' 1.7 MB become about 0.9 MB.
    /// </summary>
    public async Task<byte[]> GetBinaryGzip(CancellationToken cancel) => (await Current().WaitAsync(cancel).ConfigureAwait(false)).BinaryGzip;

    /// <summary>Every incident's id, in the order of the columns <see cref="Get"/> answers with.</summary>
    public async Task<IReadOnlyList<string>> Ids(CancellationToken cancel) => (await Index(cancel).ConfigureAwait(false)).Ids;

    /// <summary>The columns prepared for drawing (<see cref="Server.MapPoints"/>), and the store version they are of.</summary>
    public async Task<(string Version, MapPoints Points)> MapPoints(CancellationToken cancel)
    {
        var forms = await Current().WaitAsync(cancel).ConfigureAwait(false);
        return (forms.Version, forms.Map);
    }

    /// <summary>The listing index of the store as it is now, built with the columns.</summary>
    public async Task<ListingIndex> Index(CancellationToken cancel) => (await Current().WaitAsync(cancel).ConfigureAwait(false)).Index;

    private Task<Forms> Current()
    {
        var now = version();
        lock (_gate)
        {
            if (_current is { } c && c.Version == now && !c.Built.IsFaulted && !c.Built.IsCanceled) return c.Built;
            // Built without the caller's token: other requests may be waiting on the same build.
            var built = Task.Run(() => Build(now, CancellationToken.None));
            _current = (now, built);
            return built;
        }
    }

    private async Task<Forms> Build(string stamp, CancellationToken cancel)
    {
        var points = await pool.With(store => store.QueryIncidentPoints(ApiQuery.Unfiltered), cancel).ConfigureAwait(false);
        var columns = new PointColumns(points);
        var binary = columns.Binary();
        // Holds the columns (not the points) until the JSON is written; the factory is let go then.
        var json = new Lazy<byte[]>(() =>
        {
            var buffer = new ArrayBufferWriter<byte>(columns.Total * 40 + 1024);
            using (var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions)) ApiJson.Points(w, columns);
            return buffer.WrittenSpan.ToArray();
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        return new Forms(stamp, json, binary, Gzip(binary), new ListingIndex(points), CountryCounts(points), new MapPoints(columns));
    }

    /// <summary>Incidents per country of <paramref name="points"/>, as <see cref="Countries"/> lists them.</summary>
    public static IReadOnlyList<(string Country, int Incidents)> CountryCounts(IEnumerable<IncidentPoint> points) =>
        [.. points.Where(p => p.Country is not null)
            .GroupBy(p => p.Country!.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)];

    private static byte[] Gzip(byte[] body)
    {
        using var packed = new MemoryStream(body.Length / 2);
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal)) gzip.Write(body);
        return packed.ToArray();
    }
}
