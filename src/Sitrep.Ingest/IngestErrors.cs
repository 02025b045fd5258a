namespace Sitrep.Ingest;

/// <summary>The reasons an input can fail, in one place so callers and tests see the same wording.</summary>
public static class IngestErrors
{
    public const string NotFound = "no such file or directory";
    public const string Empty = "empty input";
    public const string Binary = "binary content (NUL bytes), not text";
    public const string NotText = "not readable as text (invalid encoding, control characters)";
    public const string TruncatedGzip = "truncated or corrupt gzip stream";
    public const string TruncatedWarc = "truncated WARC record";
    public const string BadWarc = "malformed WARC record header";
    public const string NoContent = "JSONL line has none of text, html or path";
    public const string NotAFeed = "XML file is not an RSS or Atom feed";
    public const string EmptyFeed = "feed has no items";
    public const string FeedItemWithoutText = "feed item has no text (only its link); fetch the page to read it";

    /// <summary>A feed that is not well-formed XML (or stops short).</summary>
    public static string BadFeed(string message) => "malformed feed: " + message;

    /// <summary>A read failure with the system's message.</summary>
    public static string Unreadable(string message) => "unreadable: " + message;

    /// <summary>A JSONL line that is not a JSON object.</summary>
    public static string BadJson(string message) => "bad JSON line: " + message;

    /// <summary>A "published" field that is neither YYYY-MM-DD nor an ISO date-time.</summary>
    public static string BadPublished(string value) => $"bad \"published\" value '{value}' (want YYYY-MM-DD)";
}
