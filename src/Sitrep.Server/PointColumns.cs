using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// The map's columns of a list of incident points, as small integers with their string tables: the one computation
/// behind both forms of them, the JSON of <c>/api/points</c> (<see cref="ApiJson.Points"/>) and the typed arrays of
/// <c>/api/points.bin</c> (<see cref="Binary"/>), so the two cannot drift apart. Strings are sent once, in tables:
/// <c>type</c> indexes <c>sub_event_types</c> (whose event types are in <c>event_types</c>), <c>country</c>
/// <c>countries</c>, <c>grade</c> <c>grades</c>, <c>actor1</c>/<c>actor2</c> <c>actors</c>. <c>lat</c>/<c>lon</c> are
/// thousandths of a degree; <c>day</c> is days after <c>day_base</c> (itself days since 1970-01-01) and <c>span</c>
/// days from first to last. Null (unplaced, undated, unknown) is <c>null</c> in the JSON form.
/// </summary>
public sealed class PointColumns
{
    /// <summary>Coordinates are sent as whole thousandths of a degree (about 100 m, finer than any marker).</summary>
    public const int CoordinateScale = 1000;

    /// <summary>The Content-Type of the binary form.</summary>
    public const string MediaType = "application/octet-stream";

    /// <summary>The first four bytes of the binary form ("SPC" and the format version, 1).</summary>
    public static ReadOnlySpan<byte> Magic => "SPC\u0001"u8;

    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Number of incidents (the length of every column).</summary>
    public int Total { get; }

    /// <summary>Days since 1970-01-01 of the earliest first day (0 when nothing is dated).</summary>
    public int DayBase { get; }

    /// <summary>The sub-event types the <c>type</c> column indexes, in ordinal order.</summary>
    public IReadOnlyList<string> SubEventTypes { get; }

    /// <summary>The countries (ISO alpha-2) the <c>country</c> column indexes, in ordinal order.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>The actors the <c>actor1</c> and <c>actor2</c> columns index, in ordinal order.</summary>
    public IReadOnlyList<string> Actors { get; }

    /// <summary>The columns in the order both forms send them; null entries are missing values.</summary>
    public IReadOnlyList<(string Name, int?[] Values)> Columns { get; }

    /// <summary>The columns of <paramref name="points"/>, in their order.</summary>
    public PointColumns(IReadOnlyList<IncidentPoint> points)
    {
        var subTypes = points.Select(p => p.SubEventType).Distinct().Order(StringComparer.Ordinal).ToList();
        var actors = points.SelectMany(p => (string?[])[p.Actor1, p.Actor2]).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var countries = points.Select(p => p.Country).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var (subIndex, actorIndex, countryIndex) = (Indexes(subTypes), Indexes(actors), Indexes(countries));
        var dayBase = points.Where(p => p.Date is not null).Select(p => p.Date!.Value.DayNumber - Epoch).DefaultIfEmpty(0).Min();
        (Total, DayBase, SubEventTypes, Countries, Actors) = (points.Count, dayBase, subTypes, countries, actors);
        int?[] Column(Func<IncidentPoint, int?> of)
        {
            var values = new int?[points.Count];
            for (var i = 0; i < values.Length; i++) values[i] = of(points[i]);
            return values;
        }
        int? Index(Dictionary<string, int> index, string? name) => name is null ? null : index[name];
        Columns =
        [
            ("lat", Column(p => Coordinate(p.Latitude))),
            ("lon", Column(p => Coordinate(p.Longitude))),
            ("type", Column(p => subIndex[p.SubEventType])),
            ("day", Column(p => p.Date is { } d ? d.DayNumber - Epoch - dayBase : null)),
            ("span", Column(p => p is { Date: { } d, DateEnd: { } e } ? e.DayNumber - d.DayNumber : null)),
            ("country", Column(p => Index(countryIndex, p.Country))),
            ("fatalities", Column(p => p.Fatalities)),
            ("grade", Column(p => (int)p.Grade)),
            ("actor1", Column(p => Index(actorIndex, p.Actor1))),
            ("actor2", Column(p => Index(actorIndex, p.Actor2))),
        ];
    }

    /// <summary>The event type of each of <see cref="SubEventTypes"/>.</summary>
    public IEnumerable<string> EventTypes =>
        SubEventTypes.Select(s => AcledTaxonomy.EventTypeOf.GetValueOrDefault(s, AcledTaxonomy.StrategicDevelopments));

    /// <summary>The grade names the <c>grade</c> column indexes (by the enum's value).</summary>
    public static IEnumerable<string> Grades => Enum.GetValues<IncidentGrade>().Select(g => g.ToString().ToLowerInvariant());

    /// <summary>Writes the tables (everything but the columns) as properties of an open JSON object.</summary>
    public void WriteTables(Utf8JsonWriter w)
    {
        w.WriteNumber("total", Total);
        w.WriteNumber("coordinate_scale", CoordinateScale);
        w.WriteNumber("day_base", DayBase);
        Strings(w, "sub_event_types", SubEventTypes);
        Strings(w, "event_types", EventTypes);
        Strings(w, "grades", Grades);
        Strings(w, "countries", Countries);
        Strings(w, "actors", Actors);
    }

    /// <summary>
    /// The binary form: the 4 bytes of <see cref="Magic"/>, a little-endian uint32 header length, the header (UTF-8
    /// JSON: the tables of <see cref="WriteTables"/> plus <c>columns</c>, each <c>{"name", "type", "offset",
    /// "null"}</c>), then, from the first multiple of 4 after the header, the data: each column as a little-endian
    /// array of <c>total</c> values at <c>offset</c> bytes from the data's start (a multiple of 4, so a browser reads it
    /// with a typed array view and no parsing). A column's type is the narrowest of <c>uint8</c>, <c>uint16</c> and
    /// <c>int32</c> that holds its values and its missing-value marker <c>null</c>: the type's largest value for the
    /// unsigned types, -2147483648 for int32.
    /// </summary>
    public byte[] Binary()
    {
        var layout = new List<(string Name, int?[] Values, (string Name, int Size, int Null) Type, int Offset)>();
        var size = 0;
        foreach (var (name, values) in Columns)
        {
            var type = TypeOf(values);
            layout.Add((name, values, type, size));
            size = Align(size + Total * type.Size);
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions))
        {
            w.WriteStartObject();
            WriteTables(w);
            w.WritePropertyName("columns");
            w.WriteStartArray();
            foreach (var c in layout)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("type", c.Type.Name);
                w.WriteNumber("offset", c.Offset);
                w.WriteNumber("null", c.Type.Null);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var data = Align(8 + buffer.WrittenCount);
        var body = new byte[data + size];
        Magic.CopyTo(body);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)buffer.WrittenCount);
        buffer.WrittenSpan.CopyTo(body.AsSpan(8));
        foreach (var (_, values, type, offset) in layout)
        {
            var column = body.AsSpan(data + offset, Total * type.Size);
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i] ?? type.Null;
                switch (type.Size)
                {
                    case 1: column[i] = (byte)v; break;
                    case 2: BinaryPrimitives.WriteUInt16LittleEndian(column[(2 * i)..], (ushort)v); break;
                    default: BinaryPrimitives.WriteInt32LittleEndian(column[(4 * i)..], v); break;
                }
            }
        }
        return body;
    }

    private static readonly (string Name, int Size, int Null)[] Types = [("uint8", 1, byte.MaxValue), ("uint16", 2, ushort.MaxValue), ("int32", 4, int.MinValue)];

    // The narrowest type whose range holds every value below its missing-value marker.
    private static (string Name, int Size, int Null) TypeOf(int?[] values)
    {
        int min = 0, max = 0;
        foreach (var v in values)
            if (v is { } x) (min, max) = (Math.Min(min, x), Math.Max(max, x));
        if (min < 0 || max >= ushort.MaxValue) return Types[2];
        return max < byte.MaxValue ? Types[0] : Types[1];
    }

    private static int Align(int offset) => (offset + 3) & ~3;

    private static int? Coordinate(double? v) => v is { } x ? (int)Math.Round(x * CoordinateScale) : null;

    private static Dictionary<string, int> Indexes(List<string> names) =>
        names.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
