using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// The API's JSON bodies. Incidents, events and documents are written by <see cref="ContractJson"/>, so the API
/// speaks exactly the shapes of CONTRACT.md; the map's compact columns and the wrappers are written here.
/// </summary>
public static class ApiJson
{
    /// <summary>Writes a JSON body built by <paramref name="write"/> with <paramref name="status"/>.</summary>
    public static async Task Send(HttpContext context, Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions)) write(w);
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType;
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The UTF-8 JSON <paramref name="write"/> writes, as one array (<paramref name="capacity"/>: the size expected).</summary>
    public static byte[] Bytes(Action<Utf8JsonWriter> write, int capacity = 4096)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions)) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The Content-Type of every JSON answer.</summary>
    public const string MediaType = "application/json; charset=utf-8";

    /// <summary>Writes a body already serialized (JSON unless <paramref name="contentType"/> says otherwise), with status 200.</summary>
    public static async Task SendBytes(HttpContext context, byte[] body, string contentType = MediaType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes <c>{"error": message}</c> with <paramref name="status"/>.</summary>
    public static Task Error(HttpContext context, int status, string message) => Send(context, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    }, status);

    /// <summary>A page of incidents: <c>{"total", "page", "size", "items": [incident...]}</c>.</summary>
    public static void IncidentPage(Utf8JsonWriter w, int total, int page, int size, IReadOnlyList<Incident> items)
    {
        w.WriteStartObject();
        w.WriteNumber("total", total);
        w.WriteNumber("page", page);
        w.WriteNumber("size", size);
        w.WritePropertyName("items");
        w.WriteStartArray();
        foreach (var i in items) ContractJson.WriteIncident(w, i);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A page of incidents whose contract JSON is written already (<see cref="IncidentBodies"/>).</summary>
    public static byte[] IncidentPage(int total, int page, int size, IReadOnlyList<byte[]> items) => Bytes(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("total", total);
        w.WriteNumber("page", page);
        w.WriteNumber("size", size);
        w.WritePropertyName("items");
        w.WriteStartArray();
        // Written by ContractJson with the same options moments ago: valid JSON, so not parsed again.
        foreach (var i in items) w.WriteRawValue(i, skipInputValidation: true);
        w.WriteEndArray();
        w.WriteEndObject();
    }, PageCapacity(items));

    // The bodies, their commas and the wrapper: the buffer is not grown (and copied) body by body.
    private static int PageCapacity(IReadOnlyList<byte[]> items)
    {
        var size = 128;
        foreach (var i in items) size += i.Length + 1;
        return size;
    }

    /// <summary>
    /// One incident (its contract JSON, <paramref name="incidentJson"/>) with <c>"documents"</c> appended: for each
    /// source, the document's text and where the incident is reported in it. A source whose document is no longer
    /// stored is listed with <c>"missing": true</c>.
    /// </summary>
    public static byte[] IncidentDetail(byte[] incidentJson, Incident incident, IReadOnlyList<(IncidentSource Source, Document? Document)> documents)
    {
        if (incidentJson.Length < 3 || incidentJson[0] != (byte)'{' || incidentJson[^1] != (byte)'}')
            throw new ArgumentException("not the JSON object of an incident", nameof(incidentJson));
        // The incident object reopened: everything but its closing brace, then one more property.
        var buffer = new ArrayBufferWriter<byte>(incidentJson.Length + 4096);
        buffer.Write(incidentJson.AsSpan(0, incidentJson.Length - 1));
        buffer.Write(",\"documents\":"u8);
        using (var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions))
        {
            w.WriteStartArray();
            foreach (var (source, doc) in documents)
            {
                w.WriteStartObject();
                w.WriteString("document_id", source.DocumentId);
                w.WriteString("source", doc?.Meta.Source ?? source.Source);
                w.WriteString("url", doc?.Meta.Url ?? source.Url);
                w.WriteString("title", doc?.Meta.Title ?? source.Title);
                w.WriteString("published", doc?.Meta.Published?.ToString("yyyy-MM-dd"));
                if (doc is null)
                {
                    w.WriteBoolean("missing", true);
                    w.WriteEndObject();
                    continue;
                }
                w.WriteString("text", doc.Text);
                var (evidence, sentences) = IncidentEvidence.In(incident, doc);
                ContractJson.WriteRanges(w, "evidence", evidence);
                ContractJson.WriteRanges(w, "sentences", sentences);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        buffer.Write("}"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A stored document in the shape of a <c>sitrep extract</c> line (text, metadata, entities, events).</summary>
    public static void Document(Utf8JsonWriter w, Document document) =>
        ContractJson.WriteExtractLine(w, new ProcessedDocument(document.Meta.Id, document.Meta.Path, DocumentStatus.Processed, document, document.Errors));

    /// <summary><c>{"items": [{"actor", "incidents"}...]}</c>.</summary>
    public static void Actors(Utf8JsonWriter w, IReadOnlyList<ActorCount> actors)
    {
        w.WriteStartObject();
        w.WritePropertyName("items");
        w.WriteStartArray();
        foreach (var a in actors)
        {
            w.WriteStartObject();
            w.WriteString("actor", a.Actor);
            w.WriteNumber("incidents", a.Incidents);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Every matching incident as parallel columns (one array per field) of small integers with their string tables,
    /// as <see cref="PointColumns"/> describes (null where a value is missing). Ids are left out (they were a third of
    /// the bytes): <c>/api/points/ids</c> gives them by position.
    /// </summary>
    public static void Points(Utf8JsonWriter w, PointColumns columns)
    {
        w.WriteStartObject();
        columns.WriteTables(w);
        foreach (var (name, values) in columns.Columns)
        {
            w.WritePropertyName(name);
            w.WriteStartArray();
            foreach (var v in values)
                if (v is { } x) w.WriteNumberValue(x);
                else w.WriteNullValue();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary><c>{"total", "offset", "ids": [...]}</c>: the ids of the points at positions offset.. of the same query.</summary>
    public static void PointIds(Utf8JsonWriter w, IReadOnlyList<string> ids, int offset, int limit)
    {
        w.WriteStartObject();
        w.WriteNumber("total", ids.Count);
        w.WriteNumber("offset", offset);
        w.WritePropertyName("ids");
        w.WriteStartArray();
        for (var i = offset; i < ids.Count && i - offset < limit; i++) w.WriteStringValue(ids[i]);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>{"items": [{"country", "name", "incidents"}...]}</c>, most incidents first.</summary>
    public static void Countries(Utf8JsonWriter w, IEnumerable<(string Country, string? Name, int Incidents)> countries)
    {
        w.WriteStartObject();
        w.WritePropertyName("items");
        w.WriteStartArray();
        foreach (var (country, name, n) in countries)
        {
            w.WriteStartObject();
            w.WriteString("country", country);
            w.WriteString("name", name);
            w.WriteNumber("incidents", n);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
