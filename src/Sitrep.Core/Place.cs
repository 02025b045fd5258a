namespace Sitrep.Core;

/// <summary>A point on the WGS84 ellipsoid, in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public double DistanceKm(GeoPoint other)
    {
        static double Rad(double deg) => deg * Math.PI / 180.0;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) +
                Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>What kind of gazetteer entry a place is.</summary>
public enum PlaceKind { PopulatedPlace, Admin1, Admin2, Country, Feature }

/// <summary>A gazetteer place.</summary>
/// <param name="Name">Preferred name.</param>
/// <param name="Point">Coordinates.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2.</param>
/// <param name="Admin1">First-order administrative division name (governorate, province), when known.</param>
/// <param name="Kind">Town, admin area, country, or feature (oil field, dam, crossing...).</param>
/// <param name="Population">Population from the gazetteer (0 when unknown).</param>
/// <param name="GeoNameId">GeoNames id, when the place comes from GeoNames.</param>
public sealed record Place(string Name, GeoPoint Point, string CountryCode, string? Admin1, PlaceKind Kind,
    long Population = 0, long? GeoNameId = null);
