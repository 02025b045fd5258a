using Sitrep.Core;

namespace Sitrep.Server;

/// <summary>
/// How the page draws its map, for the server's first view (<see cref="FirstView"/>): the same values as
/// <c>EVENT_TYPES</c>, <c>MAX_RADIUS</c>, <c>DISC</c>, <c>OPAQUE</c>, <c>MAP</c>, <c>FIRST_VIEW</c> and
/// <c>MAX_DAY_BUCKETS</c> in web/src/paint.js, which the page keeps as its own. A browser test reads them from the
/// page and holds the two together, so the server's picture cannot drift from the one the page draws.
/// </summary>
public static class MapStyle
{
    /// <summary>The ACLED event types in the page's drawing order, with the colour of their discs.</summary>
    public static readonly IReadOnlyList<(string Name, byte Red, byte Green, byte Blue)> EventTypes =
    [
        (AcledTaxonomy.Battles, 0xd6, 0x27, 0x28),
        (AcledTaxonomy.ExplosionsRemoteViolence, 0xff, 0x7f, 0x0e),
        (AcledTaxonomy.ViolenceAgainstCivilians, 0x94, 0x67, 0xbd),
        (AcledTaxonomy.Protests, 0x2c, 0xa0, 0x2c),
        (AcledTaxonomy.Riots, 0x8c, 0x56, 0x4b),
        (AcledTaxonomy.StrategicDevelopments, 0x1f, 0x77, 0xb4),
    ];

    /// <summary>Largest disc radius in CSS pixels (the most fatalities).</summary>
    public const int MaxRadius = 22;

    /// <summary>A disc's fill opacity.</summary>
    public const double DiscFill = 0.75;

    /// <summary>A disc's outline opacity.</summary>
    public const double DiscOutline = 0.3;

    /// <summary>A disc's outline width in CSS pixels.</summary>
    public const double DiscOutlineWidth = 0.6;

    /// <summary>Coverage at which a pixel counts as opaque: discs further down can change it by less than one colour level.</summary>
    public const double Opaque = 0.996;

    /// <summary>The map's zoom range and step (Leaflet's minZoom, maxZoom, zoomSnap).</summary>
    public const double MinZoom = 1, MaxZoom = 12, ZoomSnap = 0.5;

    /// <summary>The first view: every placed incident framed with this padding (CSS pixels), never closer than this zoom.</summary>
    public const double FirstViewPadding = 30, FirstViewMaxZoom = 6;

    /// <summary>The first view when nothing is placed.</summary>
    public const double EmptyLatitude = 25, EmptyLongitude = 30, EmptyZoom = 2;

    /// <summary>Timeline buckets: days while the span fits this many, weeks beyond.</summary>
    public const int MaxDayBuckets = 120;
}
