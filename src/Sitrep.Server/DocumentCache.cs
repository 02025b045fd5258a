using System.Collections.Concurrent;
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

    private readonly object _gate = new();
    private (string Version, ConcurrentDictionary<string, Document> Documents, long[] Chars) _current = ("", new(), [0]);

    /// <summary>Forgets every remembered document.</summary>
    public void Clear()
    {
        lock (_gate) _current = (_current.Version, new(StringComparer.Ordinal), [0]);
    }

    /// <summary>The document <paramref name="id"/>: remembered, or read from <paramref name="store"/> (null when not stored).</summary>
    public Document? Get(IEventStore store, string id)
    {
        var now = version();
        (string Version, ConcurrentDictionary<string, Document> Documents, long[] Chars) g;
        lock (_gate)
        {
            if (now != _current.Version || _current.Documents.Count >= Capacity || Interlocked.Read(ref _current.Chars[0]) >= MaxChars)
                _current = (now, new(StringComparer.Ordinal), [0]);
            g = _current;
        }
        if (g.Documents.TryGetValue(id, out var known)) return known;
        if (store.GetDocument(id) is not { } document) return null;
        if (g.Documents.TryAdd(id, document)) Interlocked.Add(ref g.Chars[0], document.Text.Length);
        return document;
    }
}
