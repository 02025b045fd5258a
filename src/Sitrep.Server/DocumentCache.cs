using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// Source documents read for incident pages, kept per store version: a document usually reports several incidents
/// (and is read whole, with every layer, to find the evidence), so the incidents after the first reuse it. Bounded by
/// <see cref="Capacity"/> documents and <see cref="MaxChars"/> characters of text: past either it starts again.
/// </summary>
public sealed class DocumentCache(Func<string> version)
{
    /// <summary>Documents remembered before the cache starts again.</summary>
    public const int Capacity = 4096;

    /// <summary>Characters of document text remembered before the cache starts again.</summary>
    public const long MaxChars = 32L << 20;

    private readonly StoreGenerations<Document> _documents = new(version, Capacity, MaxChars);

    /// <summary>Forgets every remembered document.</summary>
    public void Clear() => _documents.Clear();

    /// <summary>The document <paramref name="id"/>: remembered, or read from <paramref name="store"/> (null when not stored).</summary>
    public Document? Get(IEventStore store, string id)
    {
        var g = _documents.Current();
        if (g.Items.TryGetValue(id, out var known)) return known;
        if (store.GetDocument(id) is not { } document) return null;
        if (g.Items.TryAdd(id, document)) g.AddSize(document.Text.Length);
        return document;
    }
}
