using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Pipeline;

/// <summary>The formats <c>sitrep events</c> writes incidents in.</summary>
public enum ExportFormat { Table, Csv, Jsonl, GeoJson }

/// <summary>Writes incidents as a terminal table, ACLED-column CSV, JSONL, or a GeoJSON FeatureCollection.</summary>
public static class IncidentExport
{
    /// <summary>
    /// CSV header: ACLED's column names where ACLED has one (time_precision uses ACLED's codes 1 day, 2 week,
    /// 3 month or coarser), then Sitrep's extra columns.
    /// </summary>
    public static readonly string[] CsvColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
        "actor1", "inter1", "actor2", "inter2", "civilian_targeting", "iso", "country", "admin1", "location",
        "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
        "event_date_end", "fatalities_min", "fatalities_max", "injured_min", "injured_max", "source_count", "grade", "modality",
    ];

    /// <summary>Writes <paramref name="incidents"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    /// <param name="countryName">Maps ISO2 to a country name for the CSV "country" column (ISO2 when null).</param>
    public static void Write(TextWriter output, IEnumerable<Incident> incidents, ExportFormat format, Func<string, string?>? countryName = null)
    {
        switch (format)
        {
            case ExportFormat.Csv: WriteCsv(output, incidents, countryName); break;
            case ExportFormat.Jsonl: WriteJsonl(output, incidents); break;
            case ExportFormat.GeoJson: WriteGeoJson(output, incidents); break;
            default: WriteTable(output, incidents); break;
        }
    }

    private static void WriteJsonl(TextWriter output, IEnumerable<Incident> incidents)
    {
        var lines = new JsonLines(output);
        foreach (var i in incidents) lines.Write(w => ContractJson.WriteIncident(w, i));
    }

    private static void WriteCsv(TextWriter output, IEnumerable<Incident> incidents, Func<string, string?>? countryName)
    {
        output.Write(string.Join(',', CsvColumns));
        output.Write('\n');
        var inv = CultureInfo.InvariantCulture;
        foreach (var i in incidents)
        {
            var e = i.Event;
            var iso = e.Place?.CountryCode;
            string?[] row =
            [
                i.IncidentId, e.Date.Start?.ToString("yyyy-MM-dd", inv), e.Date.Start?.Year.ToString(inv),
                e.Date.IsResolved ? AcledTimePrecision(e.Date.Granularity).ToString(inv) : null,
                e.EventType, e.SubEventType, e.Actor1, null, e.Actor2, null,
                e.CivilianTargeting ? "Civilian targeting" : null, iso,
                iso is null ? null : countryName?.Invoke(iso) ?? iso,
                e.Place?.Admin1, e.Place?.Name,
                e.Place?.Point.Latitude.ToString("0.#####", inv), e.Place?.Point.Longitude.ToString("0.#####", inv),
                e.Place is null ? null : e.GeoPrecision.ToString(inv),
                string.Join("; ", i.Sources.Select(s => s.Source ?? s.DocumentId).Distinct()), i.GradeReason,
                (i.FatalitiesMin ?? 0).ToString(inv),
                e.Date.End?.ToString("yyyy-MM-dd", inv), i.FatalitiesMin?.ToString(inv), i.FatalitiesMax?.ToString(inv),
                i.InjuredMin?.ToString(inv), i.InjuredMax?.ToString(inv), i.SourceCount.ToString(inv),
                i.Grade.ToString().ToLowerInvariant(), e.Modality.ToContractName(),
            ];
            output.Write(string.Join(',', row.Select(CsvField)));
            output.Write('\n');
        }
    }

    /// <summary>ACLED's time_precision code: 1 day, 2 week, 3 month (and coarser).</summary>
    public static int AcledTimePrecision(DateGranularity g) => g switch
    {
        DateGranularity.Day => 1,
        DateGranularity.Week => 2,
        _ => 3,
    };

    /// <summary>Quotes a CSV field when it needs it (RFC 4180).</summary>
    public static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static void WriteGeoJson(TextWriter output, IEnumerable<Incident> incidents)
    {
        // One document, streamed feature by feature; incidents without coordinates cannot be features and are left out.
        output.Write("{\"type\":\"FeatureCollection\",\"features\":[");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var first = true;
        foreach (var i in incidents)
        {
            if (i.Event.Place is not { } place) continue;
            buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions))
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                w.WriteStartObject();
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                w.WriteStartArray();
                w.WriteNumberValue(Math.Round(place.Point.Longitude, 5));
                w.WriteNumberValue(Math.Round(place.Point.Latitude, 5));
                w.WriteEndArray();
                w.WriteEndObject();
                w.WritePropertyName("properties");
                ContractJson.WriteIncident(w, i);
                w.WriteEndObject();
            }
            if (!first) output.Write(',');
            first = false;
            output.Write('\n');
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        output.Write("\n]}\n");
    }

    private static void WriteTable(TextWriter output, IEnumerable<Incident> incidents)
    {
        string[] header = ["date", "type", "location", "cc", "actor1", "actor2", "deaths", "src", "grade", "id"];
        var rows = new List<string[]>();
        foreach (var i in incidents)
        {
            var e = i.Event;
            var deaths = i.FatalitiesMin == i.FatalitiesMax || i.FatalitiesMax is null
                ? (i.FatalitiesMin ?? 0).ToString(CultureInfo.InvariantCulture)
                : $"{i.FatalitiesMin ?? 0}-{i.FatalitiesMax}";
            rows.Add([
                e.Date.Start?.ToString("yyyy-MM-dd") ?? "?", e.SubEventType, e.Place?.Name ?? "?", e.Place?.CountryCode ?? "",
                e.Actor1 ?? "", e.Actor2 ?? "", deaths, i.SourceCount.ToString(CultureInfo.InvariantCulture),
                i.Grade.ToString().ToLowerInvariant(), i.IncidentId,
            ]);
        }
        var widths = header.Select((h, c) => Math.Min(32, rows.Select(r => r[c].Length).Append(h.Length).Max())).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells)
        {
            sb.Clear();
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = cells[c].Length > widths[c] ? cells[c][..(widths[c] - 1)] + "…" : cells[c];
                sb.Append(cell.PadRight(widths[c]));
                if (c < cells.Length - 1) sb.Append("  ");
            }
            output.Write(sb.ToString().TrimEnd());
            output.Write('\n');
        }
        Line(header);
        foreach (var r in rows) Line(r);
        output.Write($"{rows.Count} incidents\n");
    }
}
