using System.Text.RegularExpressions;

namespace Sitrep.ArticleText;

/// <summary>What a page states about itself in its head and markup.</summary>
internal sealed record HtmlMetadataValues(string? Title, DateOnly? Published, string? SiteName, string? Byline, string? CanonicalUrl);

/// <summary>Reads title, publication date, site name, byline and canonical URL from meta tags, JSON-LD and markup.</summary>
internal static partial class HtmlMetadata
{
    /// <summary>Meta names and properties that carry the publication date, best first.</summary>
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dc.date", "dcterms.created",
        "dcterms.date", "date", "article.published", "original-publish-date", "citation_publication_date", "article_date_original",
    ];

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];

    /// <summary>The elements metadata is read from, found in one walk of the tree (first match of each, in document order).</summary>
    private sealed class Marks
    {
        public readonly Dictionary<string, string> Metas = new(StringComparer.OrdinalIgnoreCase);
        public HtmlElement? H1, Canonical, RelAuthor, ItempropAuthor, BylineClass, AuthorClass;
        public readonly List<HtmlElement> DatePublished = [];
        public readonly List<HtmlElement> Times = [];
    }

    /// <summary>Reads the metadata of a parsed page.</summary>
    public static HtmlMetadataValues Read(HtmlDocument doc)
    {
        var marks = Walk(doc);
        var metas = marks.Metas;
        var site = Get(metas, "og:site_name") ?? Get(metas, "application-name");
        return new HtmlMetadataValues(Title(doc, marks, site), Published(marks, doc.JsonLd), site, Byline(marks), Canonical(marks));
    }

    private static Marks Walk(HtmlDocument doc)
    {
        var m = new Marks();
        if (doc.DocumentElement is not { } top) return m;
        var stack = new Stack<HtmlElement>();
        stack.Push(top);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            for (var c = e.LastElementChild; c is not null; c = c.PreviousElementSibling) stack.Push(c);
            switch (e.Name)
            {
                case "meta":
                    var key = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop");
                    var content = e.GetAttribute("content");
                    if (key is not null && !string.IsNullOrWhiteSpace(content)) m.Metas.TryAdd(key.Trim(), content.Trim());
                    break;
                case "h1": m.H1 ??= e; break;
                case "link": if (m.Canonical is null && e.GetAttribute("rel") == "canonical") m.Canonical = e; break;
                case "time": if (e.HasAttribute("datetime")) m.Times.Add(e); break;
            }
            // One pass over the attributes (no per-name lookups, no class-list objects).
            foreach (var a in e.Attributes)
            {
                switch (a.Name)
                {
                    case "itemprop" when a.Value == "datePublished": m.DatePublished.Add(e); break;
                    case "itemprop" when a.Value == "author": m.ItempropAuthor ??= e; break;
                    case "rel" when a.Value == "author": m.RelAuthor ??= e; break;
                    case "class":
                        if (m.BylineClass is null && HasClass(a.Value, "byline")) m.BylineClass = e;
                        if (m.AuthorClass is null && HasClass(a.Value, "author")) m.AuthorClass = e;
                        break;
                }
            }
        }
        return m;
    }

    /// <summary>Whether the whitespace-separated class list holds <paramref name="name"/> (as the ".name" selector).</summary>
    private static bool HasClass(string classes, string name)
    {
        foreach (var range in classes.AsSpan().SplitAny(" \t\n\r\f"))
            if (classes.AsSpan()[range].SequenceEqual(name)) return true;
        return false;
    }

    private static string? Get(Dictionary<string, string> metas, string key) =>
        metas.TryGetValue(key, out var v) && v.Length > 0 ? System.Net.WebUtility.HtmlDecode(v) : null;

    private static string? Title(HtmlDocument doc, Marks marks, string? site)
    {
        var metas = marks.Metas;
        var t = Get(metas, "og:title") ?? Get(metas, "twitter:title") ?? Get(metas, "title");
        if (t is null)
        {
            var h1 = marks.H1?.TextContent;
            if (!string.IsNullOrWhiteSpace(h1)) t = h1;
        }
        t ??= doc.Title;
        return string.IsNullOrWhiteSpace(t) ? null : StripSiteSuffix(Collapse(t), site);
    }

    /// <summary>"Headline | Site" → "Headline": drops the site part, keeping the longest part when unsure.</summary>
    internal static string StripSiteSuffix(string title, string? site)
    {
        foreach (var sep in TitleSeparators)
        {
            var i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0) continue;
            var head = title[..i].Trim();
            var tail = title[(i + sep.Length)..].Trim();
            if (site is not null && tail.Contains(site, StringComparison.OrdinalIgnoreCase)) return head;
            if (PlainTextExtractor.CountWords(tail) <= 4 && PlainTextExtractor.CountWords(head) >= 3) return head;
        }
        return title;
    }

    private static DateOnly? Published(Marks marks, IReadOnlyList<string> jsonLd)
    {
        foreach (var name in DateMetaNames)
            if (PageDates.ParseAny(Get(marks.Metas, name)) is { } d) return d;
        foreach (var json in jsonLd)
        {
            var m = JsonLdDate().Match(json);
            if (m.Success && PageDates.ParseAny(m.Groups["v"].Value) is { } d) return d;
        }
        foreach (var e in marks.DatePublished)
            if (PageDates.ParseAny(e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent) is { } d) return d;
        foreach (var e in marks.Times)
            if (PageDates.ParseAny(e.GetAttribute("datetime")) is { } d) return d;
        return null;
    }

    private static string? Byline(Marks marks)
    {
        var metas = marks.Metas;
        var a = Get(metas, "author") ?? Get(metas, "article:author") ?? Get(metas, "byl") ?? Get(metas, "sailthru.author");
        if (a is not null && !a.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return Collapse(a);
        foreach (var e in (ReadOnlySpan<HtmlElement?>)[marks.RelAuthor, marks.ItempropAuthor, marks.BylineClass, marks.AuthorClass])
        {
            var text = e?.TextContent;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var c = Collapse(text);
            if (c.Length <= 100) return c.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? c[3..].Trim() : c;
        }
        return null;
    }

    private static string? Canonical(Marks marks)
    {
        var href = marks.Canonical?.GetAttribute("href");
        return string.IsNullOrWhiteSpace(href) ? Get(marks.Metas, "og:url") : href.Trim();
    }

    internal static string Collapse(string s) => WhiteSpace().Replace(s, " ").Trim();

    [GeneratedRegex(@"""datePublished""\s*:\s*""(?<v>[^""]{6,40})""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonLdDate();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
