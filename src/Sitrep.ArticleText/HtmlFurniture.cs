
namespace Sitrep.ArticleText;

/// <summary>
/// The page furniture of one parsed page, marked rather than removed so that every pass of the cascade reads the same tree:
/// an element is furniture in every pass (by tag, role or hidden state) or only in the strict pass (by class/id).
/// </summary>
internal sealed class HtmlFurniture
{
    /// <summary>Marked elements; the value is true when the element is furniture in every pass.</summary>
    private readonly Dictionary<HtmlElement, bool> _marked = new(ReferenceEqualityComparer.Instance);

    private enum Verdict : byte { Keep, StrictOnly, Always }

    private HtmlFurniture() { }

    /// <summary>True when a pass of the given strictness leaves <paramref name="e"/> (and all inside it) out.</summary>
    public bool IsRemoved(HtmlElement e, bool strict) => _marked.TryGetValue(e, out var always) && (strict || always);

    /// <summary>Judges every element below <paramref name="root"/> once.</summary>
    public static HtmlFurniture Mark(HtmlElement root)
    {
        var furniture = new HtmlFurniture();
        // Pages repeat the same class attribute on many elements: its regex verdict is computed once per page.
        var classVerdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var stack = new Stack<HtmlElement>();
        for (var c = root.LastElementChild; c is not null; c = c.PreviousElementSibling) stack.Push(c);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            var verdict = Judge(e, classVerdicts);
            if (verdict == Verdict.Always) { furniture._marked[e] = true; continue; } // no pass looks inside it
            if (verdict == Verdict.StrictOnly) furniture._marked[e] = false;
            if (IsRelatedHeading(e))
            {
                // "Related posts" / "You may also like": what follows the heading in its block is other stories.
                for (var s = e.NextElementSibling; s is not null; s = s.NextElementSibling) furniture._marked.TryAdd(s, false);
            }
            for (var c = e.LastElementChild; c is not null; c = c.PreviousElementSibling) stack.Push(c);
        }
        return furniture;
    }

    private static bool IsRelatedHeading(HtmlElement e)
    {
        if (e.Name is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6")) return false;
        var classAndId = HtmlExtractor.ClassAndId(e);
        return classAndId.Length > 0 && HtmlRules.RelatedHeadingClass().IsMatch(classAndId);
    }

    private static Verdict Judge(HtmlElement e, Dictionary<string, bool> classVerdicts)
    {
        var name = e.Name;
        if (name is "body" or "html" or "main" or "article") return Verdict.Keep;
        if (HtmlRules.RemovedTags.Contains(name)) return Verdict.Always;
        if (name == "form") return e.TextContent.Length < HtmlRules.MaxRemovedFormChars ? Verdict.Always : Verdict.Keep;
        string? cls = null, id = null;
        // One walk over the attributes instead of a lookup per attribute name.
        foreach (var a in e.Attributes)
        {
            switch (a.Name)
            {
                case "class": cls = a.Value; break;
                case "id": id = a.Value; break;
                case "role": if (HtmlRules.RemovedRoles.Contains(a.Value.Trim())) return Verdict.Always; break;
                case "hidden": return Verdict.Always;
                case "aria-hidden": if (a.Value == "true") return Verdict.Always; break;
                case "style": if (HtmlRules.HiddenStyle().IsMatch(a.Value)) return Verdict.Always; break;
            }
        }
        if (name == "a") return Verdict.Keep;
        var classAndId = string.IsNullOrEmpty(cls) ? id ?? "" : string.IsNullOrEmpty(id) ? cls : cls + " " + id;
        if (classAndId.Length == 0) return Verdict.Keep;
        if (!classVerdicts.TryGetValue(classAndId, out var unlikely))
        {
            unlikely = HtmlRules.UnlikelyClass().IsMatch(classAndId) && !HtmlRules.MaybeCandidateClass().IsMatch(classAndId);
            classVerdicts[classAndId] = unlikely;
        }
        return unlikely ? Verdict.StrictOnly : Verdict.Keep;
    }
}
