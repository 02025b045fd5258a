using System.Runtime.InteropServices;

namespace Sitrep.ArticleText;

/// <summary>
/// Builds the lightweight tree of a page from <see cref="HtmlTokenizer"/>'s tokens with the WHATWG tree rules that
/// shape text and blocks: head content before the body, implied end tags (p, li, dd/dt, option, table rows and
/// cells, headings), void elements, end tags that find no open element ignored, and misnested formatting end
/// tags ("&lt;a&gt;&lt;p&gt;x&lt;/a&gt;") resolved by moving the block out. No CSS, no scripting, no foster
/// parenting of stray table text. Linear in the page; never throws for content.
/// </summary>
public sealed class HtmlParser
{
    /// <summary>A text node standing for any run of whitespace: the extractor collapses whitespace anyway.</summary>
    private static readonly string Space = " ";

    private readonly HtmlDocument _doc;
    private readonly HtmlElement _html;
    private readonly List<HtmlElement> _open = [];
    private readonly int _maxDepth;
    // How many p, a and svg/math elements are open: the common searches of the open elements ("is a paragraph
    // open?") are answered without a search when none is, so deep pages do not pay a stack walk per tag.
    private int _openParagraphs, _openLinks, _openForeign;

    private HtmlParser(int maxDepth)
    {
        _html = new HtmlElement("html");
        var head = new HtmlElement("head");
        _html.Append(head);
        _doc = new HtmlDocument(_html, head);
        _open.Add(_html);
        _maxDepth = maxDepth;
    }

    /// <summary>
    /// Parses <paramref name="html"/>. When more than <paramref name="maxDepth"/> elements would be open at once the
    /// parse stops there and the document says <see cref="HtmlDocument.TooDeep"/>.
    /// </summary>
    public static HtmlDocument Parse(ReadOnlySpan<char> html, int maxDepth = int.MaxValue)
    {
        var parser = new HtmlParser(maxDepth);
        parser.Run(html);
        return parser._doc;
    }

    private HtmlElement Current => _open[^1];

    private void Run(ReadOnlySpan<char> html)
    {
        var tokens = new HtmlTokenizer(html);
        HtmlTokenKind kind;
        while ((kind = tokens.Next()) != HtmlTokenKind.End && !_doc.TooDeep)
        {
            switch (kind)
            {
                case HtmlTokenKind.Text: Text(tokens.Text); break;
                case HtmlTokenKind.StartTag: Start(ref tokens); break;
                case HtmlTokenKind.EndTag: End(tokens.Name); break;
            }
        }
    }

    private void Text(ReadOnlySpan<char> text)
    {
        var blank = text.IndexOfAnyExcept(" \t\n\r\f") < 0;
        if (_doc.Body is null)
        {
            if (blank) return; // whitespace between head tags
            EnsureBody();
        }
        Current.Append(new HtmlTextNode(blank ? Space : HtmlTokenizer.Decode(text)));
    }

    private void Start(ref HtmlTokenizer tokens)
    {
        var name = tokens.Name;
        switch (name)
        {
            case "html": _html.MergeAttributes(CollectionsMarshal.AsSpan(tokens.Attributes)); return;
            case "head": return;
            case "body":
                if (_doc.Body is null) EnsureBody();
                _doc.Body!.MergeAttributes(CollectionsMarshal.AsSpan(tokens.Attributes));
                return;
        }
        var element = new HtmlElement(name, tokens.Attributes.Count == 0 ? null : [.. tokens.Attributes]);
        if (_doc.Body is null && HtmlRules.HeadTags.Contains(name))
        {
            _doc.Head.Append(element);
            Content(element, ref tokens);
            return;
        }
        EnsureBody();
        CloseImplied(name);
        if (_doc.TooDeep) return; // an implied row or table body already went past the limit
        Current.Append(element);
        if (HtmlRules.SkippedTextTags.Contains(name) || HtmlRules.RcDataTags.Contains(name)) { Content(element, ref tokens); return; }
        // Self-closing syntax counts only on void elements and inside svg/math (foreign content).
        if (HtmlRules.VoidTags.Contains(name) || (tokens.SelfClosing && InForeign())) return;
        Push(element);
    }

    private void Push(HtmlElement element)
    {
        _open.Add(element);
        Count(element, 1);
        if (_open.Count > _doc.MaxDepth) _doc.MaxDepth = _open.Count;
        if (_open.Count > _maxDepth) _doc.TooDeep = true;
    }

    /// <summary>Reads the text of a raw-text or RCDATA element; skipped elements keep none (JSON-LD goes to the document).</summary>
    private void Content(HtmlElement element, ref HtmlTokenizer tokens)
    {
        if (HtmlRules.VoidTags.Contains(element.Name)) return;
        if (HtmlRules.RcDataTags.Contains(element.Name))
        {
            var text = HtmlTokenizer.Decode(tokens.RawText(element.Name));
            if (text.Length > 0) element.Append(new HtmlTextNode(text));
            if (element.Name == "title") _doc.Title ??= text;
        }
        else if (HtmlRules.SkippedTextTags.Contains(element.Name))
        {
            var text = tokens.RawText(element.Name);
            // JSON-LD is the one script text the extractor reads (publication date); it is kept on the document.
            if (element.Name == "script" && element.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                _doc.AddJsonLd(text.ToString());
        }
    }

    /// <summary>True inside an open svg or math element (foreign content, where "/&gt;" closes an element).</summary>
    private bool InForeign() => _openForeign > 0;

    private void Count(HtmlElement element, int delta)
    {
        switch (element.Name)
        {
            case "p": _openParagraphs += delta; break;
            case "a": _openLinks += delta; break;
            case "svg" or "math": _openForeign += delta; break;
        }
    }

    /// <summary>Takes <paramref name="count"/> open elements from <paramref name="index"/> off the stack (they stay in the tree).</summary>
    private void RemoveOpen(int index, int count)
    {
        for (var i = index; i < index + count; i++) Count(_open[i], -1);
        _open.RemoveRange(index, count);
    }

    private void EnsureBody()
    {
        if (_doc.Body is not null) return;
        var body = new HtmlElement("body");
        _html.Append(body);
        _doc.Body = body;
        Push(body);
    }

    /// <summary>The end tags a start tag implies: an open paragraph, list item, heading, option, row or cell.</summary>
    private void CloseImplied(string name)
    {
        if (HtmlRules.ClosesParagraphTags.Contains(name) && InScope("p", button: true) is var p and >= 0) PopTo(p);
        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if (Current.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6") Pop();
                break;
            case "li": CloseListItem("li", null); break;
            case "dd" or "dt": CloseListItem("dd", "dt"); break;
            case "a":
                // An open link is closed by the next one: links do not nest.
                if (InScope("a", button: false) >= 0) FormattingEnd("a");
                break;
            case "option":
                if (Current.Name == "option") Pop();
                break;
            case "optgroup":
                if (Current.Name == "option") Pop();
                if (Current.Name == "optgroup") Pop();
                break;
            case "tbody" or "thead" or "tfoot":
                if (NearestTable() is var t and >= 0) PopTo(t + 1);
                break;
            case "tr":
                if (NearestTable() is var table and >= 0)
                {
                    PopTo(LastOpen(table, "tbody", "thead", "tfoot") + 1);
                    if (Current.Name == "table") OpenImplied("tbody");
                }
                break;
            case "td" or "th":
                if (NearestTable() is var inTable and >= 0)
                {
                    PopTo(LastOpen(inTable, "tr", "tbody", "thead", "tfoot") + 1);
                    if (Current.Name == "table") OpenImplied("tbody");
                    if (Current.Name != "tr") OpenImplied("tr");
                }
                break;
        }
    }

    private void OpenImplied(string name)
    {
        if (_doc.TooDeep) return;
        var e = new HtmlElement(name);
        Current.Append(e);
        Push(e);
    }

    /// <summary>Index of the last open element at or above <paramref name="from"/> named one of the given names; <paramref name="from"/> itself when none.</summary>
    private int LastOpen(int from, string a, string b, string c, string? d = null)
    {
        for (var i = _open.Count - 1; i > from; i--)
        {
            var n = _open[i].Name;
            if (n == a || n == b || n == c || n == d) return i;
        }
        return from;
    }

    /// <summary>WHATWG's list item rule: close an open li (or dd/dt) unless a block other than address, div or p lies between.</summary>
    private void CloseListItem(string a, string? b)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == a || n == b) { PopTo(i); return; }
            if (HtmlRules.SpecialTags.Contains(n) && n is not ("address" or "div" or "p")) return;
        }
    }

    private void End(string name)
    {
        switch (name)
        {
            case "html" or "body" or "head": return; // content after them still belongs to the body
            case "br":
                // "</br>" is read as "<br>", as browsers do.
                EnsureBody();
                Current.Append(new HtmlElement("br"));
                return;
        }
        if (_doc.Body is null) return;
        if (HtmlRules.FormattingTags.Contains(name)) { FormattingEnd(name); return; }
        if (HtmlRules.SpecialTags.Contains(name))
        {
            // A block's end tag closes it and everything opened inside it, if it is open within the current scope.
            var i = name switch
            {
                "p" => InScope("p", button: true),
                "li" => InScope(name, button: false, listItem: true),
                // Table parts are searched for in table scope: a cell left open does not hide its table.
                "table" or "tbody" or "thead" or "tfoot" or "tr" or "caption" => InTableScope(name),
                _ => InScope(name, button: false),
            };
            if (i >= 0) PopTo(i);
            return;
        }
        // Any other end tag closes the nearest open element of its name, unless a block lies in between.
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == name) { PopTo(i); return; }
            if (HtmlRules.SpecialTags.Contains(n)) return;
        }
    }

    /// <summary>
    /// The misnested formatting end tag, after WHATWG's adoption agency in one round: when blocks were opened inside
    /// the formatting element, the first of them moves out to the formatting element's parent, its content wrapped
    /// in a copy of the formatting element, and the blocks stay open.
    /// </summary>
    private void FormattingEnd(string name)
    {
        var f = InScope(name, button: false);
        if (f < 0) return;
        var block = -1;
        for (var i = f + 1; i < _open.Count; i++)
            if (HtmlRules.SpecialTags.Contains(_open[i].Name)) { block = i; break; }
        if (block < 0) { PopTo(f); return; }
        var formatting = _open[f];
        var furthest = _open[block];
        furthest.Parent?.Remove(furthest);
        var copy = new HtmlElement(formatting.Name, formatting.Attributes.ToArray());
        furthest.MoveChildrenTo(copy);
        furthest.Append(copy);
        _open[f - 1].Append(furthest);
        RemoveOpen(f, block - f);
    }

    /// <summary>
    /// Index of the nearest open element named <paramref name="name"/>, searching no further than a scope boundary;
    /// -1 when none. Button scope adds button, list-item scope adds ol and ul to the boundaries.
    /// </summary>
    private int InScope(string name, bool button, bool listItem = false)
    {
        if ((name == "p" && _openParagraphs == 0) || (name == "a" && _openLinks == 0)) return -1;
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == name) return i;
            if (HtmlRules.ScopeTags.Contains(n) || (button && n == "button") || (listItem && n is "ol" or "ul")) return -1;
        }
        return -1;
    }

    /// <summary>Index of the innermost open table (table scope: only a template stops the search); -1 when none.</summary>
    private int NearestTable() => InTableScope("table");

    /// <summary>Index of the nearest open element named <paramref name="name"/> in table scope (table and template stop the search); -1 when none.</summary>
    private int InTableScope(string name)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == name) return i;
            if (n is "table" or "template") return -1;
        }
        return -1;
    }

    private void Pop()
    {
        if (_open.Count > 2 || (_open.Count == 2 && _doc.Body is null)) RemoveOpen(_open.Count - 1, 1);
    }

    /// <summary>Closes the open element at <paramref name="index"/> and all opened after it (html and body stay open).</summary>
    private void PopTo(int index)
    {
        var keep = Math.Max(index, _doc.Body is null ? 1 : 2);
        if (keep < _open.Count) RemoveOpen(keep, _open.Count - keep);
    }
}
