namespace Sitrep.Core;

/// <summary>Document-level metadata after extraction: where it came from and when it was published.</summary>
/// <param name="Id">Stable document identifier.</param>
/// <param name="Path">Input path the document was read from.</param>
public sealed record DocumentMeta(string Id, string Path)
{
    public string? Url { get; init; }
    public string? Source { get; init; }
    public string? Title { get; init; }
    /// <summary>The publication date every relative date is resolved against; null means relative dates stay unresolved.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Where <see cref="Published"/> came from: "input", "page", "default" (--published), or null.</summary>
    public string? PublishedSource { get; init; }
    /// <summary>Hex SHA-256 of the raw input bytes: the identity used to store a document once.</summary>
    public string ContentHash { get; init; } = "";
}
