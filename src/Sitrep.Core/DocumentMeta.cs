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
}
