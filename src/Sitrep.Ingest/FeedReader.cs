using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// Streams an RSS 2.0, RSS 1.0 (RDF) or Atom feed item by item: each item becomes a document with its link, title,
/// date and text (the HTML of content:encoded / content, else description / summary). Only one item is in memory
/// at a time. An item that carries no text is reported as a document with an error, not dropped.
/// </summary>
internal static class FeedReader
{
    /// <summary>Root elements of the feeds read.</summary>
    private static readonly string[] FeedRoots = ["rss", "feed", "RDF"];
    /// <summary>Item elements: RSS item, Atom entry.</summary>
    private static readonly string[] ItemNames = ["item", "entry"];
    /// <summary>Item children holding the text, best first (full content before a summary).</summary>
    private static readonly string[] TextNames = ["encoded", "content", "description", "summary"];
    /// <summary>Item children holding the publication date, best first.</summary>
    private static readonly string[] DateNames = ["pubDate", "published", "date", "issued", "updated", "modified"];

    /// <summary>How far into the bytes a feed's root element is looked for.</summary>
    private const int SniffWindow = 2048;

    /// <summary>True when the bytes start like an XML feed (an rss, feed or rdf:RDF root near the start).</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> content)
    {
        var head = Encoding.ASCII.GetString(content[..Math.Min(content.Length, SniffWindow)]);
        var i = 0;
        while (i < head.Length && (char.IsWhiteSpace(head[i]) || head[i] == '\uFEFF' || head[i] > 0x7f)) i++;
        if (i >= head.Length || head[i] != '<') return false;
        // Past the XML declaration, comments and processing instructions, the first element is the root.
        foreach (var marker in (ReadOnlySpan<string>)["<rss", "<feed", "<rdf:RDF"])
        {
            var at = head.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && head.IndexOf("<html", StringComparison.OrdinalIgnoreCase) is var h && (h < 0 || h > at)) return true;
        }
        return false;
    }

    public static IEnumerable<RawDocument> Read(string path, string name) =>
        InputReader.Streamed(path, name, stream => ReadItems(stream, path, name));

    /// <summary>Reads the items of a feed from <paramref name="stream"/> (disposed at the end).</summary>
    internal static IEnumerable<RawDocument> ReadItems(Stream stream, string path, string name)
    {
        var settings = new XmlReaderSettings
        {
            // Feeds are untrusted: no DTD processing, no external entities.
            DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, CloseInput = true,
        };
        using var reader = XmlReader.Create(stream, settings);
        var index = 0;
        var sawRoot = false;
        while (true)
        {
            XElement? item = null;
            string? error = null;
            try
            {
                if (!sawRoot)
                {
                    if (reader.MoveToContent() != XmlNodeType.Element || Array.IndexOf(FeedRoots, reader.LocalName) < 0)
                        error = IngestErrors.NotAFeed;
                    sawRoot = true;
                }
                if (error is null) item = NextItem(reader);
            }
            catch (XmlException e) { error = IngestErrors.BadFeed(e.Message); }
            catch (InvalidDataException) { error = IngestErrors.TruncatedGzip; }
            catch (IOException e) { error = IngestErrors.Unreadable(e.Message); }
            if (error is not null)
            {
                yield return InputReader.Failure(index == 0 ? name : $"{name}#{index + 1}", index == 0 ? path : $"{path}#{index + 1}", error);
                yield break;
            }
            if (item is null) break;
            index++;
            yield return ToDocument(item, $"{name}#{index}", $"{path}#{index}");
        }
        if (index == 0) yield return InputReader.Failure(name, path, IngestErrors.EmptyFeed);
    }

    /// <summary>Advances to the next item element and reads it whole; null at the end of the feed.</summary>
    private static XElement? NextItem(XmlReader reader)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && Array.IndexOf(ItemNames, reader.LocalName) >= 0)
                return (XElement)XNode.ReadFrom(reader);
            reader.Read();
        }
        return null;
    }

    private static RawDocument ToDocument(XElement item, string id, string where)
    {
        var link = Link(item);
        var text = FirstChild(item, TextNames);
        var doc = text is { Length: > 0 }
            ? InputReader.FromBytes(id, where, Encoding.UTF8.GetBytes(text), LooksLikeMarkup(text) ? ContentKind.Html : ContentKind.Text)
            : InputReader.Failure(id, where, IngestErrors.FeedItemWithoutText);
        var guid = FirstChild(item, ["guid", "id"]);
        return doc with
        {
            Id = string.IsNullOrWhiteSpace(guid) ? id : guid.Trim(),
            Url = link,
            Title = FirstChild(item, ["title"])?.Trim(),
            Published = ParseDate(FirstChild(item, DateNames)),
        };
    }

    private static string? FirstChild(XElement item, ReadOnlySpan<string> names)
    {
        foreach (var n in names)
            foreach (var c in item.Elements())
                if (c.Name.LocalName == n && !string.IsNullOrWhiteSpace(c.Value)) return c.Value;
        return null;
    }

    /// <summary>RSS: the text of &lt;link&gt;; Atom: the href of the alternate (or first) &lt;link&gt;.</summary>
    private static string? Link(XElement item)
    {
        string? first = null;
        foreach (var c in item.Elements())
        {
            if (c.Name.LocalName != "link") continue;
            var href = (string?)c.Attribute("href");
            if (href is null) return string.IsNullOrWhiteSpace(c.Value) ? null : c.Value.Trim();
            var rel = (string?)c.Attribute("rel");
            if (rel is null or "alternate") return href.Trim();
            first ??= href.Trim();
        }
        return first;
    }

    private static bool LooksLikeMarkup(string text) => text.Contains('<') && text.Contains('>');

    /// <summary>RFC 822 ("Tue, 10 Jun 2003 04:00:00 GMT", any zone name) or ISO 8601; the calendar date as written.</summary>
    internal static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.Trim();
        if (JsonlReader.TryParseDate(s, out var iso)) return iso;
        // RFC 822: [weekday,] day month year ...; the zone is ignored, the date is the one the feed wrote.
        var parts = s.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 2 < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var day)) continue;
            if (!DateTime.TryParseExact(parts[i + 1], "MMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) &&
                !DateTime.TryParseExact(parts[i + 1], "MMMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)) continue;
            if (!int.TryParse(parts[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) continue;
            if (year < 100) year += 2000;
            if (year is < 1900 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month.Month)) return null;
            return new DateOnly(year, month.Month, day);
        }
        return null;
    }
}
