using System.Buffers;
using System.Runtime.CompilerServices;

namespace Sitrep.Server;

/// <summary>
/// The incidents' discs of a view, rasterised as paint.js's <c>drawPoints</c> rasterises them (same order, radii,
/// anti-aliasing, compositing, float32 storage and rounding), so the server's picture of the first view has the
/// page's pixels. Each pixel is composited front to back (topmost disc first) and skipped once opaque, through a
/// per-row skip list, and a disc whose 8 × 8 blocks are all opaque is skipped whole: the cost follows the visible
/// pixels, not the overdraw of 100k discs.
/// </summary>
public static class DiscRaster
{
    // Side of the blocks whose opaque pixels are counted.
    private const int Cell = 8;

    /// <summary>A drawn picture: straight (not premultiplied) RGBA rows, and how many discs were inside the view.</summary>
    /// <param name="Width">Device pixels across.</param>
    /// <param name="Height">Device pixels down.</param>
    /// <param name="Rgba">Width × Height × 4 bytes, row by row.</param>
    /// <param name="Drawn">Discs inside the view (drawn, or hidden under others).</param>
    public sealed record Picture(int Width, int Height, byte[] Rgba, int Drawn);

    /// <summary>Device pixels of a side of <paramref name="cssPixels"/> CSS pixels at <paramref name="dpr"/>, as the page rounds them.</summary>
    public static int DevicePixels(int cssPixels, double dpr) => (int)MapView.JsRound(cssPixels * dpr);

    /// <summary>Every placed incident of <paramref name="d"/> in <paramref name="view"/> at device pixel ratio <paramref name="dpr"/>.</summary>
    public static Picture Draw(MapPoints d, MapView view, double dpr)
    {
        int W = DevicePixels(view.Width, dpr), H = DevicePixels(view.Height, dpr);
        var rgba = new byte[checked(W * H * 4)];
        var drawn = 0;
        if (W == 0 || H == 0) return new Picture(W, H, rgba, drawn);
        // Premultiplied colour and coverage per pixel, each row one pixel longer: that last pixel is never covered, so a
        // row's skip list always ends in it. skip[p] is how far the next pixel not yet opaque may be (0: p itself).
        // cells: opaque pixels per block. Rented, not allocated per picture (15 MB for a 1,200 x 640 map, on the large
        // object heap, which only full collections reclaim).
        int S = W + 1, across = (W + Cell - 1) / Cell;
        var (acc, skip, cells) = (ArrayPool<float>.Shared.Rent(4 * S * H), ArrayPool<int>.Shared.Rent(S * H),
            ArrayPool<byte>.Shared.Rent(across * ((H + Cell - 1) / Cell)));
        try
        {
            Array.Clear(acc, 0, 4 * S * H);
            Array.Clear(skip, 0, S * H);
            Array.Clear(cells, 0, across * ((H + Cell - 1) / Cell));
            drawn = Composite(d, view, dpr, W, H, acc, skip, cells);
            Unpremultiply(acc, W, H, rgba);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(acc);
            ArrayPool<int>.Shared.Return(skip);
            ArrayPool<byte>.Shared.Return(cells);
        }
        return new Picture(W, H, rgba, drawn);
    }

    // Composites every disc into acc front to back; returns how many were inside the view. Called once per picture, so
    // compiled optimised at once rather than through tiers (a first visit after a start or a store change would run it
    // unoptimised).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Composite(MapPoints d, MapView view, double dpr, int W, int H, float[] acc, int[] skip, byte[] cells)
    {
        int S = W + 1, across = (W + Cell - 1) / Cell, drawn = 0;
        double scale = view.Scale, ox = view.OriginX, oy = view.OriginY, cssW = view.Width, cssH = view.Height;
        double half = MapStyle.DiscOutlineWidth * dpr / 2, fillAlpha = MapStyle.DiscFill, lineAlpha = MapStyle.DiscOutline;
        var ((mx, my, radius, typeOf), types) = (d.InOrder, MapStyle.EventTypes.ToArray());
        for (var k = mx.Length - 1; k >= 0; k--)
        {
            // Positions are kept as float32 by the page (its sx/sy columns): rounded the same here.
            double cr = (float)(mx[k] * scale - ox), cyc = (float)(my[k] * scale - oy), cssR = radius[k];
            if (cr < -cssR || cyc < -cssR || cr > cssW + cssR || cyc > cssH + cssR) continue;
            drawn++;
            double x = cr * dpr, y = cyc * dpr, r = cssR * dpr, reach = r + half + 0.5;
            int y0 = Math.Max(0, (int)Math.Floor(y - reach)), y1 = Math.Min(H - 1, (int)Math.Floor(y + reach));
            int x0 = Math.Max(0, (int)Math.Floor(x - reach)), x1 = Math.Min(W - 1, (int)Math.Floor(x + reach));
            // Nothing of the disc inside (also keeps the blocks looked at inside the picture).
            if (x1 < x0 || y1 < y0 || Hidden(cells, across, W, H, x0, x1, y0, y1)) continue;
            var (_, red, green, blue) = types[typeOf[k]];
            for (var py = y0; py <= y1; py++)
            {
                double dy = py + 0.5 - y, h2 = reach * reach - dy * dy;
                if (h2 <= 0) continue;
                var span = Math.Sqrt(h2);
                int row = py * S, end = row + Math.Min(W - 1, (int)Math.Floor(x + span)), p = row + Math.Max(0, (int)Math.Floor(x - span));
                // A disc just past the right edge can start its span past the row's end: nothing of it on this row.
                if (p > end) continue;
                for (; ; )
                {
                    // The next pixel of this row not yet opaque (each jump taken is lengthened, so later ones are short).
                    for (int q; skip[p] != 0; p = q) { q = p + skip[p]; skip[p] += skip[q]; }
                    if (p > end) break;
                    double dx = p - row + 0.5 - x, dist = Math.Sqrt(dx * dx + dy * dy);
                    // Anti-aliased coverage of the disc and of its outline, the outline over the fill, then the pair
                    // under what is already there; every sum stored as a float32, as the page's Float32Array does.
                    double inside = r - dist + 0.5, fill = inside >= 1 ? 1 : inside <= 0 ? 0 : inside;
                    double rim = half + 0.5 - (dist > r ? dist - r : r - dist), line = lineAlpha * (rim >= 1 ? 1 : rim <= 0 ? 0 : rim);
                    var body = (1 - line) * fillAlpha * fill;
                    if (body + line > 0)
                    {
                        var a = 4 * p;
                        double under = 1 - acc[a + 3];
                        acc[a] = (float)(acc[a] + under * body * red);
                        acc[a + 1] = (float)(acc[a + 1] + under * body * green);
                        acc[a + 2] = (float)(acc[a + 2] + under * body * blue);
                        // The page compares the sum before it is stored as a float32 (a JavaScript assignment's value).
                        var coverage = acc[a + 3] + under * (body + line);
                        acc[a + 3] = (float)coverage;
                        if (coverage > MapStyle.Opaque)
                        {
                            skip[p] = 1;
                            cells[py / Cell * across + (p - row) / Cell]++;
                        }
                    }
                    p++;
                }
            }
        }
        return drawn;
    }

    // Straight RGBA of the premultiplied acc (rows of W + 1 pixels), as the page packs each pixel into its ImageData.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Unpremultiply(float[] acc, int W, int H, byte[] rgba)
    {
        for (var py = 0; py < H; py++)
        {
            var from = acc.AsSpan(4 * py * (W + 1), 4 * W);
            var to = rgba.AsSpan(4 * py * W, 4 * W);
            for (var a = 0; a + 3 < from.Length && a + 3 < to.Length; a += 4)
            {
                double alpha = from[a + 3];
                if (alpha == 0) continue;
                // As the page packs a pixel: values truncated after adding a half, into one little-endian uint32.
                var inverse = 1 / alpha;
                var packed = ((uint)(int)(alpha * 255 + 0.5) << 24) | ((uint)(int)(from[a + 2] * inverse + 0.5) << 16)
                    | ((uint)(int)(from[a + 1] * inverse + 0.5) << 8) | (uint)(int)(from[a] * inverse + 0.5);
                to[a] = (byte)packed;
                to[a + 1] = (byte)(packed >> 8);
                to[a + 2] = (byte)(packed >> 16);
                to[a + 3] = (byte)(packed >> 24);
            }
        }
    }

    // Whether every block the disc's square touches is opaque (the disc then cannot show).
    private static bool Hidden(byte[] cells, int across, int W, int H, int x0, int x1, int y0, int y1)
    {
        for (int cy = y0 / Cell, cy1 = y1 / Cell; cy <= cy1; cy++)
        {
            var tall = Math.Min(Cell, H - cy * Cell);
            for (int cx = x0 / Cell, cx1 = x1 / Cell; cx <= cx1; cx++)
                if (cells[cy * across + cx] != tall * Math.Min(Cell, W - cx * Cell)) return false;
        }
        return true;
    }
}
