using System.Text.RegularExpressions;
using AngleSharp.Dom;

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

    public static HtmlMetadataValues Read(IDocument doc)
    {
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            var content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content)) continue;
            metas.TryAdd(key.Trim(), content.Trim());
        }
        var site = Get(metas, "og:site_name") ?? Get(metas, "application-name");
        return new HtmlMetadataValues(Title(doc, metas, site), Published(doc, metas), site, Byline(doc, metas), Canonical(doc, metas));
    }

    private static string? Get(Dictionary<string, string> metas, string key) =>
        metas.TryGetValue(key, out var v) && v.Length > 0 ? System.Net.WebUtility.HtmlDecode(v) : null;

    private static string? Title(IDocument doc, Dictionary<string, string> metas, string? site)
    {
        var t = Get(metas, "og:title") ?? Get(metas, "twitter:title") ?? Get(metas, "title");
        if (t is null)
        {
            var h1 = doc.QuerySelector("h1")?.TextContent;
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

    private static DateOnly? Published(IDocument doc, Dictionary<string, string> metas)
    {
        foreach (var name in DateMetaNames)
            if (PageDates.ParseAny(Get(metas, name)) is { } d) return d;
        foreach (var s in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var m = JsonLdDate().Match(s.TextContent);
            if (m.Success && PageDates.ParseAny(m.Groups["v"].Value) is { } d) return d;
        }
        foreach (var e in doc.QuerySelectorAll("[itemprop='datePublished']"))
            if (PageDates.ParseAny(e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent) is { } d) return d;
        foreach (var e in doc.QuerySelectorAll("time[datetime]"))
            if (PageDates.ParseAny(e.GetAttribute("datetime")) is { } d) return d;
        return null;
    }

    private static string? Byline(IDocument doc, Dictionary<string, string> metas)
    {
        var a = Get(metas, "author") ?? Get(metas, "article:author") ?? Get(metas, "byl") ?? Get(metas, "sailthru.author");
        if (a is not null && !a.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return Collapse(a);
        foreach (var sel in new[] { "[rel='author']", "[itemprop='author']", ".byline", ".author" })
        {
            var text = doc.QuerySelector(sel)?.TextContent;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var c = Collapse(text);
            if (c.Length <= 100) return c.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? c[3..].Trim() : c;
        }
        return null;
    }

    private static string? Canonical(IDocument doc, Dictionary<string, string> metas)
    {
        var href = doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        return string.IsNullOrWhiteSpace(href) ? Get(metas, "og:url") : href.Trim();
    }

    internal static string Collapse(string s) => WhiteSpace().Replace(s, " ").Trim();

    [GeneratedRegex(@"""datePublished""\s*:\s*""(?<v>[^""]{6,40})""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonLdDate();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
