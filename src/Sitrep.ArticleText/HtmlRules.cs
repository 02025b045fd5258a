using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Sitrep.ArticleText;

/// <summary>
/// Every heuristic of the HTML extractor in one place: tags, roles and class/id tokens of page furniture, the
/// tags that make paragraphs, and the named thresholds of the scoring cascade.
/// </summary>
public static partial class HtmlRules
{
    /// <summary>Elements that never hold article text.</summary>
    public static readonly FrozenSet<string> RemovedTags = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "iframe", "svg", "canvas", "template", "button", "select", "input", "textarea",
        "nav", "aside", "footer", "header", "object", "embed", "audio", "video", "map", "link", "meta", "dialog",
        "menu", "label", "option", "head", "title", "figcaption", "figure",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>ARIA roles of page furniture.</summary>
    public static readonly FrozenSet<string> RemovedRoles = FrozenSet.ToFrozenSet(
    [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "alert", "search", "menu",
        "menubar", "toolbar", "tablist", "button",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that end a paragraph (text inside them is a block of its own).</summary>
    public static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "figcaption", "hr", "address",
        "center", "body", "html", "form", "fieldset", "details", "summary", "caption",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements whose text scores as article content.</summary>
    public static readonly FrozenSet<string> ScoredTags = FrozenSet.ToFrozenSet(
        ["p", "pre", "td", "blockquote", "div", "section", "li", "dd"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Class/id tokens of furniture (readability's "unlikely candidates" plus share bars, ads, cookies...).</summary>
    [GeneratedRegex(@"-ad-|\bads?\b|adsense|advert|agegate|ai2html|banner|breadcrumb|combx|comment|community|consent|cookie|cover-wrap|disqus|donat|extra|footer|gdpr|header|legends|menu|modal|newsletter|outbrain|pagination|pager|gallery|slideshow|carousel|lightbox|popup|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor|subscri|supplemental|taboola|tags\b|toolbar|trending|widget|yom-remote|most-?popular|recommend|read-?more|more-?stories|byline|author-?bio|print|masthead|skip|signin|login|excerpt|teaser|caption|credit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex UnlikelyClass();

    /// <summary>Class/id tokens that rescue an element matched by <see cref="UnlikelyClass"/>.</summary>
    [GeneratedRegex(@"and|article|body|column|content|main|shadow|story|entry|post-text|text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex MaybeCandidateClass();

    /// <summary>Class/id tokens of a heading that introduces other stories: the heading's following siblings are furniture.</summary>
    [GeneratedRegex(@"related|recommend|more-?stories|also-?like|you-?may-?like|read-?next|popular", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RelatedHeadingClass();

    /// <summary>Class/id tokens that raise a container's score.</summary>
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|paragraph|prose|rich-?text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PositiveClass();

    /// <summary>Class/id tokens that lower a container's score.</summary>
    [GeneratedRegex(@"-ad-|hidden|^hid$|\bhid\b|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|credit|byline", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NegativeClass();

    /// <summary>Inline style that hides an element.</summary>
    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex HiddenStyle();

    /// <summary>A paragraph shorter than this adds nothing to its container's score.</summary>
    public const int MinScoredChars = 25;
    /// <summary>Characters of text per point of score, and the cap on length points.</summary>
    public const int CharsPerPoint = 100;
    public const int MaxLengthPoints = 3;
    /// <summary>Weight a positive or negative class/id adds to a container.</summary>
    public const int ClassWeight = 25;
    /// <summary>How many ancestors a paragraph's score flows up to.</summary>
    public const int ScoreAncestorLevels = 5;
    /// <summary>A sibling of the top container joins when its score reaches this share of the top score...</summary>
    public const double SiblingScoreShare = 0.2;
    /// <summary>...or at least this absolute score.</summary>
    public const double SiblingMinScore = 10;
    /// <summary>A sibling paragraph joins when it is this long and its link density is below the next limit.</summary>
    public const int SiblingParagraphMinChars = 80;
    public const double SiblingParagraphMaxLinkDensity = 0.25;
    /// <summary>Output paragraphs with more linked text than this share are navigation.</summary>
    public const double MaxLinkDensity = 0.5;
    /// <summary>Short list items with more linked text than this share are link lists.</summary>
    public const double MaxListItemLinkDensity = 0.3;
    /// <summary>List items shorter than this are judged by the stricter list link density.</summary>
    public const int ShortListItemChars = 100;
    /// <summary>Candidates scoring this share of the winner are its rivals...</summary>
    public const double RivalScoreShare = 0.75;
    /// <summary>...and when this many of them share an ancestor with it, that ancestor wins instead.</summary>
    public const int MinRivalsToPromote = 3;
    /// <summary>Short paragraphs are checked against the plain-text furniture patterns.</summary>
    public const int FurnitureCheckMaxChars = 120;
    /// <summary>Paragraphs up to this long are checked for a caption credit or an author's sign-off at their end.</summary>
    public const int CaptionCheckMaxChars = 400;
    /// <summary>A result shorter than this sends the cascade to its next, more lenient pass.</summary>
    public const int MinArticleChars = 250;
    /// <summary>A form with less text than this is a search box or sign-up form, not a page-wide wrapper.</summary>
    public const int MaxRemovedFormChars = 1000;
    /// <summary>In the fallback pass, a paragraph needs this many characters to count.</summary>
    public const int FallbackMinParagraphChars = 40;
    /// <summary>How much of the page text (characters from its start) is searched for a "Published ..." phrase.</summary>
    public const int PublishedPhraseWindow = 20000;

    /// <summary>A text block at least this long that opens like JSON is checked for being data, not prose.</summary>
    public const int MinDataBlockChars = 80;
    /// <summary>A JSON-looking block is data when fewer than this share of its non-space characters are letters.</summary>
    public const double MaxDataLetterShare = 0.5;
    /// <summary>A block with a run of this many characters without a space is data (minified JSON, base64, hashes).</summary>
    public const int MaxWordChars = 200;

    /// <summary>
    /// True for machine data left in a page's text — a GeoJSON or JSON blob in a map widget's container, an
    /// inline base64 image, a minified payload: its coordinates and keys outscore any prose by length alone.
    /// </summary>
    public static bool IsMachineData(string text)
    {
        if (text.Length < MinDataBlockChars) return false;
        int letters = 0, nonSpace = 0, run = 0;
        foreach (var ch in text)
        {
            if (ch == ' ') { run = 0; continue; }
            nonSpace++;
            if (char.IsLetter(ch)) letters++;
            if (++run >= MaxWordChars) return true;
        }
        var first = text[0];
        return first is '{' or '[' && letters < nonSpace * MaxDataLetterShare;
    }

    // Guards: what the tree walks never see (walks from a paragraph up its ancestors are quadratic in nesting depth,
    // and the tree's memory is several times the page size). Such pages go through UnparsedHtml instead.

    /// <summary>Bytes of one page that are read at all; the rest of a larger page is cut off with a warning.</summary>
    public const int MaxPageBytes = 16 << 20;
    /// <summary>A page longer than this (characters) is not parsed into a tree.</summary>
    public const int MaxParsedChars = 4_000_000;
    /// <summary>A page whose elements nest deeper than this is not parsed into a tree (real pages stay under ~100).</summary>
    public const int MaxParsedDepth = 1000;

    /// <summary>Elements that hold no child elements (void elements): never left open by the parser.</summary>
    public static readonly FrozenSet<string> VoidTags = FrozenSet.ToFrozenSet(
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "command", "basefont", "bgsound", "frame", "image",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements whose content is never text: skipped whole by the tag stripper.</summary>
    public static readonly FrozenSet<string> SkippedContentTags = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "head", "svg", "math", "textarea", "select", "iframe", "noembed", "noframes", "xmp", "title"],
        StringComparer.OrdinalIgnoreCase);

    // The tree builder's rules (HtmlParser): which tags close which, after the WHATWG tree construction rules, cut
    // down to what changes the text and its blocks.

    /// <summary>WHATWG "special" elements: an end tag of any other element never closes one of these.</summary>
    public static readonly FrozenSet<string> SpecialTags = FrozenSet.ToFrozenSet(
    [
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu",
        "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script",
        "search", "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea",
        "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
    ], StringComparer.Ordinal);

    /// <summary>WHATWG formatting elements: their misnested end tags ("&lt;a&gt;&lt;p&gt;x&lt;/a&gt;") move the block out instead of closing it.</summary>
    public static readonly FrozenSet<string> FormattingTags = FrozenSet.ToFrozenSet(
        ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"], StringComparer.Ordinal);

    /// <summary>Elements an end tag's search for its open element never passes ("in scope" boundaries).</summary>
    public static readonly FrozenSet<string> ScopeTags = FrozenSet.ToFrozenSet(
        ["html", "body", "table", "td", "th", "caption", "marquee", "object", "applet", "template"], StringComparer.Ordinal);

    /// <summary>Start tags that close an open &lt;p&gt; ("&lt;p&gt;a&lt;div&gt;" puts the div after the paragraph).</summary>
    public static readonly FrozenSet<string> ClosesParagraphTags = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "ul", "xmp",
        "plaintext",
    ], StringComparer.Ordinal);

    /// <summary>Elements that stay in the head when they come before any body content.</summary>
    public static readonly FrozenSet<string> HeadTags = FrozenSet.ToFrozenSet(
        ["meta", "link", "title", "script", "style", "base", "basefont", "bgsound", "noscript", "noframes"], StringComparer.Ordinal);

    /// <summary>Elements whose content is raw text that the extractor never reads: skipped, no text node kept.</summary>
    public static readonly FrozenSet<string> SkippedTextTags = FrozenSet.ToFrozenSet(
        ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"], StringComparer.Ordinal);

    /// <summary>Elements whose content is text with character references but no tags.</summary>
    public static readonly FrozenSet<string> RcDataTags = FrozenSet.ToFrozenSet(["title", "textarea"], StringComparer.Ordinal);
}
