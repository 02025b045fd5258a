using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// Turns command-line inputs (files, directories, "-") into raw documents, lazily and in input order. Every input is
/// accounted for: one that cannot be read yields a document with empty content and an error naming the reason.
/// </summary>
public sealed class InputReader
{
    /// <summary>Extensions a file is read by; anything else in a directory is skipped.</summary>
    private static readonly string[] KnownExtensions = [".txt", ".html", ".htm", ".jsonl", ".warc", ".rss", ".atom", ".xml"];

    /// <summary>Reads every input in order; directories recursively in ordinal path order.</summary>
    public IEnumerable<RawDocument> Read(IReadOnlyList<string> inputs, InputOptions options)
    {
        var ids = new IdRegistry();
        foreach (var input in inputs)
        {
            IEnumerable<RawDocument> docs;
            if (input == "-") docs = ReadStdin(options);
            else if (Directory.Exists(input)) docs = ReadDirectory(input, options);
            else docs = ReadFile(input, options);
            foreach (var d in docs)
                yield return d with { Id = ids.Unique(d.Id), DefaultPublished = options.DefaultPublished };
        }
    }

    private static IEnumerable<RawDocument> ReadDirectory(string dir, InputOptions options)
    {
        string[] files;
        string? error = null;
        try
        {
            files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files = [];
            error = IngestErrors.Unreadable(e.Message);
        }
        if (error is not null) yield return Failure(NameOf(dir), dir, error);
        foreach (var f in files)
        {
            if (!IsKnown(f)) continue;
            // A folder may hold XML that is not news (configs, sitemaps): only feeds are read from it.
            if (StripGz(f).EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !StartsLikeFeed(f)) continue;
            foreach (var d in ReadFile(f, options)) yield return d;
        }
    }

    private static bool StartsLikeFeed(string path)
    {
        try
        {
            using var s = GzipInput.Open(path, out _);
            var head = new byte[2048];
            var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return FeedReader.LooksLikeFeed(head.AsSpan(0, n));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return true; // let the reader report the problem
        }
    }

    /// <summary>True when the file name ends with a readable extension, optionally followed by .gz.</summary>
    public static bool IsKnown(string path)
    {
        var p = StripGz(path);
        foreach (var ext in KnownExtensions)
            if (p.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static IEnumerable<RawDocument> ReadFile(string path, InputOptions options)
    {
        if (!File.Exists(path)) return [Failure(NameOf(path), path, IngestErrors.NotFound)];
        var inner = StripGz(path);
        if (inner.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) return JsonlReader.Read(path, NameOf(path));
        if (inner.EndsWith(".warc", StringComparison.OrdinalIgnoreCase)) return WarcReader.Read(path, NameOf(path));
        if (inner.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || inner.EndsWith(".atom", StringComparison.OrdinalIgnoreCase) ||
            inner.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) return FeedReader.Read(path, NameOf(path));
        var kind = KindOf(inner);
        var doc = ReadWhole(path, NameOf(path), kind);
        // A feed saved under another name is still a feed (detected by its root element), unless it says it is HTML.
        if (kind != ContentKind.Html && !doc.Failed && FeedReader.LooksLikeFeed(doc.Content))
            return FeedReader.ReadItems(new MemoryStream(doc.Content), path, NameOf(path));
        return [doc];
    }

    /// <summary>Opens a many-document file and hands the stream to its reader; a file that will not open is one error document.</summary>
    internal static IEnumerable<RawDocument> Streamed(string path, string name, Func<Stream, IEnumerable<RawDocument>> read)
    {
        Stream stream;
        try { stream = GzipInput.Open(path, out _); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Failure(name, path, Unreadable(e))];
        }
        return read(stream);
    }

    private static string Unreadable(Exception e) =>
        e is FileNotFoundException or DirectoryNotFoundException ? IngestErrors.NotFound : IngestErrors.Unreadable(e.Message);

    /// <summary>Reads a single-document file (text or HTML, possibly gzip); Kind null means sniff.</summary>
    internal static RawDocument ReadWhole(string path, string id, ContentKind? kind)
    {
        byte[] bytes;
        try
        {
            using var s = GzipInput.Open(path, out _);
            bytes = ReadAll(s);
        }
        catch (FileNotFoundException) { return Failure(id, path, IngestErrors.NotFound); }
        catch (DirectoryNotFoundException) { return Failure(id, path, IngestErrors.NotFound); }
        catch (InvalidDataException) { return Failure(id, path, IngestErrors.TruncatedGzip); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Failure(id, path, IngestErrors.Unreadable(e.Message)); }
        return FromBytes(id, path, bytes, kind);
    }

    /// <summary>Checks bytes for emptiness and (for text) binary content and wraps them in a document.</summary>
    internal static RawDocument FromBytes(string id, string path, byte[] bytes, ContentKind? kind)
    {
        if (ContentSniffer.IsBlank(bytes)) return Failure(id, path, IngestErrors.Empty);
        var k = kind ?? (ContentSniffer.LooksLikeHtml(bytes) ? ContentKind.Html : ContentKind.Text);
        if (k == ContentKind.Text && ContentSniffer.TextProblem(bytes) is { } problem) return Failure(id, path, problem);
        if (k == ContentKind.Html && bytes.AsSpan().IndexOf((byte)0) >= 0 && ContentSniffer.TextProblem(bytes) is { } p2)
            return Failure(id, path, p2);
        return new RawDocument(id, path, k, bytes);
    }

    private static IEnumerable<RawDocument> ReadStdin(InputOptions options)
    {
        var doc = ReadStdinWhole(options);
        return !doc.Failed && FeedReader.LooksLikeFeed(doc.Content) ? FeedReader.ReadItems(new MemoryStream(doc.Content), "-", "stdin") : [doc];
    }

    private static RawDocument ReadStdinWhole(InputOptions options)
    {
        byte[] bytes;
        try
        {
            using var s = options.OpenStdin?.Invoke() ?? Console.OpenStandardInput();
            bytes = ReadAll(s);
            if (ContentSniffer.IsGzip(bytes))
            {
                using var gz = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                bytes = ReadAll(gz);
            }
        }
        catch (InvalidDataException) { return Failure("stdin", "-", IngestErrors.TruncatedGzip); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Failure("stdin", "-", IngestErrors.Unreadable(e.Message)); }
        return FromBytes("stdin", "-", bytes, null);
    }

    internal static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    internal static ContentKind? KindOf(string pathWithoutGz)
    {
        if (pathWithoutGz.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ||
            pathWithoutGz.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)) return ContentKind.Html;
        if (pathWithoutGz.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return ContentKind.Text;
        return null;
    }

    internal static RawDocument Failure(string id, string path, string reason) =>
        new(id, path, ContentKind.Text, []) { Errors = [reason] };

    private static string StripGz(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    /// <summary>The file name without its known extensions ("a.html.gz" → "a").</summary>
    public static string NameOf(string path)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        name = StripGz(name);
        foreach (var ext in KnownExtensions)
            if (name.Length > ext.Length && name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                return name[..^ext.Length];
        return name.Length == 0 ? path : name;
    }

    /// <summary>Keeps ids unique within one run: a repeated id gets "~2", "~3"... in input order (stable).</summary>
    private sealed class IdRegistry
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public string Unique(string id)
        {
            if (_seen.Add(id)) return id;
            for (var n = 2; ; n++)
            {
                var candidate = id + "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (_seen.Add(candidate)) return candidate;
            }
        }
    }
}
