namespace Sitrep.Core;

/// <summary>
/// The article found in a raw document: clean text plus the metadata the page states.
/// Several articles on one page are separate <see cref="Segments"/> of one text, separated by a blank line.
/// </summary>
public sealed record Article
{
    /// <summary>Clean article text; segments are separated by "\n\n".</summary>
    public required string Text { get; init; }
    /// <summary>Headline, when found.</summary>
    public string? Title { get; init; }
    /// <summary>Publication date stated by the page, when found.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Outlet or site name stated by the page.</summary>
    public string? SiteName { get; init; }
    /// <summary>Author line, when found.</summary>
    public string? Byline { get; init; }
    /// <summary>Canonical URL stated by the page.</summary>
    public string? CanonicalUrl { get; init; }
    /// <summary>Character ranges of each article on the page (one range for a single article).</summary>
    public IReadOnlyList<TextRange> Segments { get; init; } = [];
    /// <summary>Why the text is empty or suspect, when it is (e.g. "no text found").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
