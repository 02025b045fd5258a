using System.Runtime.CompilerServices;

namespace Sitrep.Language;

/// <summary>
/// Name lists for the tagger's gazetteer features (data/language/ner_gazetteer.tsv, built by
/// build_ner_gazetteer.py): for each token, which kinds of listed names (LOC, ORG, MISC, ACT = actor alias, PER = first name,
/// TEAM = sports club, CO = company, LAST = surname) cover it, at their first token (B) or inside (I). Names are matched case-insensitively, token by token (names are split
/// on spaces); phrases are keyed by a 64-bit hash of their tokens' hashes, so matching makes no strings.
/// </summary>
public sealed class NerGazetteer
{
    /// <summary>Number of membership bits per token: B and I for each category.</summary>
    public const int Bits = 16;
    /// <summary>Longest listed name in tokens that is matched.</summary>
    public const int MaxTokens = 6;

    /// <summary>Mark bit of a token that starts a listed place name.</summary>
    internal const ushort PlaceStart = 1;
    /// <summary>Mark bit of a token that starts a listed first name.</summary>
    internal const ushort FirstNameStart = 1 << 8;

    private static readonly string[] Categories = ["LOC", "ORG", "MISC", "ACT", "PER", "TEAM", "CO", "LAST"];
    private const ushort PrefixFlag = 0x100;
    private static readonly Lazy<NerGazetteer> LazyDefault = new(() =>
    {
        using var r = EmbeddedData.Open("Sitrep.Language.ner_gazetteer.tsv");
        return Load(r);
    });

    // Phrase hash -> category bits (1 << category), plus PrefixFlag when a longer name continues it (never 0, the
    // table's "absent").
    private readonly HashKeyTable<ushort> _phrases;

    private NerGazetteer(Dictionary<ulong, ushort> phrases) =>
        _phrases = new HashKeyTable<ushort>([.. phrases.Select(p => (p.Key, p.Value))]);

    /// <summary>The embedded name lists, loaded once.</summary>
    public static NerGazetteer Default => LazyDefault.Value;

    /// <summary>A gazetteer with no names (features then carry no gazetteer information).</summary>
    public static NerGazetteer Empty { get; } = new([]);

    /// <summary>Number of distinct phrase keys (names and name prefixes).</summary>
    public int KeyCount => _phrases.Count;

    /// <summary>Reads "category TAB name" rows (categories LOC, ORG, MISC, ACT, PER, TEAM, CO, LAST).</summary>
    public static NerGazetteer Load(TextReader reader)
    {
        var phrases = new Dictionary<ulong, ushort>();
        foreach (var (line, f) in EmbeddedData.Rows(reader))
        {
            var cat = f.Length >= 2 ? Array.IndexOf(Categories, f[0].Trim()) : -1;
            if (cat < 0) throw new FormatException($"LANG011: ner_gazetteer line {line}: expected 'LOC|ORG|MISC|ACT|PER|TEAM|CO|LAST<TAB>name'.");
            var words = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words.Length > MaxTokens) continue;
            var h = Start;
            for (var k = 0; k < words.Length; k++)
            {
                h = Extend(h, LowerHash(words[k]));
                var bits = k == words.Length - 1 ? (ushort)(1 << cat) : PrefixFlag;
                phrases[h] = (ushort)(phrases.GetValueOrDefault(h) | bits);
            }
        }
        return new NerGazetteer(phrases);
    }

    /// <summary>
    /// Sets marks[k] to the membership bits of token k, given each token's <see cref="LowerHash"/>: bit 2c for the
    /// first token of a name of category c (LOC, ORG, MISC, ACT, PER, TEAM, CO, LAST), bit 2c+1 for a later token.
    /// </summary>
    public void Mark(ReadOnlySpan<ulong> lowerHashes, Span<ushort> marks)
    {
        var n = lowerHashes.Length;
        marks[..n].Clear();
        if (_phrases.Count == 0) return;
        var table = _phrases;
        for (var i = 0; i < n; i++)
        {
            var h = Start;
            for (var j = i; j < n && j - i < MaxTokens; j++)
            {
                h = Extend(h, lowerHashes[j]);
                var v = table.Get(h);
                if (v == 0) break;
                for (var c = 0; c < Categories.Length; c++)
                {
                    if ((v & (1 << c)) == 0) continue;
                    marks[i] |= (ushort)(1 << (2 * c));
                    for (var k = i + 1; k <= j; k++) marks[k] |= (ushort)(1 << (2 * c + 1));
                }
                if ((v & PrefixFlag) == 0) break;
            }
        }
    }

    private const ulong Start = 0x243F6A8885A308D3UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Extend(ulong h, ulong token) => (h ^ token) * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

    /// <summary>FNV-1a hash of a token's lower-case characters (ASCII fast path).</summary>
    public static ulong LowerHash(ReadOnlySpan<char> t)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in t) h = (h ^ LowerChar(c)) * 0x100000001B3UL;
        return h;
    }

    /// <summary>Lower-case of one character, without culture and fast for ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char LowerChar(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);
}
