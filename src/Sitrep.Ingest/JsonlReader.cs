using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>Reads a JSONL file (possibly gzip) line by line: one document per non-blank line.</summary>
internal static class JsonlReader
{
    public static IEnumerable<RawDocument> Read(string path, string name) =>
        InputReader.Streamed(path, name, stream => ReadLines(stream, path, name));

    private static IEnumerable<RawDocument> ReadLines(Stream stream, string path, string name)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var lineNo = 0;
        var yielded = 0;
        while (true)
        {
            string? line;
            string? error = null;
            try { line = reader.ReadLine(); }
            catch (InvalidDataException) { line = null; error = IngestErrors.TruncatedGzip; }
            catch (IOException e) { line = null; error = IngestErrors.Unreadable(e.Message); }
            if (error is not null)
            {
                yield return InputReader.Failure($"{name}#{lineNo + 1}", $"{path}:{lineNo + 1}", error);
                yield break;
            }
            if (line is null) break;
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yielded++;
            yield return ParseLine(line, lineNo, path, name, baseDir);
        }
        if (yielded == 0) yield return InputReader.Failure(name, path, IngestErrors.Empty);
    }

    private static RawDocument ParseLine(string line, int lineNo, string path, string name, string baseDir)
    {
        var id = $"{name}#{lineNo}";
        var where = $"{path}:{lineNo}";
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return InputReader.Failure(id, where, IngestErrors.BadJson("not an object"));
            if (Str(root, "id") is { Length: > 0 } given) id = given;
            var errors = new List<string>();
            RawDocument doc;
            if (Str(root, "text") is { } text) doc = Checked(id, where, Encoding.UTF8.GetBytes(text), ContentKind.Text);
            else if (Str(root, "html") is { } html) doc = Checked(id, where, Encoding.UTF8.GetBytes(html), ContentKind.Html);
            else if (Str(root, "path") is { } rel)
            {
                var full = Path.Combine(baseDir, rel);
                var read = InputReader.ReadWhole(full, id, InputReader.KindOf(full.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? full[..^3] : full));
                doc = read with { Path = where, Errors = [.. read.Errors.Select(e => $"{rel}: {e}")] };
            }
            else return InputReader.Failure(id, where, IngestErrors.NoContent);

            DateOnly? published = null;
            if (Str(root, "published") is { Length: > 0 } p)
            {
                if (TryParseDate(p, out var d)) published = d;
                else errors.Add(IngestErrors.BadPublished(p));
            }
            return doc with
            {
                Url = Str(root, "url"),
                Source = Str(root, "source"),
                Title = Str(root, "title"),
                Published = published,
                Errors = [.. doc.Errors, .. errors],
            };
        }
        catch (JsonException e)
        {
            return InputReader.Failure(id, where, IngestErrors.BadJson(e.Message));
        }
    }

    private static RawDocument Checked(string id, string where, byte[] bytes, ContentKind kind) =>
        InputReader.FromBytes(id, where, bytes, kind);

    private static string? Str(JsonElement root, string field) =>
        root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>YYYY-MM-DD, or an ISO date-time whose calendar date (as written) is taken.</summary>
    internal static bool TryParseDate(string s, out DateOnly date)
    {
        s = s.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (s.Length > 10 && s[10] is 'T' or ' ' &&
            DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) &&
            DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        date = default;
        return false;
    }
}
