using System.Text;
using Sitrep.Core;

namespace Sitrep.ArticleText;

/// <summary>
/// Keeps the article(s) of a scraped plain-text page by judging it line by line: comment sections are cut, page
/// furniture dropped, the headline and date line lifted into metadata, and glued articles split into segments.
/// All patterns and thresholds live in <see cref="TextRules"/>.
/// </summary>
public static class PlainTextExtractor
{
    /// <summary>What the judge decided about a line.</summary>
    private enum Role : byte { Undecided, Drop, Separator, Date, Byline, Title, Related }

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        TextRules.StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private struct Line
    {
        public string Text;
        public int Words;
        public bool EndsSentence;
        public bool IsBody;
        public bool IsHeadlineLike;
        public Role Role;
    }

    /// <summary>Extracts the article text and metadata from a plain-text page.</summary>
    public static Article Extract(string page)
    {
        var lines = Split(page);
        var cut = CommentCut(lines);
        if (cut < lines.Count) lines.RemoveRange(cut, lines.Count - cut);
        JoinBrokenLines(lines);
        var arr = lines.ToArray();
        for (var i = 0; i < arr.Length; i++) Measure(ref arr[i]);
        MarkFurniture(arr);

        string? title = null, byline = null;
        DateOnly? published = null;
        // The article starts at the first paragraph, or at a short lead sentence ("Two were killed in Idlib.").
        var firstBody = Array.FindIndex(arr, l => l.Role == Role.Undecided &&
            (l.IsBody || (l.EndsSentence && l.Words >= TextRules.LeadMinWords)));
        if (firstBody < 0) firstBody = arr.Length;
        // Before the first paragraph only a headline, a date and a byline count; the rest is banners and teasers.
        for (var i = 0; i < firstBody; i++)
        {
            ref var l = ref arr[i];
            if (l.Role == Role.Date) { published ??= PageDates.ParseDateLine(l.Text); continue; }
            if (l.Role == Role.Byline) { byline ??= l.Text; continue; }
            if (l.Role != Role.Undecided) continue;
            published ??= PageDates.FindPublishedPhrase(l.Text);
            if (title is null && l.IsHeadlineLike) { title = l.Text; l.Role = Role.Title; }
            else l.Role = Role.Drop;
        }

        var segments = new List<List<string>> { new() };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (title is not null) seen.Add(title);
        var inRelated = false;
        for (var i = firstBody; i < arr.Length; i++)
        {
            ref var l = ref arr[i];
            if (l.Role == Role.Separator) { segments.Add([]); inRelated = false; continue; }
            if (l.Role == Role.Related) { inRelated = true; continue; }
            if (l.Role == Role.Date) { published ??= PageDates.ParseDateLine(l.Text); continue; }
            if (l.Role != Role.Undecided) continue;
            if (inRelated)
            {
                if (!l.IsBody) continue;
                inRelated = false;
            }
            if (!seen.Add(l.Text)) continue;
            if (!l.IsBody && !l.EndsSentence && TextRules.SingleToken().IsMatch(l.Text)) continue;
            // A headline followed closely by a date line or byline starts another article.
            if (l.IsHeadlineLike && segments[^1].Count > 0 && DatedWithin(arr, i)) segments.Add([]);
            segments[^1].Add(l.Text);
        }

        foreach (var seg in segments) TrimTrailingTeasers(seg);
        segments.RemoveAll(s => !s.Exists(HasBodyLikeText));
        return Assemble(segments, title, published, byline);
    }

    private static bool HasBodyLikeText(string text) => CountWords(text) >= TextRules.BodyMinWords || EndsSentence(text);

    private static List<Line> Split(string page)
    {
        var result = new List<Line>();
        foreach (var raw in page.Split('\n'))
        {
            var t = Normalize(raw);
            if (t.Length > 0) result.Add(new Line { Text = t });
        }
        return result;
    }

    /// <summary>Trims and folds the odd spaces scrapes leave (NBSP, zero-width, tabs) into single spaces.</summary>
    private static string Normalize(string raw)
    {
        if (IsNormal(raw)) return raw;
        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\r') continue;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when <see cref="Normalize"/> would return the line unchanged: no odd or doubled spaces, no edges.</summary>
    private static bool IsNormal(string raw)
    {
        if (raw.Length == 0 || char.IsWhiteSpace(raw[0]) || char.IsWhiteSpace(raw[^1])) return raw.Length == 0;
        var previousSpace = false;
        foreach (var c in raw)
        {
            if (c == ' ')
            {
                if (previousSpace) return false;
                previousSpace = true;
                continue;
            }
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' || (c < '\u00A1' ? c is (< ' ' or '\u0085' or '\u00A0') : char.IsWhiteSpace(c))) return false;
            previousSpace = false;
        }
        return true;
    }

    /// <summary>Index of the line where the comment section starts (lines.Count when none after some body).</summary>
    private static int CommentCut(List<Line> lines)
    {
        var sawBody = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (sawBody && t.Length <= TextRules.ShortFurnitureMaxChars && TextRules.CommentStart().IsMatch(t)) return i;
            if (!sawBody && EndsSentence(t) && CountWords(t) >= TextRules.BodyMinWords) sawBody = true;
        }
        return lines.Count;
    }

    /// <summary>Joins a line that stops without punctuation to a next line that starts in lower case.</summary>
    private static void JoinBrokenLines(List<Line> lines)
    {
        for (var i = lines.Count - 2; i >= 0; i--)
        {
            var a = lines[i].Text;
            var b = lines[i + 1].Text;
            if (EndsSentence(a) || a.EndsWith(':') || !char.IsLower(b[0])) continue;
            if (TextRules.IsBoilerplate(a) || TextRules.ScriptureReference().IsMatch(a)) continue;
            lines[i] = new Line { Text = a + " " + b };
            lines.RemoveAt(i + 1);
        }
    }

    private static void Measure(ref Line l)
    {
        var t = l.Text;
        l.Words = CountWords(t);
        l.EndsSentence = EndsSentence(t);
        l.IsBody = l.Words >= TextRules.BodyMinWordsUnpunctuated ||
                   (l.EndsSentence && l.Words >= TextRules.BodyMinWords && StopWordShare(t) >= TextRules.BodyMinStopWordShare);
        l.IsHeadlineLike = !t.EndsWith('.') && l.Words >= TextRules.HeadlineMinWords && l.Words <= TextRules.HeadlineMaxWords
                           && (char.IsUpper(t[0]) || char.IsDigit(t[0]) || t[0] is '"' or '“' or '\'' or '‘');
    }

    private static void MarkFurniture(Line[] arr)
    {
        for (var i = 0; i < arr.Length; i++)
        {
            ref var l = ref arr[i];
            var t = l.Text;
            // Long lines (body paragraphs) can only be any-length furniture; the other patterns are for short lines.
            if (t.Length > TextRules.ShortFurnitureMaxChars) { if (TextRules.IsBoilerplate(t)) l.Role = Role.Drop; continue; }
            if (TextRules.ArticleSeparator().IsMatch(t)) l.Role = Role.Separator;
            else if (TextRules.Counter().IsMatch(t)) l.Role = Role.Drop;
            else if (TextRules.ScriptureReference().IsMatch(t))
            {
                l.Role = Role.Drop;
                // The verse follows its reference.
                if (i + 1 < arr.Length && arr[i + 1].Text.Length <= TextRules.VerseMaxChars) arr[++i].Role = Role.Drop;
            }
            else if (IsRelatedHeader(t)) l.Role = Role.Related;
            else if (TextRules.IsBoilerplate(t)) l.Role = Role.Drop;
            else if (l.Words <= 12 && PageDates.ParseDateLine(t) is not null) l.Role = Role.Date;
            else if (TextRules.Byline().IsMatch(t)) l.Role = Role.Byline;
        }
    }

    private static bool IsRelatedHeader(string t) =>
        t.TrimEnd(':').ToLowerInvariant() is "related" or "related stories" or "related articles" or "related posts"
            or "related news" or "read more" or "read also" or "also read" or "see also" or "more stories" or "more on this"
            or "you may also like" or "recommended" or "most read" or "popular" or "trending";

    private static bool DatedWithin(Line[] arr, int i)
    {
        for (var k = i + 1; k < arr.Length && k <= i + TextRules.NewArticleDateWindow; k++)
            if (arr[k].Role is Role.Date or Role.Byline) return true;
        return false;
    }

    /// <summary>Drops lines after the last sentence of a segment that are not sentences (teasers, site names).</summary>
    private static void TrimTrailingTeasers(List<string> seg)
    {
        while (seg.Count > 0 && !EndsSentence(seg[^1])) seg.RemoveAt(seg.Count - 1);
    }

    private static Article Assemble(List<List<string>> segments, string? title, DateOnly? published, string? byline)
    {
        var sb = new StringBuilder();
        var ranges = new List<TextRange>();
        foreach (var seg in segments)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            var start = sb.Length;
            for (var j = 0; j < seg.Count; j++)
            {
                if (j > 0) sb.Append('\n');
                sb.Append(seg[j]);
            }
            ranges.Add(new TextRange(start, sb.Length));
        }
        var text = sb.ToString();
        return new Article
        {
            Text = text,
            Title = title,
            Published = published,
            Byline = byline is null ? null : byline[3..].Trim(),
            Segments = ranges,
            Warnings = text.Length == 0 ? [ArticleWarnings.NoText] : [],
        };
    }

    internal static int CountWords(string t)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in t)
        {
            var w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    internal static bool EndsSentence(string t)
    {
        var s = t.AsSpan().TrimEnd();
        while (s.Length > 0 && s[^1] is '"' or '”' or '’' or '\'' or ')' or ']' or '»') s = s[..^1];
        return s.Length > 0 && s[^1] is '.' or '!' or '?' or '…' or '。' or '؟';
    }

    private static double StopWordShare(string t)
    {
        int words = 0, stops = 0, start = -1, nonAscii = 0, letters = 0;
        for (var i = 0; i <= t.Length; i++)
        {
            var w = i < t.Length && char.IsLetter(t[i]);
            if (w) { letters++; if (t[i] > 'z') nonAscii++; }
            if (w && start < 0) start = i;
            else if (!w && start >= 0)
            {
                words++;
                if (StopWordLookup.Contains(t.AsSpan(start, i - start))) stops++;
                start = -1;
            }
        }
        // The stop-word list is English; other scripts are not judged by it.
        if (nonAscii * 2 > letters) return 1;
        return words == 0 ? 0 : (double)stops / words;
    }
}
