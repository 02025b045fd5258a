using System.Text;

namespace Sitrep.ArticleText;

/// <summary>A node of the lightweight tree <see cref="HtmlParser"/> builds: an element or a run of text.</summary>
public abstract class HtmlNode
{
    /// <summary>The element holding this node (null for the root).</summary>
    public HtmlElement? Parent { get; internal set; }
    /// <summary>The next node under the same parent.</summary>
    public HtmlNode? NextSibling { get; internal set; }
    /// <summary>The previous node under the same parent.</summary>
    public HtmlNode? PreviousSibling { get; internal set; }
}

/// <summary>A run of text, entity references already decoded.</summary>
public sealed class HtmlTextNode(string data) : HtmlNode
{
    /// <summary>The decoded text.</summary>
    public string Data { get; } = data;
}

/// <summary>An attribute: lower-case name and decoded value.</summary>
public readonly record struct HtmlAttribute(string Name, string Value);

/// <summary>An element: lower-case tag name, attributes in source order (first of a repeated name wins), children.</summary>
public sealed class HtmlElement : HtmlNode
{
    private static readonly HtmlAttribute[] NoAttributes = [];
    private HtmlAttribute[] _attributes;

    /// <summary>Creates a detached element.</summary>
    public HtmlElement(string name, HtmlAttribute[]? attributes = null)
    {
        Name = name;
        _attributes = attributes ?? NoAttributes;
    }

    /// <summary>Lower-case tag name ("div").</summary>
    public string Name { get; }
    /// <summary>First child node.</summary>
    public HtmlNode? FirstChild { get; private set; }
    /// <summary>Last child node.</summary>
    public HtmlNode? LastChild { get; private set; }
    /// <summary>The attributes in source order.</summary>
    public ReadOnlySpan<HtmlAttribute> Attributes => _attributes;

    /// <summary>The value of attribute <paramref name="name"/> (lower-case), or null when absent.</summary>
    public string? GetAttribute(string name)
    {
        foreach (var a in _attributes)
            if (a.Name == name) return a.Value;
        return null;
    }

    /// <summary>True when the element has attribute <paramref name="name"/> (lower-case).</summary>
    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>The id attribute, or null.</summary>
    public string? Id => GetAttribute("id");

    /// <summary>The parent element (same as <see cref="HtmlNode.Parent"/>).</summary>
    public HtmlElement? ParentElement => Parent;

    /// <summary>First child that is an element.</summary>
    public HtmlElement? FirstElementChild => NextElement(FirstChild);
    /// <summary>Last child that is an element.</summary>
    public HtmlElement? LastElementChild => PreviousElement(LastChild);
    /// <summary>Next sibling that is an element.</summary>
    public HtmlElement? NextElementSibling => NextElement(NextSibling);
    /// <summary>Previous sibling that is an element.</summary>
    public HtmlElement? PreviousElementSibling => PreviousElement(PreviousSibling);

    /// <summary>The child elements in order.</summary>
    public IEnumerable<HtmlElement> Children
    {
        get
        {
            for (var c = FirstElementChild; c is not null; c = c.NextElementSibling) yield return c;
        }
    }

    /// <summary>All text below this element, concatenated in document order.</summary>
    public string TextContent
    {
        get
        {
            var sb = new StringBuilder();
            // Iterative: a deep tree must not overflow the stack.
            var n = FirstChild;
            while (n is not null)
            {
                if (n is HtmlTextNode t) sb.Append(t.Data);
                else if (n is HtmlElement { FirstChild: { } first }) { n = first; continue; }
                while (n.NextSibling is null)
                {
                    n = n.Parent;
                    if (n is null || ReferenceEquals(n, this)) return sb.ToString();
                }
                n = n.NextSibling;
            }
            return sb.ToString();
        }
    }

    /// <summary>True when <paramref name="node"/> is this element or lies below it.</summary>
    public bool Contains(HtmlNode node)
    {
        for (HtmlNode? a = node; a is not null; a = a.Parent)
            if (ReferenceEquals(a, this)) return true;
        return false;
    }

    /// <summary>Adds <paramref name="child"/> (detached) as the last child.</summary>
    internal void Append(HtmlNode child)
    {
        child.Parent = this;
        child.PreviousSibling = LastChild;
        child.NextSibling = null;
        if (LastChild is null) FirstChild = child;
        else LastChild.NextSibling = child;
        LastChild = child;
    }

    /// <summary>Takes <paramref name="child"/> out of this element's children.</summary>
    internal void Remove(HtmlNode child)
    {
        if (child.PreviousSibling is null) FirstChild = child.NextSibling;
        else child.PreviousSibling.NextSibling = child.NextSibling;
        if (child.NextSibling is null) LastChild = child.PreviousSibling;
        else child.NextSibling.PreviousSibling = child.PreviousSibling;
        child.Parent = null;
        child.NextSibling = child.PreviousSibling = null;
    }

    /// <summary>Moves all children of this element, in order, to the end of <paramref name="target"/>.</summary>
    internal void MoveChildrenTo(HtmlElement target)
    {
        while (FirstChild is { } c)
        {
            Remove(c);
            target.Append(c);
        }
    }

    /// <summary>Adds attributes this element does not have yet (a second &lt;body&gt; or &lt;html&gt; tag).</summary>
    internal void MergeAttributes(ReadOnlySpan<HtmlAttribute> more)
    {
        foreach (var a in more)
            if (GetAttribute(a.Name) is null) _attributes = [.. _attributes, a];
    }

    private static HtmlElement? NextElement(HtmlNode? n)
    {
        while (n is not null and not HtmlElement) n = n.NextSibling;
        return (HtmlElement?)n;
    }

    private static HtmlElement? PreviousElement(HtmlNode? n)
    {
        while (n is not null and not HtmlElement) n = n.PreviousSibling;
        return (HtmlElement?)n;
    }
}

/// <summary>A parsed page: the html element with its head and body, and how deep its elements nest.</summary>
public sealed class HtmlDocument
{
    internal HtmlDocument(HtmlElement root, HtmlElement head) { DocumentElement = root; Head = head; }

    /// <summary>The html element.</summary>
    public HtmlElement DocumentElement { get; }
    /// <summary>The head element (always present, possibly empty).</summary>
    public HtmlElement Head { get; }
    /// <summary>The body element; null when the page has nothing but head content.</summary>
    public HtmlElement? Body { get; internal set; }
    /// <summary>The text of the first title element, or null.</summary>
    public string? Title { get; internal set; }
    /// <summary>The text of the page's JSON-LD scripts (type "application/ld+json"), in order; no other script text is kept.</summary>
    public IReadOnlyList<string> JsonLd => _jsonLd;
    private readonly List<string> _jsonLd = [];
    internal void AddJsonLd(string json) => _jsonLd.Add(json);
    /// <summary>Most elements open at once while parsing (html and body count).</summary>
    public int MaxDepth { get; internal set; }
    /// <summary>True when parsing stopped because the page nested deeper than the limit it was given.</summary>
    public bool TooDeep { get; internal set; }
}
