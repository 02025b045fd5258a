using System.Runtime.InteropServices;
using System.Text;
using Sitrep.Core;

namespace Sitrep.ArticleText;

/// <summary>
/// Extracts the article from an HTML page: a cascade of passes (strict furniture removal with readability-style
/// container scoring; then lenient removal; then every dense paragraph) that stops at the first pass giving at
/// least <see cref="HtmlRules.MinArticleChars"/> characters. Metadata comes from meta tags, JSON-LD and markup.
/// </summary>
public static class HtmlExtractor
{
    /// <summary>Builds the tree the extractor works on, stopping past <see cref="HtmlRules.MaxParsedDepth"/> (exposed so benchmarks can time the parse on its own).</summary>
    public static HtmlDocument Parse(ReadOnlySpan<char> html) => HtmlParser.Parse(html, HtmlRules.MaxParsedDepth);

    /// <summary>Extracts text and metadata from decoded HTML.</summary>
    public static Article Extract(string html) => Extract(html.AsSpan());

    /// <summary>Extracts text and metadata from decoded HTML.</summary>
    public static Article Extract(ReadOnlySpan<char> html)
    {
        // The guards: a page too long or too deep for the tree walks is read by the line judge from its stripped text.
        if (html.Length > HtmlRules.MaxParsedChars) return Unparsed(html, ArticleWarnings.TooLongToParse(html.Length));
        var doc = Parse(html);
        if (doc.TooDeep) return Unparsed(html, ArticleWarnings.TooDeepToParse(doc.MaxDepth));
        return FromTree(doc);
    }

    /// <summary>The extraction proper, on a parsed page (split from <see cref="Extract(ReadOnlySpan{char})"/> so the phases can be timed).</summary>
    internal static Article FromTree(HtmlDocument doc)
    {
        var meta = HtmlMetadata.Read(doc);
        var root = doc.Body ?? doc.DocumentElement;
        // One tree serves every pass: furniture is marked, not removed, and each pass walks around what it excludes.
        var furniture = HtmlFurniture.Mark(root);
        var all = HtmlParagraphs.Collect(root, furniture, strict: true);
        var paragraphs = Select(all, furniture, strict: true, meta.Title);
        if (Length(paragraphs) < HtmlRules.MinArticleChars)
        {
            var lenientAll = HtmlParagraphs.Collect(root, furniture, strict: false);
            var lenient = Select(lenientAll, furniture, strict: false, meta.Title);
            if (Length(lenient) > Length(paragraphs)) paragraphs = lenient;
            if (Length(paragraphs) < HtmlRules.MinArticleChars)
            {
                var fallback = Output(lenientAll, null, meta.Title, HtmlRules.FallbackMinParagraphChars);
                if (Length(fallback) > Length(paragraphs)) paragraphs = fallback;
            }
        }

        var (text, segments) = Assemble(paragraphs);
        // "Published 10 Aug 2018" in the page text, when no markup states the date.
        var published = meta.Published ?? PageDates.FindPublishedPhrase(Head(all, HtmlRules.PublishedPhraseWindow));
        return new Article
        {
            Text = text,
            Title = meta.Title,
            Published = published,
            SiteName = meta.SiteName,
            Byline = meta.Byline,
            CanonicalUrl = meta.CanonicalUrl,
            Segments = segments,
            Warnings = text.Length == 0 ? [ArticleWarnings.NoText] : [],
        };
    }

    /// <summary>The first <paramref name="max"/> characters of the page text, one paragraph per line.</summary>
    private static string Head(List<HtmlParagraph> paragraphs, int max)
    {
        var sb = new StringBuilder();
        foreach (var p in paragraphs)
        {
            if (sb.Length >= max) break;
            sb.Append(p.Text).Append('\n');
        }
        return sb.Length > max ? sb.ToString(0, max) : sb.ToString();
    }

    private static Article Unparsed(ReadOnlySpan<char> html, string warning)
    {
        var article = PlainTextExtractor.Extract(UnparsedHtml.Lines(html));
        return article with { Warnings = [warning, .. article.Warnings] };
    }

    private static int Length(List<OutputParagraph> paragraphs)
    {
        var n = 0;
        foreach (var p in paragraphs) n += p.Text.Length;
        return n;
    }

    /// <summary>An output paragraph and the &lt;article&gt; element it sits in (null when none).</summary>
    private readonly record struct OutputParagraph(string Text, HtmlElement? Article);

    /// <summary>
    /// Joins paragraphs with "\n"; where the page moves from one &lt;article&gt; element to another, a new segment
    /// starts ("\n\n"): several articles on one page stay apart.
    /// </summary>
    private static (string Text, IReadOnlyList<TextRange> Segments) Assemble(List<OutputParagraph> paragraphs)
    {
        var sb = new StringBuilder();
        var segments = new List<TextRange>();
        var start = 0;
        HtmlElement? article = null;
        foreach (var p in paragraphs)
        {
            if (sb.Length > 0)
            {
                if (p.Article is not null && article is not null && !ReferenceEquals(p.Article, article))
                {
                    segments.Add(new TextRange(start, sb.Length));
                    sb.Append("\n\n");
                    start = sb.Length;
                }
                else sb.Append('\n');
            }
            sb.Append(p.Text);
            article = p.Article ?? article;
        }
        if (sb.Length > start) segments.Add(new TextRange(start, sb.Length));
        return (sb.ToString(), segments);
    }

    /// <summary>The outermost &lt;article&gt; holding <paramref name="e"/>: a card nested in a story does not split it.</summary>
    private static HtmlElement? ArticleOf(HtmlElement e)
    {
        HtmlElement? outer = null;
        for (HtmlElement? a = e; a is not null; a = a.ParentElement)
            if (a.Name == "article") outer = a;
        return outer;
    }

    private static List<OutputParagraph> Select(List<HtmlParagraph> paragraphs, HtmlFurniture furniture, bool strict, string? title)
    {
        var selected = SelectContainers(paragraphs, e => !furniture.IsRemoved(e, strict));
        return selected.Count == 0 ? [] : Output(paragraphs, selected, title, 0);
    }

    internal static string ClassAndId(HtmlElement e)
    {
        var c = e.GetAttribute("class");
        var id = e.Id;
        if (string.IsNullOrEmpty(c)) return id ?? "";
        return string.IsNullOrEmpty(id) ? c : c + " " + id;
    }

    /// <summary>Readability-style scoring: paragraphs feed their ancestors; the best container and its fitting siblings win.</summary>
    private static HashSet<HtmlElement> SelectContainers(List<HtmlParagraph> paragraphs, Func<HtmlElement, bool> kept)
    {
        var scores = new Dictionary<HtmlElement, double>(ReferenceEqualityComparer.Instance);
        var textLen = new Dictionary<HtmlElement, (int Text, int Links)>(ReferenceEqualityComparer.Instance);
        foreach (var p in paragraphs)
        {
            // Text and link totals for every ancestor, for link density (one hash lookup per ancestor).
            for (HtmlElement? a = p.Block; a is not null; a = a.ParentElement)
            {
                ref var t = ref CollectionsMarshal.GetValueRefOrAddDefault(textLen, a, out _);
                t = (t.Text + p.Text.Length, t.Links + p.LinkChars);
            }
            if (p.Text.Length < HtmlRules.MinScoredChars || !HtmlRules.ScoredTags.Contains(p.Block.Name)) continue;
            var points = 1.0 + CountCommas(p.Text) + Math.Min(p.Text.Length / HtmlRules.CharsPerPoint, HtmlRules.MaxLengthPoints);
            var level = 0;
            for (var a = p.Block.ParentElement; a is not null && level < HtmlRules.ScoreAncestorLevels; a = a.ParentElement, level++)
            {
                if (!scores.TryGetValue(a, out var s)) s = InitialScore(a);
                var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores[a] = s + points / divider;
            }
        }
        HtmlElement? top = null;
        var topScore = double.MinValue;
        var final = new Dictionary<HtmlElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var (e, s) in scores)
        {
            var f = s * (1 - LinkDensity(textLen, e));
            final[e] = f;
            if (f > topScore) { topScore = f; top = e; }
        }
        var selected = new HashSet<HtmlElement>(ReferenceEqualityComparer.Instance);
        if (top is null) return selected;
        top = Promote(top, topScore, final, kept);
        topScore = final.GetValueOrDefault(top, topScore);
        selected.Add(top);
        var parent = top.ParentElement;
        if (parent is null) return selected;
        var threshold = Math.Max(HtmlRules.SiblingMinScore, topScore * HtmlRules.SiblingScoreShare);
        var topClass = top.GetAttribute("class");
        Dictionary<HtmlElement, string>? lastText = null;
        foreach (var sibling in parent.Children)
        {
            if (ReferenceEquals(sibling, top)) continue;
            var bonus = !string.IsNullOrEmpty(topClass) && sibling.GetAttribute("class") == topClass ? topScore * HtmlRules.SiblingScoreShare : 0;
            if (final.TryGetValue(sibling, out var s) && s + bonus >= threshold) { selected.Add(sibling); continue; }
            if (sibling.Name != "p" || !textLen.TryGetValue(sibling, out var t)) continue;
            var density = LinkDensity(textLen, sibling);
            if ((t.Text > HtmlRules.SiblingParagraphMinChars && density < HtmlRules.SiblingParagraphMaxLinkDensity) ||
                (t.Text > 0 && density == 0 && PlainTextExtractor.EndsSentence((lastText ??= LastTextPerChild(paragraphs, parent))[sibling])))
                selected.Add(sibling);
        }
        return selected;
    }

    /// <summary>
    /// Moves the winner up when the content is spread over sibling blocks: to an ancestor shared by several
    /// near-winners, then past wrappers that hold nothing else, then to a parent that scores higher.
    /// </summary>
    private static HtmlElement Promote(HtmlElement top, double topScore, Dictionary<HtmlElement, double> final, Func<HtmlElement, bool> kept)
    {
        var rivals = new List<HtmlElement>();
        foreach (var (e, s) in final)
            if (!ReferenceEquals(e, top) && s >= topScore * HtmlRules.RivalScoreShare) rivals.Add(e);
        if (rivals.Count >= HtmlRules.MinRivalsToPromote)
        {
            for (var a = top.ParentElement; a is not null && a.Name != "body"; a = a.ParentElement)
            {
                var shared = 0;
                foreach (var r in rivals)
                    if (a.Contains(r)) shared++;
                if (shared >= HtmlRules.MinRivalsToPromote) { top = a; break; }
            }
        }
        while (top.ParentElement is { } p && p.Name != "body" && IsOnlyKeptChild(p, top, kept)) top = p;
        var last = final.GetValueOrDefault(top, topScore);
        var floor = last / 3;
        for (var a = top.ParentElement; a is not null && a.Name != "body"; a = a.ParentElement)
        {
            if (!final.TryGetValue(a, out var s)) continue;
            if (s < floor) break;
            if (s > last) { top = a; break; }
            last = s;
        }
        return top;
    }

    /// <summary>For each child of <paramref name="parent"/> holding text, the text of the last paragraph inside it.</summary>
    private static Dictionary<HtmlElement, string> LastTextPerChild(List<HtmlParagraph> paragraphs, HtmlElement parent)
    {
        var last = new Dictionary<HtmlElement, string>(ReferenceEqualityComparer.Instance);
        foreach (var p in paragraphs)
            for (HtmlElement? a = p.Block; a is not null; a = a.ParentElement)
                if (ReferenceEquals(a.ParentElement, parent)) { last[a] = p.Text; break; }
        return last;
    }

    private static bool IsOnlyKeptChild(HtmlElement parent, HtmlElement child, Func<HtmlElement, bool> kept)
    {
        for (var c = parent.FirstElementChild; c is not null; c = c.NextElementSibling)
            if (!ReferenceEquals(c, child) && kept(c)) return false;
        return true;
    }

    private static double InitialScore(HtmlElement e)
    {
        double s = e.Name switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var classAndId = ClassAndId(e);
        if (classAndId.Length == 0) return s;
        if (HtmlRules.NegativeClass().IsMatch(classAndId)) s -= HtmlRules.ClassWeight;
        if (HtmlRules.PositiveClass().IsMatch(classAndId)) s += HtmlRules.ClassWeight;
        return s;
    }

    private static double LinkDensity(Dictionary<HtmlElement, (int Text, int Links)> totals, HtmlElement e) =>
        totals.TryGetValue(e, out var t) && t.Text > 0 ? (double)t.Links / t.Text : 0;

    private static int CountCommas(string s)
    {
        var n = 0;
        foreach (var c in s) if (c is ',' or '،' or '，') n++;
        return n;
    }

    /// <summary>The paragraphs inside the selected containers (all, when none given) that are not navigation or furniture.</summary>
    private static List<OutputParagraph> Output(List<HtmlParagraph> paragraphs, HashSet<HtmlElement>? selected, string? title, int minChars)
    {
        var result = new List<OutputParagraph>();
        var titleKey = title is null ? null : Key(title);
        foreach (var p in paragraphs)
        {
            if (selected is not null && !InsideAny(p.Block, selected)) continue;
            // Once the article has begun, a comment-section header ends it.
            if (result.Count > 0 && p.Text.Length <= HtmlRules.FurnitureCheckMaxChars && TextRules.CommentStart().IsMatch(p.Text)) break;
            if (p.Text.Length < minChars) continue;
            var shortItem = p.Block.Name is "li" or "dd" or "dt" && p.Text.Length < HtmlRules.ShortListItemChars;
            if (p.LinkDensity > (shortItem ? HtmlRules.MaxListItemLinkDensity : HtmlRules.MaxLinkDensity)) continue;
            if (p.Text.Length <= HtmlRules.FurnitureCheckMaxChars &&
                (TextRules.Boilerplate().IsMatch(p.Text) || TextRules.Counter().IsMatch(p.Text))) continue;
            if (p.Text.Length <= HtmlRules.CaptionCheckMaxChars && TextRules.CaptionOrSignOff().IsMatch(p.Text)) continue;
            if (IsDateStamp(p.Text)) continue;
            if (titleKey is not null && result.Count == 0 && Key(p.Text) == titleKey) continue;
            result.Add(new OutputParagraph(p.Text, ArticleOf(p.Block)));
        }
        TrimCallsToAction(result);
        return result;
    }

    /// <summary>A short line with a date or time stamp and no sentence: a dateline or byline.</summary>
    internal static bool IsDateStamp(string text) =>
        !text.StartsWith('—') && !text.Contains("(@", StringComparison.Ordinal) && !PlainTextExtractor.EndsSentence(text) && PlainTextExtractor.CountWords(text) <= TextRules.DateStampMaxWords &&
        TextRules.DateStamp().IsMatch(text);

    /// <summary>Drops the site's calls to action ("Sign up for our newsletter") that open or close the article.</summary>
    private static void TrimCallsToAction(List<OutputParagraph> result)
    {
        static bool IsCall(OutputParagraph p) =>
            p.Text.Length <= TextRules.CallToActionMaxChars && TextRules.CallToAction().IsMatch(p.Text);
        while (result.Count > 0 && IsCall(result[^1])) result.RemoveAt(result.Count - 1);
        var lead = 0;
        while (lead < result.Count && IsCall(result[lead])) lead++;
        result.RemoveRange(0, lead);
    }

    /// <summary>Letters and digits only, lower-cased: "Só quem se Ama…" and "Só quem se ama..." compare equal.</summary>
    private static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static bool InsideAny(HtmlElement e, HashSet<HtmlElement> selected)
    {
        for (HtmlElement? a = e; a is not null; a = a.ParentElement)
            if (selected.Contains(a)) return true;
        return false;
    }
}
