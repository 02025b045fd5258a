using System.Buffers;
using System.Text.Json;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// The JSON of every incident's map columns (<see cref="ApiJson.Points"/>), built once per store version and shared:
/// each page load starts with it, and reading 100k incidents again for each would be most of the load time.
/// </summary>
public sealed class PointsCache(StorePool pool, Func<string> version)
{
    private readonly object _gate = new();
    private (string Version, Task<byte[]> Body)? _current;

    /// <summary>The JSON body for the store as it is now; built on first use after the store changed.</summary>
    public Task<byte[]> Get(CancellationToken cancel)
    {
        var now = version();
        lock (_gate)
        {
            if (_current is { } c && c.Version == now && !c.Body.IsFaulted && !c.Body.IsCanceled) return c.Body.WaitAsync(cancel);
            // Built without the caller's token: other requests may be waiting on the same build.
            var body = Task.Run(() => Build(CancellationToken.None));
            _current = (now, body);
            return body.WaitAsync(cancel);
        }
    }

    private async Task<byte[]> Build(CancellationToken cancel)
    {
        var points = await pool.With(store => store.QueryIncidentPoints(ApiQuery.Unfiltered), cancel).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(points.Count * 64 + 1024);
        using (var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions)) ApiJson.Points(w, points);
        return buffer.WrittenSpan.ToArray();
    }
}
