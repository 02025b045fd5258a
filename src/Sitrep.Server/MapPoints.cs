namespace Sitrep.Server;

/// <summary>
/// The map's columns as the page prepares them for drawing (paint.js's <c>prepare</c>, the same arithmetic in the same
/// order): coordinates back from thousandths of a degree, Web Mercator positions, disc radii rounded to float32 as the
/// page's Float32Array keeps them, each incident's event type and the drawing order (by type, large discs under small
/// ones). Built once per store version with the columns; <see cref="FirstView"/> draws from it.
/// </summary>
public sealed class MapPoints
{
    /// <summary>A day no incident has: the day of an undated one.</summary>
    public const int NoDay = int.MinValue;

    private const double Degree = Math.PI / 180;

    /// <summary>Number of incidents (placed or not).</summary>
    public int Count { get; }

    /// <summary>How many of them have a place.</summary>
    public int PlacedCount { get; }

    /// <summary>Whether each incident has a place.</summary>
    public bool[] Placed { get; }

    /// <summary>Latitude and longitude in degrees (0 when unplaced).</summary>
    public double[] Latitude { get; }

    /// <summary>Longitude in degrees (0 when unplaced).</summary>
    public double[] Longitude { get; }

    /// <summary>Index in <see cref="MapStyle.EventTypes"/> of each incident's event type.</summary>
    public byte[] TypeOf { get; }

    /// <summary>First day (days since 1970-01-01), <see cref="NoDay"/> when undated.</summary>
    public int[] Day { get; }

    /// <summary>
    /// Web Mercator x and y in [0, 1) (0 at 180° W and at 85° N), disc radius in CSS pixels (a float32) and
    /// <see cref="TypeOf"/> of the placed incidents in drawing order (by type, and within a type large discs first):
    /// drawing reads them one after another instead of at random, which on 100k incidents is most of the time it takes.
    /// </summary>
    public (double[] X, double[] Y, float[] Radius, byte[] Type) InOrder { get; }

    /// <summary>Earliest and latest first day of the dated incidents (null when none is dated).</summary>
    public (int First, int Last)? Days { get; }

    /// <summary>South, west, north, east of the placed incidents (null when none is placed).</summary>
    public (double South, double West, double North, double East)? Extent { get; }

    /// <summary>Prepares <paramref name="columns"/>.</summary>
    public MapPoints(PointColumns columns)
    {
        var n = columns.Total;
        var column = columns.Columns.ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
        var (lat, lon, type, day, fatalities) = (column["lat"], column["lon"], column["type"], column["day"], column["fatalities"]);
        var typeNames = MapStyle.EventTypes.Select(x => x.Name).ToList();
        var typeOfSubType = columns.EventTypes
            .Select(t => typeNames.IndexOf(t) is var k and >= 0 ? (byte)k : (byte)(MapStyle.EventTypes.Count - 1))
            .ToArray();
        (Count, Placed, Latitude, Longitude) = (n, new bool[n], new double[n], new double[n]);
        (TypeOf, Day) = (new byte[n], new int[n]);
        var (mercatorX, mercatorY, radius) = (new double[n], new double[n], new float[n]);
        // Drawing order as the page sorts it: a counting sort over (type, whole radius), stable in incident order.
        var buckets = MapStyle.MaxRadius + 1;
        var counts = new int[MapStyle.EventTypes.Count * buckets + 1];
        var slot = new int[n];
        int firstDay = int.MaxValue, lastDay = int.MinValue, placed = 0;
        double s = 90, w = 180, north = -90, e = -180;
        for (var i = 0; i < n; i++)
        {
            var t = type[i] is { } ti ? typeOfSubType[ti] : (byte)(MapStyle.EventTypes.Count - 1);
            TypeOf[i] = t;
            if (day[i] is { } d0)
            {
                var d = d0 + columns.DayBase;
                Day[i] = d;
                firstDay = Math.Min(firstDay, d);
                lastDay = Math.Max(lastDay, d);
            }
            else Day[i] = NoDay;
            if (lat[i] is not { } la || lon[i] is not { } lo) continue;
            Placed[i] = true;
            placed++;
            double latitude = la / (double)PointColumns.CoordinateScale, longitude = lo / (double)PointColumns.CoordinateScale;
            (Latitude[i], Longitude[i]) = (latitude, longitude);
            (s, north, w, e) = (Math.Min(s, latitude), Math.Max(north, latitude), Math.Min(w, longitude), Math.Max(e, longitude));
            mercatorX[i] = (longitude + 180) / 360;
            mercatorY[i] = MercatorOf(latitude);
            var r = Math.Min(MapStyle.MaxRadius, 3 + 2 * Math.Sqrt(fatalities[i] ?? 0));
            radius[i] = (float)r;
            // The whole radius of the double, as the page takes it before storing the float.
            var k = t * buckets + (MapStyle.MaxRadius - (int)Math.Floor(r));
            slot[i] = k + 1;
            counts[k + 1]++;
        }
        for (var k = 1; k < counts.Length; k++) counts[k] += counts[k - 1];
        var order = new int[counts[^1]];
        for (var i = 0; i < n; i++)
            if (slot[i] != 0) order[counts[slot[i] - 1]++] = i;
        InOrder = (new double[order.Length], new double[order.Length], new float[order.Length], new byte[order.Length]);
        for (var k = 0; k < order.Length; k++)
            (InOrder.X[k], InOrder.Y[k], InOrder.Radius[k], InOrder.Type[k]) = (mercatorX[order[k]], mercatorY[order[k]], radius[order[k]], TypeOf[order[k]]);
        PlacedCount = placed;
        Days = firstDay <= lastDay ? (firstDay, lastDay) : null;
        Extent = placed > 0 ? (s, w, north, e) : null;
    }

    /// <summary>Web Mercator y in [0, 1) of a latitude (0 at 85° N), as the page projects it (clamped to ±85°).</summary>
    public static double MercatorOf(double latitude) =>
        (1 - Math.Atanh(Math.Sin((latitude > 85 ? 85 : latitude < -85 ? -85 : latitude) * Degree)) / Math.PI) / 2;
}
