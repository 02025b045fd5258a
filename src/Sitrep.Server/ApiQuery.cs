using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// Reads the filters of <c>sitrep events</c> (and paging) from a query string. A value that makes no sense is a
/// <see cref="BadRequestException"/> naming the parameter, answered with 400, never a guess.
/// </summary>
public static class ApiQuery
{
    /// <summary>Page size when none is asked for.</summary>
    public const int DefaultPageSize = 100;
    /// <summary>Largest page the list endpoint serves; exports and the map have no page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>What <see cref="Filters"/> returns for a query string without filters.</summary>
    public static IncidentQuery Unfiltered { get; } = new(Offset: 0, Limit: int.MaxValue);

    /// <summary>The filters of <paramref name="query"/>, unpaged (offset 0, no limit).</summary>
    public static IncidentQuery Filters(IQueryCollection query) => new(
        Date(query, "from"), Date(query, "to"), Text(query, "country"), Text(query, "actor"), Text(query, "type"),
        Near(query), Text(query, "q"), 0, int.MaxValue)
    {
        Grade = Grade(query),
    };

    /// <summary>The filters plus <c>page</c> (1-based) and <c>size</c> (1..<see cref="MaxPageSize"/>).</summary>
    public static (IncidentQuery Query, int Page, int Size) Paged(IQueryCollection query)
    {
        var page = Int(query, "page", 1, 1, int.MaxValue / MaxPageSize);
        var size = Int(query, "size", DefaultPageSize, 1, MaxPageSize);
        return (Filters(query) with { Offset = (page - 1) * size, Limit = size }, page, size);
    }

    /// <summary><c>offset</c> (from 0) and <c>limit</c> (1..<see cref="MaxIds"/>, default 1) of <c>/api/points/ids</c>.</summary>
    public static (int Offset, int Limit) Window(IQueryCollection query) =>
        (Int(query, "offset", 0, 0, int.MaxValue), Int(query, "limit", 1, 1, MaxIds));

    /// <summary>Most ids one <c>/api/points/ids</c> answer holds.</summary>
    public const int MaxIds = 100_000;

    /// <summary>Largest side, in CSS pixels, of the map box <c>/api/first-view</c> draws.</summary>
    public const int MaxFirstViewSide = 4096;

    /// <summary>
    /// Most device pixels one <c>/api/first-view</c> picture has (a 4K screen's 8.3 M fit): rasterising keeps 20 bytes
    /// a pixel, so the bound keeps one request's memory under 170 MB.
    /// </summary>
    public const int MaxFirstViewPixels = 1 << 23;

    /// <summary>
    /// <c>width</c> and <c>height</c> (CSS pixels, 1..<see cref="MaxFirstViewSide"/>, both required) and <c>dpr</c> (device
    /// pixels per CSS pixel, 0.5..4, default 1) of <c>/api/first-view</c>, within <see cref="MaxFirstViewPixels"/>.
    /// </summary>
    public static (int Width, int Height, double Dpr) FirstView(IQueryCollection query)
    {
        int Side(string name) => Text(query, name) is null
            ? throw new BadRequestException($"{name} is required: the map box's {name} in CSS pixels, 1 to {MaxFirstViewSide}")
            : Int(query, name, 0, 1, MaxFirstViewSide);
        var (width, height) = (Side("width"), Side("height"));
        var dpr = 1.0;
        if (Text(query, "dpr") is { } v && !(double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out dpr) && dpr is >= 0.5 and <= 4))
            throw new BadRequestException($"dpr '{v}' is not a number from 0.5 to 4 (the device pixel ratio)");
        var pixels = (long)DiscRaster.DevicePixels(width, dpr) * DiscRaster.DevicePixels(height, dpr);
        if (pixels > MaxFirstViewPixels)
            throw new BadRequestException($"width {width} x height {height} at dpr {dpr.ToString(CultureInfo.InvariantCulture)} is {pixels} device pixels, more than the {MaxFirstViewPixels} one picture may have");
        return (width, height, dpr);
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var v = query[name].ToString();
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    private static DateOnly? Date(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } v) return null;
        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new BadRequestException($"{name} '{v}' is not a date in YYYY-MM-DD form");
    }

    private static IncidentGrade? Grade(IQueryCollection query)
    {
        if (Text(query, "grade") is not { } v) return null;
        return Enum.TryParse<IncidentGrade>(v, ignoreCase: true, out var g) && Enum.IsDefined(g) && !char.IsDigit(v[0])
            ? g
            : throw new BadRequestException($"grade '{v}' is not one of confirmed, fair, weak, contested, discounted");
    }

    private static (double Lat, double Lon, double Km)? Near(IQueryCollection query)
    {
        if (Text(query, "near") is not { } v) return null;
        var parts = v.Split(',');
        if (parts.Length == 3
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km > 0)
            return (lat, lon, km);
        throw new BadRequestException($"near '{v}' is not LAT,LON,KM (e.g. 35.95,39.01,25)");
    }

    private static int Int(IQueryCollection query, string name, int fallback, int min, int max)
    {
        if (Text(query, name) is not { } v) return fallback;
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new BadRequestException($"{name} '{v}' is not a whole number from {min} to {max}");
    }
}

/// <summary>A request the API cannot answer as asked; the message says which parameter and why.</summary>
public sealed class BadRequestException(string message) : Exception(message);
