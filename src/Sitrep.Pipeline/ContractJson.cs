using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Pipeline;

/// <summary>
/// Writes the JSON shapes of ../shared/CONTRACT.md: the <c>extract</c> line, the <c>text</c> line, events and
/// incidents. Field names and order are the contract; new fields are only ever appended.
/// </summary>
public static class ContractJson
{
    /// <summary>Writer options: compact, and non-ASCII text kept readable rather than \u-escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>One <c>sitrep extract</c> line for a document (failed documents too, with their errors).</summary>
    public static void WriteExtractLine(Utf8JsonWriter w, ProcessedDocument outcome)
    {
        var doc = outcome.Document;
        w.WriteStartObject();
        WriteHeader(w, outcome);
        w.WriteString("text", doc?.Text ?? "");
        WriteEvents(w, "events", doc, counted: true);
        w.WritePropertyName("quotes");
        w.WriteStartArray();
        foreach (var q in doc?.Quotes ?? [])
        {
            w.WriteStartObject();
            w.WriteString("speaker", q.Speaker);
            w.WriteString("text", q.Text);
            w.WriteNumber("start", q.Range.Start);
            w.WriteNumber("end", q.Range.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("entities");
        w.WriteStartArray();
        foreach (var m in doc?.Entities ?? [])
        {
            w.WriteStartObject();
            w.WriteString("text", m.Text);
            w.WriteString("type", m.Type.ToString());
            w.WriteNumber("start", m.Range.Start);
            w.WriteNumber("end", m.Range.End);
            w.WriteString("actor", m.ActorId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteErrors(w, outcome);
        // Not events (planned, threatened, denied, hypothetical), kept for the record: an extension field.
        WriteEvents(w, "other_reports", doc, counted: false);
        w.WriteEndObject();
    }

    private static void WriteEvents(Utf8JsonWriter w, string name, Document? doc, bool counted)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var e in doc?.Events ?? [])
            if (e.Modality.IsCounted() == counted) WriteEvent(w, e);
        w.WriteEndArray();
    }

    /// <summary>One <c>sitrep text</c> line: article text and metadata only.</summary>
    public static void WriteTextLine(Utf8JsonWriter w, ProcessedDocument outcome)
    {
        w.WriteStartObject();
        WriteHeader(w, outcome);
        w.WriteString("text", outcome.Document?.Text ?? "");
        WriteErrors(w, outcome);
        w.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter w, ProcessedDocument outcome)
    {
        var meta = outcome.Document?.Meta;
        w.WriteString("id", outcome.Id);
        w.WriteString("path", outcome.Path);
        w.WriteString("url", meta?.Url);
        w.WriteString("source", meta?.Source);
        w.WriteString("title", meta?.Title);
        w.WriteString("published", meta?.Published?.ToString("yyyy-MM-dd"));
    }

    private static void WriteErrors(Utf8JsonWriter w, ProcessedDocument outcome)
    {
        w.WritePropertyName("errors");
        w.WriteStartArray();
        foreach (var e in outcome.Errors) w.WriteStringValue(e);
        w.WriteEndArray();
    }

    /// <summary>An Event object of the contract.</summary>
    public static void WriteEvent(Utf8JsonWriter w, ConflictEvent e)
    {
        w.WriteStartObject();
        WriteEventFields(w, e, e.FatalitiesMin, e.FatalitiesMax, e.InjuredMin, e.InjuredMax);
        w.WriteEndObject();
    }

    /// <summary>An incident line: the merged event fields plus incident fields.</summary>
    public static void WriteIncident(Utf8JsonWriter w, Incident incident)
    {
        w.WriteStartObject();
        w.WriteString("incident_id", incident.IncidentId);
        WriteEventFields(w, incident.Event, incident.FatalitiesMin, incident.FatalitiesMax, incident.InjuredMin, incident.InjuredMax);
        w.WritePropertyName("sources");
        w.WriteStartArray();
        foreach (var s in incident.Sources)
        {
            w.WriteStartObject();
            w.WriteString("document_id", s.DocumentId);
            w.WriteString("source", s.Source);
            w.WriteString("url", s.Url);
            w.WriteString("title", s.Title);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("source_count", incident.SourceCount);
        w.WriteString("grade", incident.Grade.ToString().ToLowerInvariant());
        w.WriteString("grade_reason", incident.GradeReason);
        w.WriteEndObject();
    }

    private static void WriteEventFields(Utf8JsonWriter w, ConflictEvent e, int? fatMin, int? fatMax, int? injMin, int? injMax)
    {
        w.WriteString("event_type", e.EventType);
        w.WriteString("sub_event_type", e.SubEventType);
        w.WriteString("event_date", e.Date.Start?.ToString("yyyy-MM-dd"));
        w.WriteString("event_date_end", e.Date.End?.ToString("yyyy-MM-dd"));
        w.WriteString("time_precision", e.Date.IsResolved ? PrecisionName(e.Date.Granularity) : null);
        w.WriteString("actor1", e.Actor1);
        w.WriteString("actor2", e.Actor2);
        w.WriteString("country", e.Place?.CountryCode);
        w.WriteString("admin1", e.Place?.Admin1);
        w.WriteString("location", e.Place?.Name);
        if (e.Place is { } p)
        {
            w.WriteNumber("latitude", Math.Round(p.Point.Latitude, 5));
            w.WriteNumber("longitude", Math.Round(p.Point.Longitude, 5));
            w.WriteNumber("geo_precision", e.GeoPrecision);
        }
        else
        {
            w.WriteNull("latitude");
            w.WriteNull("longitude");
            w.WriteNull("geo_precision");
        }
        w.WriteNumber("fatalities", fatMin ?? 0);
        WriteNullableInt(w, "fatalities_min", fatMin);
        WriteNullableInt(w, "fatalities_max", fatMax);
        WriteNullableInt(w, "injured_min", injMin);
        WriteNullableInt(w, "injured_max", injMax);
        w.WriteBoolean("civilian_targeting", e.CivilianTargeting);
        w.WriteString("modality", e.Modality.ToContractName());
        WriteRanges(w, "evidence", e.Evidence);
        // Extensions: why the date is what it is, competing attributions of responsibility, and the PLOVER and
        // CAMEO equivalents of the sub-type for users who join Sitrep with GDELT/PETRARCH-coded data.
        w.WriteString("date_reason", e.Date.Reason);
        w.WriteString("plover", e.Plover);
        w.WriteString("cameo", e.Cameo);
        w.WritePropertyName("claims");
        w.WriteStartArray();
        foreach (var c in e.Claims) w.WriteStringValue(c);
        w.WriteEndArray();
    }

    /// <summary>Writes <paramref name="name"/>: [{"start", "end"}...], the contract's shape of character ranges.</summary>
    public static void WriteRanges(Utf8JsonWriter w, string name, IReadOnlyList<TextRange> ranges)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var r in ranges)
        {
            w.WriteStartObject();
            w.WriteNumber("start", r.Start);
            w.WriteNumber("end", r.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The contract's time_precision name: day, week, month or year.</summary>
    public static string PrecisionName(DateGranularity g) => g switch
    {
        DateGranularity.Day => "day",
        DateGranularity.Week => "week",
        DateGranularity.Month => "month",
        _ => "year",
    };

    private static void WriteNullableInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
