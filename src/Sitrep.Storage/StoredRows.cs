using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// How both stores turn documents, events and incidents into column values and back, so a SQLite and a PostgreSQL
/// store hold the same values and answer the same queries alike.
/// </summary>
internal static class StoredRows
{
    /// <summary>Kilometres per degree of latitude, for the bounding box of a distance filter.</summary>
    public const double KmPerDegree = 111.32;

    /// <summary>Event columns shared by the events and incidents tables, in <see cref="EventValues"/> order.</summary>
    public static readonly string[] EventColumnNames =
    [
        "event_type", "sub_event_type", "event_date", "event_date_end", "time_precision", "actor1", "actor2", "country",
        "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_min", "fatalities_max",
        "injured_min", "injured_max", "civilian_targeting", "modality",
    ];

    /// <summary>Incident columns read back by <see cref="ReadIncident"/>; the latitude is at <see cref="IncidentLatitude"/>.</summary>
    public const string IncidentColumns =
        "i.incident_id, i.latitude, i.longitude, i.fatalities_min, i.fatalities_max, i.injured_min, i.injured_max, " +
        "i.source_count, i.grade, i.grade_reason, i.event_json, i.sources_json";

    /// <summary>Position of the latitude (longitude follows) in <see cref="IncidentColumns"/>.</summary>
    public const int IncidentLatitude = 1;

    /// <summary>The columns a distance filter needs, latitude at <see cref="IncidentLatitude"/> as in <see cref="IncidentColumns"/>.</summary>
    public const string NearKeys = "SELECT i.incident_id, i.latitude, i.longitude FROM incidents i";

    /// <summary>Most ids bound to one statement (SQLite allows 32,766 parameters).</summary>
    public const int IdsPerStatement = 1000;

    /// <summary>Document metadata columns read back by <see cref="ReadMeta"/>.</summary>
    public const string MetaColumns = "d.id, d.path, d.url, d.source, d.title, d.published, d.published_source, d.content_hash";

    /// <summary>Number of columns in <see cref="MetaColumns"/>.</summary>
    public const int MetaColumnCount = 8;

    /// <summary>The identity a document is stored under: its content hash, else a hash of its clean text.</summary>
    public static string HashOf(Document document) =>
        document.Meta.ContentHash.Length > 0
            ? document.Meta.ContentHash
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text)));

    /// <summary>The layers without a column of their own, as one JSON object.</summary>
    public static string LayersJson(Document d) =>
        SitrepJson.Serialize(new StoredLayers(d.Segments, d.Actors, d.Times, d.Places, d.Errors));

    /// <summary>Values of <see cref="EventColumnNames"/> for an event (DBNull for missing values).</summary>
    public static object[] EventValues(ConflictEvent e, int? fatMin, int? fatMax, int? injMin, int? injMax) =>
    [
        e.EventType,
        e.SubEventType,
        Db(Iso(e.Date.Start)),
        Db(Iso(e.Date.End)),
        e.Date.IsResolved ? GranularityName(e.Date.Granularity) : DBNull.Value,
        Db(e.Actor1),
        Db(e.Actor2),
        Db(e.Place?.CountryCode.ToUpperInvariant()),
        Db(e.Place?.Admin1),
        Db(e.Place?.Name),
        e.Place is null ? DBNull.Value : e.Place.Point.Latitude,
        e.Place is null ? DBNull.Value : e.Place.Point.Longitude,
        e.Place is null ? DBNull.Value : e.GeoPrecision,
        fatMin ?? 0,
        Db(fatMin),
        Db(fatMax),
        Db(injMin),
        Db(injMax),
        e.CivilianTargeting ? 1 : 0,
        e.Modality.ToContractName(),
    ];

    /// <summary>Reads a row of <see cref="IncidentColumns"/>.</summary>
    public static Incident ReadIncident(System.Data.Common.DbDataReader r) => new()
    {
        IncidentId = r.GetString(0),
        FatalitiesMin = NullableInt(r, 3),
        FatalitiesMax = NullableInt(r, 4),
        InjuredMin = NullableInt(r, 5),
        InjuredMax = NullableInt(r, 6),
        SourceCount = r.GetInt32(7),
        Grade = Enum.Parse<IncidentGrade>(r.GetString(8)),
        GradeReason = r.GetString(9),
        Event = SitrepJson.Deserialize<ConflictEvent>(r.GetString(10)),
        Sources = SitrepJson.Deserialize<List<IncidentSource>>(r.GetString(11)),
    };

    /// <summary>
    /// Every event of the next @n documents (by id, after @after unless <paramref name="first"/>) that have events,
    /// as rows for <see cref="ReadNumberedEvents"/>, by document id then ordinal.
    /// </summary>
    public static string EventsOfDocumentsSql(bool first) => $"""
        SELECT {MetaColumns}, e.ordinal, e.event_json
        FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.document_id IN (SELECT DISTINCT document_id FROM events {(first ? "" : "WHERE document_id > @after")}
                                ORDER BY document_id LIMIT @n)
        ORDER BY e.document_id, e.ordinal
        """;

    /// <summary>
    /// Every event whose date starts on the first start date (after @after unless <paramref name="first"/>), as rows
    /// for <see cref="ReadNumberedEvents"/>, in no particular order. Stored dates are ISO text, so text order is date order.
    /// </summary>
    public static string EventsOnNextStartDateSql(bool first) => $"""
        SELECT {MetaColumns}, e.ordinal, e.event_json
        FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.event_date = (SELECT MIN(event_date) FROM events WHERE {(first ? "event_date IS NOT NULL" : "event_date > @after")})
        """;

    /// <summary>Reads every row of <see cref="EventsOfDocumentsSql"/> or <see cref="EventsOnNextStartDateSql"/>.</summary>
    public static List<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> ReadNumberedEvents(System.Data.Common.DbDataReader r)
    {
        var events = new List<(DocumentMeta, int, ConflictEvent)>();
        DocumentMeta? meta = null;
        while (r.Read())
        {
            // Consecutive rows of one document share its metadata object.
            if (meta is null || meta.Id != r.GetString(0)) meta = ReadMeta(r);
            events.Add((meta, r.GetInt32(MetaColumnCount), SitrepJson.Deserialize<ConflictEvent>(r.GetString(MetaColumnCount + 1))));
        }
        return events;
    }

    /// <summary>Reads the <see cref="MetaColumns"/> at the start of a row.</summary>
    public static DocumentMeta ReadMeta(System.Data.Common.DbDataReader r) => new(r.GetString(0), r.GetString(1))
    {
        Url = NullableString(r, 2),
        Source = NullableString(r, 3),
        Title = NullableString(r, 4),
        Published = ParseIso(NullableString(r, 5)),
        PublishedSource = NullableString(r, 6),
        ContentHash = r.GetString(7),
    };

    /// <summary>Reads a whole stored document: <see cref="MetaColumns"/>, then text, entities, quotes, events, layers, tokens.</summary>
    public static Document ReadDocument(System.Data.Common.DbDataReader reader)
    {
        var meta = ReadMeta(reader);
        var c = MetaColumnCount;
        var layers = SitrepJson.Deserialize<StoredLayers>(reader.GetString(c + 4));
        var (tokenStarts, tokenEnds, sentenceStarts) = UnpackTokens(reader.IsDBNull(c + 5) ? [] : (byte[])reader.GetValue(c + 5));
        return new Document
        {
            Meta = meta,
            Text = reader.GetString(c),
            Entities = SitrepJson.Deserialize<List<EntityMention>>(reader.GetString(c + 1)),
            Quotes = SitrepJson.Deserialize<List<Quote>>(reader.GetString(c + 2)),
            Events = SitrepJson.Deserialize<List<ConflictEvent>>(reader.GetString(c + 3)),
            Segments = layers.Segments,
            Actors = layers.Actors,
            Times = layers.Times,
            Places = layers.Places,
            Errors = layers.Errors,
            TokenStarts = tokenStarts,
            TokenEnds = tokenEnds,
            SentenceStarts = sentenceStarts,
        };
    }

    /// <summary>True when the incident row's point lies within the distance filter (rows without a point never do).</summary>
    public static bool IsNear(System.Data.Common.DbDataReader reader, (double Lat, double Lon, double Km) near)
    {
        if (reader.IsDBNull(IncidentLatitude) || reader.IsDBNull(IncidentLatitude + 1)) return false;
        var p = new GeoPoint(reader.GetDouble(IncidentLatitude), reader.GetDouble(IncidentLatitude + 1));
        return p.DistanceKm(new GeoPoint(near.Lat, near.Lon)) <= near.Km;
    }

    /// <summary>
    /// The latitude band of a distance filter and, when it is one interval, the longitude band; the exact distance
    /// is checked afterwards by <see cref="IsNear"/>.
    /// </summary>
    public static (double LatMin, double LatMax, (double Min, double Max)? Lon) Box((double Lat, double Lon, double Km) near)
    {
        var dLat = near.Km / KmPerDegree;
        var cos = Math.Cos(near.Lat * Math.PI / 180.0);
        var dLon = cos > 1e-6 ? near.Km / (KmPerDegree * cos) : 360;
        // Near the poles or across the date line a longitude band is not one interval: leave it to haversine.
        var lon = Math.Abs(near.Lat) + dLat < 89 && near.Lon - dLon >= -180 && near.Lon + dLon <= 180
            ? (near.Lon - dLon, near.Lon + dLon)
            : ((double, double)?)null;
        return (near.Lat - dLat, near.Lat + dLat, lon);
    }

    /// <summary>
    /// ORDER BY for incident lists: by date, undated last, then id. With a date filter no undated incident matches, so
    /// the plain (event_date, incident_id) order is the same and lets the date index both filter and order.
    /// </summary>
    public static string IncidentOrder(IncidentQuery q) =>
        q.From is null && q.To is null
            ? " ORDER BY i.event_date IS NULL, i.event_date, i.incident_id"
            : " ORDER BY i.event_date, i.incident_id";

    /// <summary>
    /// The earliest start date an incident reaching <paramref name="from"/> can have, given the longest stored date
    /// range: a lower bound that turns "ends on or after" into an index range on the start date.
    /// </summary>
    public static string EarliestStart(DateOnly from, long maxSpanDays) =>
        Iso(from.AddDays(-(int)Math.Clamp(maxSpanDays, 0, from.DayNumber)))!;

    /// <summary>Days from an incident's first to its last possible day (0 when undated), for the longest-range bound.</summary>
    public static long SpanDays(Incident incident) =>
        incident.Event.Date is { Start: { } s, End: { } e } ? Math.Max(0, e.DayNumber - s.DayNumber) : 0;

    /// <summary>Key of the longest incident date range in store_meta.</summary>
    public const string MaxSpanKey = "max_span_days";

    /// <summary>A LIKE pattern matching <paramref name="s"/> literally, with '\' as the escape character.</summary>
    public static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>ISO date text, or null.</summary>
    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date from ISO text, or null.</summary>
    public static DateOnly? ParseIso(string? s) =>
        s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The value, or DBNull for null.</summary>
    public static object Db(object? value) => value ?? DBNull.Value;

    private static string GranularityName(DateGranularity g) => g switch
    {
        DateGranularity.Day => "day",
        DateGranularity.Week => "week",
        DateGranularity.Month => "month",
        DateGranularity.Year => "year",
        _ => "unknown",
    };

    /// <summary>The string at <paramref name="i"/>, or null.</summary>
    public static string? NullableString(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? NullableInt(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    // ---- tokens: three int arrays packed as one blob, far smaller than JSON ----

    /// <summary>Token starts, token ends and sentence starts as one little-endian blob.</summary>
    public static byte[] PackTokens(Document d)
    {
        var ints = new int[3 + d.TokenStarts.Length + d.TokenEnds.Length + d.SentenceStarts.Length];
        ints[0] = d.TokenStarts.Length;
        ints[1] = d.TokenEnds.Length;
        ints[2] = d.SentenceStarts.Length;
        d.TokenStarts.CopyTo(ints, 3);
        d.TokenEnds.CopyTo(ints, 3 + d.TokenStarts.Length);
        d.SentenceStarts.CopyTo(ints, 3 + d.TokenStarts.Length + d.TokenEnds.Length);
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < ints.Length; i++) ints[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(ints[i]);
        return MemoryMarshal.AsBytes(ints.AsSpan()).ToArray();
    }

    private static (int[] Starts, int[] Ends, int[] Sentences) UnpackTokens(byte[] blob)
    {
        if (blob.Length < 12) return ([], [], []);
        var ints = MemoryMarshal.Cast<byte, int>(blob.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < ints.Length; i++) ints[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(ints[i]);
        int a = ints[0], b = ints[1], c = ints[2];
        return (ints[3..(3 + a)], ints[(3 + a)..(3 + a + b)], ints[(3 + a + b)..(3 + a + b + c)]);
    }

    /// <summary>The document layers without a column of their own, stored as one JSON object.</summary>
    private sealed record StoredLayers(
        IReadOnlyList<TextRange> Segments,
        IReadOnlyList<ActorMention> Actors,
        IReadOnlyList<TimeMention> Times,
        IReadOnlyList<PlaceMention> Places,
        IReadOnlyList<string> Errors);
}
