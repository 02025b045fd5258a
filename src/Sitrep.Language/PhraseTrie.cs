namespace Sitrep.Language;

/// <summary>
/// A trie over token sequences for longest-match lookup in tokenized text without allocating per token.
/// Each phrase token is stored either case-sensitively (all-caps acronyms such as "IS") or case-insensitively.
/// </summary>
internal sealed class PhraseTrie<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Exact;
        public Dictionary<string, Node>? Folded;
        // Span views of the two maps, made once: GetAlternateLookup checks the comparer on every call, and the walk
        // asks at every token of every document.
        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>>? ExactLookup;
        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>>? FoldedLookup;
        public List<T>? Values;
    }

    private readonly Node _root = new();
    // One bit per hash of a first token, folded to upper case: most words of a text start no phrase, and the bit
    // (an 8 KB table that stays in cache) says so without a probe of the large root dictionaries.
    private readonly ulong[] _firstTokens = new ulong[FirstTokenBits / 64];
    private const int FirstTokenBits = 1 << 16;

    /// <summary>Number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a phrase given as token strings; <paramref name="caseSensitive"/> decides per token.</summary>
    public void Add(IReadOnlyList<string> tokens, Func<string, bool> caseSensitive, T value)
    {
        if (tokens.Count == 0) return;
        if (FirstTokenBit(tokens[0]) is var bit and >= 0) _firstTokens[bit >> 6] |= 1UL << bit;
        foreach (var c in tokens[0]) if (c >= 0x80) _anyNonAsciiFirst = true;
        var node = _root;
        foreach (var token in tokens)
        {
            Dictionary<string, Node> map;
            if (caseSensitive(token))
            {
                map = node.Exact ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                node.ExactLookup ??= map.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            else
            {
                map = node.Folded ??= new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
                node.FoldedLookup ??= map.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            if (!map.TryGetValue(token, out var child)) map[token] = child = new Node();
            node = child;
        }
        node.Values ??= [];
        if (!node.Values.Contains(value)) { node.Values.Add(value); Count++; }
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="from"/> (not reaching <paramref name="limit"/>) that has
    /// at least one value accepted by <paramref name="accept"/>. Returns the exclusive end token and the phrase's
    /// values, or (-1, null).
    /// </summary>
    public (int End, List<T>? Values) LongestMatch(string text, int[] starts, int[] ends, int from, int limit, Func<T, bool>? accept = null)
    {
        var best = (-1, (List<T>?)null);
        if (from < limit && !MayStart(text.AsSpan(starts[from], ends[from] - starts[from]))) return best;
        Walk(_root, text, starts, ends, from, limit, accept, ref best);
        return best;
    }

    private bool _anyNonAsciiFirst;

    /// <summary>False only when no phrase can start with <paramref name="token"/>.</summary>
    private bool MayStart(ReadOnlySpan<char> token)
    {
        var bit = FirstTokenBit(token);
        // A token with other letters can only equal a first token that has some too.
        return bit < 0 ? _anyNonAsciiFirst : (_firstTokens[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>
    /// The filter bit of a token, the same for every spelling the trie's exact and case-insensitive maps treat as
    /// equal: ASCII chars folded to upper case; -1 for a token with any other char, since ignoring case no char outside
    /// ASCII equals one inside (not even 'ı' or 'ſ'), so such a token can only equal a first token that has one too.
    /// </summary>
    private static int FirstTokenBit(ReadOnlySpan<char> token)
    {
        var h = 2166136261u;
        foreach (var c in token)
        {
            int f = c switch
            {
                >= 'a' and <= 'z' => c - 32,
                < (char)0x80 => c,
                _ => -1,
            };
            if (f < 0) return -1;
            h = (h ^ (uint)f) * 16777619u;
        }
        return (int)((h ^ (h >> 16)) & (FirstTokenBits - 1));
    }

    private static void Walk(Node node, string text, int[] starts, int[] ends, int i, int limit, Func<T, bool>? accept,
        ref (int End, List<T>? Values) best)
    {
        if (i >= limit) return;
        var token = text.AsSpan(starts[i], ends[i] - starts[i]);
        if (node.ExactLookup is { } exact && exact.TryGetValue(token, out var e))
            Visit(e, text, starts, ends, i, limit, accept, ref best);
        if (node.FoldedLookup is { } folded && folded.TryGetValue(token, out var f))
            Visit(f, text, starts, ends, i, limit, accept, ref best);
    }

    private static void Visit(Node child, string text, int[] starts, int[] ends, int i, int limit, Func<T, bool>? accept,
        ref (int End, List<T>? Values) best)
    {
        if (child.Values is { } values && i + 1 > best.End && AnyAccepted(values, accept)) best = (i + 1, values);
        Walk(child, text, starts, ends, i + 1, limit, accept, ref best);
    }

    private static bool AnyAccepted(List<T> values, Func<T, bool>? accept)
    {
        if (accept is null) return true;
        foreach (var v in values) if (accept(v)) return true;
        return false;
    }

    /// <summary>
    /// True for tokens that must match as written: all-caps acronyms ("IS", "SDF", "U.S.") and words with a capital
    /// right after a small letter ("LeT", "JeM"), which would otherwise match ordinary words ("let").
    /// </summary>
    public static bool IsCaseSensitive(string token)
    {
        if (IsAcronym(token)) return true;
        for (var i = 1; i < token.Length; i++)
            if (char.IsUpper(token[i]) && char.IsLower(token[i - 1])) return true;
        return false;
    }

    /// <summary>True for tokens of two or more letters that are all upper-case ("IS", "SDF", "U.S.").</summary>
    public static bool IsAcronym(ReadOnlySpan<char> token)
    {
        var letters = 0;
        foreach (var c in token)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }
}
