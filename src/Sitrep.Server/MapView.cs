namespace Sitrep.Server;

/// <summary>
/// A view of the map as the page and Leaflet keep it: a zoom and the top-left pixel (whole pixels, as Leaflet keeps its
/// pixel origin) of an area of <paramref name="Width"/> by <paramref name="Height"/> CSS pixels (paint.js's
/// <c>viewAt</c>).
/// </summary>
/// <param name="Zoom">Leaflet's zoom (the Mercator unit square is 256 × 2^zoom pixels wide).</param>
/// <param name="OriginX">Pixel x of the view's left edge.</param>
/// <param name="OriginY">Pixel y of the view's top edge.</param>
/// <param name="Width">Width in CSS pixels.</param>
/// <param name="Height">Height in CSS pixels.</param>
public readonly record struct MapView(double Zoom, double OriginX, double OriginY, int Width, int Height)
{
    /// <summary>Pixels across the Mercator unit square at this zoom.</summary>
    public double Scale => 256 * Math.Pow(2, Zoom);

    /// <summary>The latitude and longitude of a pixel of the view (the inverse of Web Mercator).</summary>
    public (double Latitude, double Longitude) LatLngAt(double x, double y)
    {
        double scale = Scale, mx = (OriginX + x) / scale, my = (OriginY + y) / scale;
        return (Math.Atan(Math.Sinh(Math.PI * (1 - 2 * my))) * 180 / Math.PI, mx * 360 - 180);
    }

    /// <summary>The area the view shows, as Leaflet's getBounds gives it (paint.js's <c>boundsOf</c>).</summary>
    public (double South, double West, double North, double East) Bounds
    {
        get
        {
            var (nw, se) = (LatLngAt(0, 0), LatLngAt(Width, Height));
            return (se.Latitude, nw.Longitude, nw.Latitude, se.Longitude);
        }
    }

    /// <summary>
    /// The first view of a map <paramref name="width"/> by <paramref name="height"/> CSS pixels framing every placed
    /// incident of <paramref name="points"/>: Leaflet's fitBounds with the page's padding and zoom cap, as paint.js's
    /// <c>firstView</c> works it out (the same operations in the same order, so the same view). Null when the box
    /// leaves no room inside the padding (the page then has no view to frame either).
    /// </summary>
    public static MapView? First(MapPoints points, int width, int height)
    {
        double zoom, cx, cy;
        if (points.Extent is not { } x)
        {
            (zoom, cx, cy) = (MapStyle.EmptyZoom, (MapStyle.EmptyLongitude + 180) / 360, MapPoints.MercatorOf(MapStyle.EmptyLatitude));
        }
        else
        {
            double west = (x.West + 180) / 360, east = (x.East + 180) / 360, north = MapPoints.MercatorOf(x.North), south = MapPoints.MercatorOf(x.South);
            var pad = 2 * MapStyle.FirstViewPadding;
            var fit = Math.Min((width - pad) / ((east - west) * 256), (height - pad) / ((south - north) * 256));
            zoom = Math.Log2(fit);
            // Leaflet: within 1 % of a snap level counts as on it, then down to the level.
            zoom = JsRound(zoom / (MapStyle.ZoomSnap / 100)) * (MapStyle.ZoomSnap / 100);
            zoom = Math.Floor(zoom / MapStyle.ZoomSnap) * MapStyle.ZoomSnap;
            zoom = Math.Min(MapStyle.FirstViewMaxZoom, Math.Max(MapStyle.MinZoom, Math.Min(MapStyle.MaxZoom, zoom)));
            (cx, cy) = ((west + east) / 2, (north + south) / 2);
        }
        if (double.IsNaN(zoom)) return null;
        var scale = 256 * Math.Pow(2, zoom);
        return new MapView(zoom, JsRound(cx * scale - width / 2.0), JsRound(cy * scale - height / 2.0), width, height);
    }

    /// <summary>JavaScript's Math.round: halves go up (towards +∞), not to even as Math.Round's default.</summary>
    public static double JsRound(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return v;
        var down = Math.Floor(v);
        return v - down >= 0.5 ? down + 1 : down;
    }
}
