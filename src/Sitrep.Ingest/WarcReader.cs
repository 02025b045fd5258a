using System.Globalization;
using System.Text;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// Streams a WARC file (plain or gzip, per-record members included) record by record and yields the HTML of
/// response records with their HTTP headers stripped. Only one record body is in memory at a time.
/// </summary>
internal static class WarcReader
{
    /// <summary>Longest header line accepted before the record is called malformed.</summary>
    private const int MaxHeaderLine = 1 << 16;
    /// <summary>Largest response body read; bigger ones are reported, not loaded.</summary>
    private const long MaxBody = 64L << 20;

    public static IEnumerable<RawDocument> Read(string path, string name) =>
        InputReader.Streamed(path, name, stream => ReadRecords(stream, path, name));

    /// <summary>Reads the records of a WARC from <paramref name="stream"/> (disposed at the end).</summary>
    internal static IEnumerable<RawDocument> ReadRecords(Stream stream, string path, string name)
    {
        using var reader = new ByteReader(stream);
        var record = 0;
        var yielded = 0;
        while (true)
        {
            record++;
            var id = $"{name}#{record}";
            var where = $"{path}#{record}";
            RawDocument? doc = null;
            string? error = null;
            var end = false;
            try
            {
                end = !ReadRecord(reader, id, where, out doc, out error);
            }
            catch (InvalidDataException) { error = IngestErrors.TruncatedGzip; }
            catch (IOException e) { error = IngestErrors.Unreadable(e.Message); }
            if (error is not null)
            {
                yield return InputReader.Failure(id, where, error);
                yield break;
            }
            if (end) break;
            if (doc is not null) { yielded++; yield return doc; }
        }
        if (yielded == 0 && record == 1) yield return InputReader.Failure(name, path, IngestErrors.Empty);
    }

    /// <summary>Reads one record; false at a clean end of file. doc is null for records that are not pages.</summary>
    private static bool ReadRecord(ByteReader reader, string id, string where, out RawDocument? doc, out string? error)
    {
        doc = null;
        error = null;
        string? line;
        do { line = reader.ReadLine(MaxHeaderLine); } while (line is { Length: 0 });
        if (line is null) return false;
        if (!line.StartsWith("WARC/", StringComparison.Ordinal)) { error = IngestErrors.BadWarc; return true; }
        string? type = null, uri = null;
        long length = -1;
        while ((line = reader.ReadLine(MaxHeaderLine)) is { Length: > 0 })
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line.AsSpan(0, colon).Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.Equals("WARC-Type", StringComparison.OrdinalIgnoreCase)) type = value;
            else if (key.Equals("WARC-Target-URI", StringComparison.OrdinalIgnoreCase)) uri = value.Trim('<', '>');
            else if (key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) &&
                     long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) length = n;
        }
        if (line is null) { error = IngestErrors.TruncatedWarc; return true; }
        if (length < 0) { error = IngestErrors.BadWarc; return true; }
        if (!string.Equals(type, "response", StringComparison.OrdinalIgnoreCase) || length > MaxBody)
        {
            if (reader.Skip(length) < length) error = IngestErrors.TruncatedWarc;
            return true;
        }
        var body = new byte[length];
        if (reader.Read(body) < length) { error = IngestErrors.TruncatedWarc; return true; }
        var (content, isPage) = StripHttp(body);
        if (!isPage) return true;
        doc = InputReader.FromBytes(id, where, content, ContentKind.Html) with { Url = uri };
        return true;
    }

    /// <summary>Drops the HTTP status line and headers; a non-text Content-Type means the record is no page.</summary>
    private static (byte[] Content, bool IsPage) StripHttp(byte[] body)
    {
        if (!body.AsSpan().StartsWith("HTTP/"u8)) return (body, true);
        var span = body.AsSpan();
        var crlf = span.IndexOf("\r\n\r\n"u8);
        var lf = span.IndexOf("\n\n"u8);
        int start;
        if (crlf >= 0 && (lf < 0 || crlf < lf)) start = crlf + 4;
        else if (lf >= 0) start = lf + 2;
        else return ([], true);
        var headers = Encoding.ASCII.GetString(span[..start]);
        foreach (var h in headers.Split('\n'))
        {
            if (!h.StartsWith("content-type:", StringComparison.OrdinalIgnoreCase)) continue;
            var ct = h[13..].Trim().ToLowerInvariant();
            if (!ct.Contains("html", StringComparison.Ordinal) && !ct.StartsWith("text/", StringComparison.Ordinal)) return ([], false);
        }
        return (span[start..].ToArray(), true);
    }

    /// <summary>A minimal buffered byte reader: header lines and exact-length bodies.</summary>
    private sealed class ByteReader(Stream stream) : IDisposable
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _pos, _len;

        private bool Fill()
        {
            if (_pos < _len) return true;
            _len = stream.Read(_buffer, 0, _buffer.Length);
            _pos = 0;
            return _len > 0;
        }

        /// <summary>A line without its CR/LF; null at end of data.</summary>
        public string? ReadLine(int max)
        {
            var sb = new List<byte>();
            while (true)
            {
                if (!Fill()) return sb.Count == 0 ? null : Encoding.UTF8.GetString([.. sb]);
                var span = _buffer.AsSpan(_pos, _len - _pos);
                var nl = span.IndexOf((byte)'\n');
                var take = nl >= 0 ? span[..nl] : span;
                if (sb.Count + take.Length > max) throw new InvalidDataException(IngestErrors.BadWarc);
                foreach (var b in take) sb.Add(b);
                _pos += nl >= 0 ? nl + 1 : span.Length;
                if (nl >= 0)
                {
                    if (sb.Count > 0 && sb[^1] == (byte)'\r') sb.RemoveAt(sb.Count - 1);
                    return Encoding.UTF8.GetString([.. sb]);
                }
            }
        }

        /// <summary>Fills <paramref name="target"/>; returns how many bytes were read (fewer at end of data).</summary>
        public int Read(Span<byte> target)
        {
            var done = 0;
            while (done < target.Length && Fill())
            {
                var n = Math.Min(target.Length - done, _len - _pos);
                _buffer.AsSpan(_pos, n).CopyTo(target[done..]);
                _pos += n;
                done += n;
            }
            return done;
        }

        public long Skip(long count)
        {
            long done = 0;
            while (done < count && Fill())
            {
                var n = (int)Math.Min(count - done, _len - _pos);
                _pos += n;
                done += n;
            }
            return done;
        }

        public void Dispose() => stream.Dispose();
    }
}
