using System.Collections.Frozen;

namespace Sitrep.EventCoding;

/// <summary>A case-insensitive set of words that can be probed with a span, so token lookups do not allocate.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _set = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var w in _set) MaxLength = Math.Max(MaxLength, w.Length);
    }

    /// <summary>Length of the longest word: a longer one is no member (ignoring case keeps the length).</summary>
    public int MaxLength { get; }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}

/// <summary>A case-insensitive word-to-value map probed with spans.</summary>
internal sealed class WordMap<T>
{
    private readonly FrozenDictionary<string, T> _map;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordMap(IEnumerable<KeyValuePair<string, T>> pairs)
    {
        _map = pairs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> word, out T value) => _lookup.TryGetValue(word, out value!);
}
