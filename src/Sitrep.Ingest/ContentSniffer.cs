using System.Text;

namespace Sitrep.Ingest;

/// <summary>Cheap checks on raw bytes: gzip magic, HTML look, binary content.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes are looked at.</summary>
    private const int SniffWindow = 4096;
    /// <summary>Share of control characters above which bytes that are not valid UTF-8 count as binary.</summary>
    private const double MaxControlShare = 0.05;

    private static readonly string[] HtmlMarkers = ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<article"];

    /// <summary>True when the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>True when the bytes look like an HTML page (a tag near the start).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> content)
    {
        var window = content[..Math.Min(content.Length, SniffWindow)];
        var i = 0;
        if (window.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) i = 3;
        while (i < window.Length && window[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i >= window.Length || window[i] != (byte)'<') return false;
        var text = Encoding.ASCII.GetString(window[i..]).ToLowerInvariant();
        foreach (var m in HtmlMarkers)
            if (text.Contains(m, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Null when the bytes can be read as text, otherwise the reason they cannot.</summary>
    public static string? TextProblem(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf((byte)0) >= 0) return IngestErrors.Binary;
        if (System.Text.Unicode.Utf8.IsValid(content)) return null;
        // Not UTF-8: legacy single-byte text is fine, noise full of control bytes is not.
        var control = 0;
        foreach (var b in content)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0c)) control++;
        return control > content.Length * MaxControlShare ? IngestErrors.NotText : null;
    }

    /// <summary>True when the content is only whitespace (or nothing).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)) return false;
        return true;
    }
}
