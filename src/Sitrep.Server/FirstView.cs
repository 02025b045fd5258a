using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Server;

/// <summary>
/// <c>/api/first-view</c>: the page's first view of the unfiltered map, drawn on the server as map tile servers draw
/// tiles, so that a first visit shows the map without first loading, preparing and rasterising every incident in a
/// browser that has compiled nothing yet. The answer is <see cref="Magic"/>, a little-endian uint32 header length, the
/// header (UTF-8 JSON: the view, the counts, the timeline's counts), then a PNG of the discs (<see cref="DiscRaster"/>)
/// to the end. Everything in it is what paint.js would work out from the columns for the same box.
/// </summary>
public static class FirstView
{
    /// <summary>The first four bytes of an answer ("SFV" and the format version, 1).</summary>
    public static ReadOnlySpan<byte> Magic => "SFV\u0001"u8;

    /// <summary>The Content-Type of an answer.</summary>
    public const string MediaType = "application/octet-stream";

    // One picture drawn at a time: each takes up to 20 bytes a device pixel while it is drawn.
    private static readonly SemaphoreSlim Drawing = new(1, 1);

    /// <summary><see cref="Answer"/> on the thread pool, one at a time (which bounds the memory drawing takes).</summary>
    public static async Task<byte[]> AnswerAsync(MapPoints d, int width, int height, double dpr)
    {
        await Drawing.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Answer(d, width, height, dpr)).ConfigureAwait(false);
        }
        finally
        {
            Drawing.Release();
        }
    }

    /// <summary>
    /// The answer for a map box of <paramref name="width"/> × <paramref name="height"/> CSS pixels at device pixel ratio
    /// <paramref name="dpr"/>; a <see cref="BadRequestException"/> when the box leaves no room inside the padding.
    /// </summary>
    public static byte[] Answer(MapPoints d, int width, int height, double dpr)
    {
        var view = MapView.First(d, width, height) ?? throw new BadRequestException(
            $"a map box of {width} x {height} CSS pixels leaves no room inside the first view's {MapStyle.FirstViewPadding} px padding");
        var picture = DiscRaster.Draw(d, view, dpr);
        var png = Png.Encode(picture.Rgba, picture.Width, picture.Height);
        var timeline = TimelineCounts.Of(d, view);
        var header = ApiJson.Bytes(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("zoom", view.Zoom);
            w.WriteNumber("origin_x", view.OriginX);
            w.WriteNumber("origin_y", view.OriginY);
            w.WriteNumber("width", width);
            w.WriteNumber("height", height);
            w.WriteNumber("dpr", dpr);
            w.WriteNumber("image_width", picture.Width);
            w.WriteNumber("image_height", picture.Height);
            w.WriteNumber("total", d.Count);
            w.WriteNumber("placed", d.PlacedCount);
            w.WriteNumber("drawn", picture.Drawn);
            w.WritePropertyName("timeline");
            if (timeline is null) w.WriteNullValue();
            else
            {
                w.WriteStartObject();
                w.WriteBoolean("weekly", timeline.Weekly);
                w.WriteNumber("first", timeline.First);
                w.WriteNumber("buckets", timeline.Buckets);
                w.WriteNumber("shown", timeline.Shown);
                w.WritePropertyName("counts");
                w.WriteStartArray();
                foreach (var c in timeline.Counts) w.WriteNumberValue(c);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
        var body = new byte[8 + header.Length + png.Length];
        Magic.CopyTo(body);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)header.Length);
        header.CopyTo(body.AsSpan(8));
        png.CopyTo(body.AsSpan(8 + header.Length));
        return body;
    }
}

/// <summary>
/// The last few <c>/api/first-view</c> answers, by store version, box size and pixel ratio: a page's first view is the
/// same for every visitor with the same window until the store changes.
/// </summary>
public sealed class FirstViewCache(PointsCache points)
{
    /// <summary>Answers kept (a bound on memory: a few window sizes, not a tuning knob).</summary>
    public const int Capacity = 4;

    private readonly object _gate = new();
    private readonly LinkedList<(string Key, Lazy<Task<byte[]>> Answer)> _recent = new();

    /// <summary>The answer for the store as it is now, and its entity tag (store version and parameters).</summary>
    public async Task<(string ETag, byte[] Body)> Get(int width, int height, double dpr, CancellationToken cancel)
    {
        var (version, d) = await points.MapPoints(cancel).ConfigureAwait(false);
        var key = string.Create(CultureInfo.InvariantCulture, $"{version}/{width}x{height}@{dpr:R}");
        Lazy<Task<byte[]>>? entry = null;
        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
                if (node.Value.Key == key)
                {
                    entry = node.Value.Answer;
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    break;
                }
            if (entry is null)
            {
                Lazy<Task<byte[]>>? mine = null;
                // Drawn without the caller's token: other requests may wait on the same answer.
                mine = new Lazy<Task<byte[]>>(() => Draw(mine!, d, width, height, dpr), LazyThreadSafetyMode.ExecutionAndPublication);
                entry = mine;
                _recent.AddFirst((key, mine));
                while (_recent.Count > Capacity) _recent.RemoveLast();
            }
        }
        var body = await entry.Value.WaitAsync(cancel).ConfigureAwait(false);
        return ("\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12)) + "\"", body);
    }

    /// <summary>Forgets every answer kept.</summary>
    public void Clear()
    {
        lock (_gate) _recent.Clear();
    }

    private async Task<byte[]> Draw(Lazy<Task<byte[]>> entry, MapPoints d, int width, int height, double dpr)
    {
        try
        {
            return await FirstView.AnswerAsync(d, width, height, dpr).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
                for (var node = _recent.First; node is not null; node = node.Next)
                    if (ReferenceEquals(node.Value.Answer, entry)) { _recent.Remove(node); break; }
            throw;
        }
    }
}
