using System.Collections.Frozen;
using System.Net;

namespace Sitrep.ArticleText;

/// <summary>What <see cref="HtmlTokenizer"/> found next.</summary>
internal enum HtmlTokenKind : byte { End, Text, StartTag, EndTag }

/// <summary>
/// A tolerant HTML tokenizer after the WHATWG rules, cut down to what the extractor reads: text runs, start tags
/// with attributes, end tags; comments, doctypes, CDATA and processing instructions are skipped. Every step moves
/// forward, so any input ends in time linear in its length. A tag cut off by the end of the input is dropped, as
/// browsers drop it.
/// </summary>
internal ref struct HtmlTokenizer(ReadOnlySpan<char> html)
{
    /// <summary>Tag and attribute names met on most pages, so that the common ones are not allocated per tag.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = FrozenSet.ToFrozenSet(
        HtmlRules.BlockTags.Concat(HtmlRules.RemovedTags).Concat(HtmlRules.VoidTags).Concat(HtmlRules.SpecialTags)
            .Concat(HtmlRules.FormattingTags).Concat(
            [
                "span", "a", "img", "sup", "sub", "time", "abbr", "cite", "q", "mark", "small", "ins", "del", "picture",
                "class", "id", "href", "src", "style", "role", "hidden", "aria-hidden", "aria-label", "rel", "name",
                "property", "content", "itemprop", "itemscope", "itemtype", "datetime", "type", "alt", "title", "width",
                "height", "srcset", "sizes", "lang", "charset", "http-equiv", "target", "loading", "dir", "tabindex",
                "onclick", "value", "for", "action", "method", "data-src", "data-id", "data-type", "async", "defer",
                "crossorigin", "integrity", "media", "border", "align", "valign", "colspan", "rowspan", "cellpadding",
                "cellspacing", "bgcolor", "color", "size", "face", "decoding", "fetchpriority", "frameborder",
                "allowfullscreen", "allow", "xmlns", "viewbox", "fill", "d", "focusable", "placeholder",
            ]), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ReadOnlySpan<char> _html = html;
    private int _pos;

    /// <summary>Lower-case name of the last start or end tag.</summary>
    public string Name { get; private set; } = "";
    /// <summary>Attributes of the last start tag (a list reused from tag to tag: copy what you keep).</summary>
    public List<HtmlAttribute> Attributes { get; } = [];
    /// <summary>True when the last start tag ended with "/&gt;".</summary>
    public bool SelfClosing { get; private set; }
    /// <summary>The characters of the last text run, entity references not yet decoded.</summary>
    public ReadOnlySpan<char> Text { get; private set; }

    /// <summary>Moves to the next token.</summary>
    public HtmlTokenKind Next()
    {
        var html = _html;
        while (_pos < html.Length)
        {
            var start = _pos;
            if (html[start] != '<' || start + 1 >= html.Length) return TextRun(start, start + 1);
            var c = html[start + 1];
            if (char.IsAsciiLetter(c)) { if (Tag(start + 1, isEnd: false)) return HtmlTokenKind.StartTag; continue; }
            if (c == '/')
            {
                if (start + 2 >= html.Length) return TextRun(start, start + 2);
                var d = html[start + 2];
                if (char.IsAsciiLetter(d)) { if (Tag(start + 2, isEnd: true)) return HtmlTokenKind.EndTag; continue; }
                if (d == '>') { _pos = start + 3; continue; }
                SkipPast(start + 2, '>'); // "</ 3>": a bogus comment
                continue;
            }
            if (c == '!')
            {
                if (html[(start + 2)..].StartsWith("--")) SkipComment(start + 4);
                else SkipPast(start + 2, '>'); // doctype, CDATA, bogus comment
                continue;
            }
            if (c == '?') { SkipPast(start + 2, '>'); continue; }
            return TextRun(start, start + 1); // a lone '<' ("a < b") is text
        }
        return HtmlTokenKind.End;
    }

    /// <summary>
    /// After the start tag of a raw-text element (script, style, title...): its content up to the matching end tag,
    /// which is consumed too; to the end of the input when there is none.
    /// </summary>
    public ReadOnlySpan<char> RawText(string name)
    {
        var html = _html;
        var from = _pos;
        var at = from;
        while (true)
        {
            var i = html[at..].IndexOf("</", StringComparison.Ordinal);
            if (i < 0) { _pos = html.Length; return html[from..]; }
            var nameAt = at + i + 2;
            var end = nameAt + name.Length;
            if (end <= html.Length && html[nameAt..end].Equals(name, StringComparison.OrdinalIgnoreCase) &&
                (end == html.Length || html[end] is '>' or '/' || IsSpace(html[end])))
            {
                SkipPast(end, '>');
                return html[from..(at + i)];
            }
            at = nameAt;
        }
    }

    /// <summary>Decodes character references in a text run or attribute value.</summary>
    public static string Decode(ReadOnlySpan<char> text) =>
        text.Contains('&') ? WebUtility.HtmlDecode(text.ToString()) : text.ToString();

    private HtmlTokenKind TextRun(int start, int from)
    {
        var html = _html;
        var lt = from < html.Length ? html[from..].IndexOf('<') : -1;
        var end = lt < 0 ? html.Length : from + lt;
        Text = html[start..end];
        _pos = end;
        return HtmlTokenKind.Text;
    }

    /// <summary>Reads a tag whose name starts at <paramref name="p"/>; false when the input ends inside it.</summary>
    private bool Tag(int p, bool isEnd)
    {
        var html = _html;
        var n = p;
        while (n < html.Length && html[n] is not ('>' or '/') && !IsSpace(html[n])) n++;
        Name = Intern(html[p..n]);
        Attributes.Clear();
        SelfClosing = false;
        p = n;
        while (true)
        {
            while (p < html.Length && IsSpace(html[p])) p++;
            if (p >= html.Length) { _pos = html.Length; return false; }
            var ch = html[p];
            if (ch == '>') { p++; break; }
            if (ch == '/')
            {
                p++;
                if (p < html.Length && html[p] == '>') { SelfClosing = true; p++; break; }
                continue;
            }
            var nameStart = p;
            p++; // the first character may be '='
            while (p < html.Length && html[p] is not ('>' or '/' or '=') && !IsSpace(html[p])) p++;
            var nameEnd = p;
            while (p < html.Length && IsSpace(html[p])) p++;
            ReadOnlySpan<char> value = default;
            if (p < html.Length && html[p] == '=')
            {
                p++;
                while (p < html.Length && IsSpace(html[p])) p++;
                if (p >= html.Length) { _pos = html.Length; return false; }
                var q = html[p];
                if (q is '"' or '\'')
                {
                    var close = html[(p + 1)..].IndexOf(q);
                    if (close < 0) { _pos = html.Length; return false; }
                    value = html.Slice(p + 1, close);
                    p += close + 2;
                }
                else
                {
                    var v = p;
                    while (p < html.Length && html[p] != '>' && !IsSpace(html[p])) p++;
                    value = html[v..p];
                }
            }
            if (isEnd) continue;
            var attrName = Intern(html[nameStart..nameEnd]);
            if (!HasAttribute(attrName)) Attributes.Add(new HtmlAttribute(attrName, value.IsEmpty ? "" : Decode(value)));
        }
        _pos = p;
        return true;
    }

    private bool HasAttribute(string name)
    {
        foreach (var a in Attributes)
            if (a.Name == name) return true;
        return false;
    }

    private static string Intern(ReadOnlySpan<char> name) =>
        KnownNames.TryGetValue(name, out var known) ? known : name.ToString().ToLowerInvariant();

    private void SkipPast(int from, char c)
    {
        var i = from < _html.Length ? _html[from..].IndexOf(c) : -1;
        _pos = i < 0 ? _html.Length : from + i + 1;
    }

    /// <summary>Skips a comment whose body starts at <paramref name="from"/>: to "--&gt;", or "&lt;!--&gt;" and "&lt;!---&gt;" as empty ones.</summary>
    private void SkipComment(int from)
    {
        var rest = from < _html.Length ? _html[from..] : [];
        if (rest.StartsWith(">")) { _pos = from + 1; return; }
        if (rest.StartsWith("->")) { _pos = from + 2; return; }
        var i = rest.IndexOf("-->", StringComparison.Ordinal);
        _pos = i < 0 ? _html.Length : from + i + 3;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
