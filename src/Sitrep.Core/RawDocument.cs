namespace Sitrep.Core;

/// <summary>How the bytes of a raw document are to be read.</summary>
public enum ContentKind
{
    /// <summary>Plain text, one paragraph or line per line.</summary>
    Text,
    /// <summary>An HTML page.</summary>
    Html,
}

/// <summary>
/// One input document as read from a file, a JSONL line, a WARC record or stdin, before any extraction.
/// Metadata given by the input itself (JSONL fields) is carried here and wins over what the page states.
/// </summary>
/// <param name="Id">Stable identifier: the JSONL id when given, otherwise derived from the path (and line/record).</param>
/// <param name="Path">Where it came from (file path, "file.jsonl:12", "-" for stdin).</param>
/// <param name="Kind">How to read <see cref="Content"/>.</param>
/// <param name="Content">The raw bytes (HTML may declare its own charset) — empty when the input failed.</param>
public sealed record RawDocument(string Id, string Path, ContentKind Kind, byte[] Content)
{
    /// <summary>URL of the page, when known.</summary>
    public string? Url { get; init; }
    /// <summary>Outlet or site name given by the input.</summary>
    public string? Source { get; init; }
    /// <summary>Title given by the input.</summary>
    public string? Title { get; init; }
    /// <summary>Publication date given by the input (JSONL "published"); wins over the page.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Publication date to fall back on when neither input nor page states one (--published).</summary>
    public DateOnly? DefaultPublished { get; init; }
    /// <summary>Problems met while reading; when non-empty and Content is empty the document failed.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>True when reading failed and there is nothing to process.</summary>
    public bool Failed => Errors.Count > 0 && Content.Length == 0;
}
