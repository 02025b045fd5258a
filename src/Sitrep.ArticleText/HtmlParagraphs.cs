using System.Text;

namespace Sitrep.ArticleText;

/// <summary>One block of text in document order: its text, how much of it is link text, and the element it is in.</summary>
internal sealed record HtmlParagraph(string Text, int LinkChars, HtmlElement Block)
{
    /// <summary>Share of the text inside links.</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

/// <summary>
/// Walks the parsed tree and cuts its text into paragraphs at block elements and line breaks, collapsing whitespace the way
/// a browser renders it and counting link text.
/// </summary>
internal sealed class HtmlParagraphs
{
    private readonly List<HtmlParagraph> _result = [];
    private readonly StringBuilder _buffer = new();
    private int _linkChars;
    private bool _pendingSpace;
    private HtmlElement _block;
    private readonly HtmlFurniture _furniture;
    private readonly bool _strict;

    private HtmlParagraphs(HtmlElement root, HtmlFurniture furniture, bool strict)
    {
        _block = root;
        _furniture = furniture;
        _strict = strict;
    }

    /// <summary>The paragraphs under <paramref name="root"/> in document order, leaving out what the pass removes.</summary>
    public static List<HtmlParagraph> Collect(HtmlElement root, HtmlFurniture furniture, bool strict)
    {
        var c = new HtmlParagraphs(root, furniture, strict);
        c.Walk(root, inLink: false);
        c.Flush();
        return c._result;
    }

    // Iterative on purpose: a page nested thousands of levels deep must not overflow the stack.
    private void Walk(HtmlElement root, bool inLink)
    {
        var stack = new Stack<(HtmlNode Node, bool Exit, bool InLink, HtmlElement? OuterBlock)>();
        for (var c = root.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false, inLink, null));
        while (stack.Count > 0)
        {
            var (node, exit, link, outer) = stack.Pop();
            if (exit)
            {
                Flush();
                _block = outer!;
                continue;
            }
            if (node is HtmlTextNode text) { Append(text.Data, link); continue; }
            if (node is not HtmlElement e || _furniture.IsRemoved(e, _strict)) continue;
            var name = e.Name;
            if (name == "br") { Flush(); continue; }
            var childLink = link;
            if (HtmlRules.BlockTags.Contains(name))
            {
                Flush();
                stack.Push((e, true, link, _block));
                _block = e;
            }
            else childLink = link || name == "a";
            for (var c = e.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false, childLink, null));
        }
    }

    private void Append(string data, bool inLink)
    {
        foreach (var ch in data)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200B' || ch == '\uFEFF')
            {
                _pendingSpace = _buffer.Length > 0;
                continue;
            }
            if (_pendingSpace)
            {
                _buffer.Append(' ');
                if (inLink) _linkChars++;
                _pendingSpace = false;
            }
            _buffer.Append(ch);
            if (inLink) _linkChars++;
        }
    }

    private void Flush()
    {
        if (_buffer.Length > 0)
        {
            var text = _buffer.ToString();
            // Data is no paragraph: a map widget's GeoJSON would otherwise outscore the article by length alone.
            if (!HtmlRules.IsMachineData(text)) _result.Add(new HtmlParagraph(text, _linkChars, _block));
        }
        _buffer.Clear();
        _linkChars = 0;
        _pendingSpace = false;
    }
}
