using System.Runtime.CompilerServices;

namespace Sitrep.Places;

/// <summary>
/// Folds place names to lookup keys: lower case, no diacritics, no apostrophes, words separated by one space
/// ("Deir ez-Zor" → "deir ez zor"), plus an article-free key ("deir zor") so al-/el-/ez- variants meet.
/// </summary>
public static class NameKey
{
    private const int TableSize = 0x2000;
    // Folded form of every char below U+2000: a letter/digit, ' ' for separators, '\0' for dropped chars.
    private static readonly char[] Table = BuildTable();

    // Arabic article spellings dropped from the article-free key; data kept here so the rule has one home.
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "al", "el", "ar", "ad", "as", "at", "az", "ash", "an", "ez", "es", "er", "ed", "ul", "il",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ArticleLookup =
        Articles.GetAlternateLookup<ReadOnlySpan<char>>();

    // Pairs (accented letter, base letter) for Latin-1, Latin Extended-A/B and Latin Extended Additional, generated
    // from Unicode NFKD: the build runs with invariant globalization, where string.Normalize is not available.
    private const string Decomposition =
        "\u00C0a\u00C1a\u00C2a\u00C3a\u00C4a\u00C5a\u00C7c\u00C8e\u00C9e\u00CAe\u00CBe\u00CCi\u00CDi\u00CEi\u00CFi\u00D1n\u00D2o\u00D3o\u00D4o\u00D5o\u00D6o\u00D9u\u00DAu\u00DBu" +
        "\u00DCu\u00DDy\u00E0a\u00E1a\u00E2a\u00E3a\u00E4a\u00E5a\u00E7c\u00E8e\u00E9e\u00EAe\u00EBe\u00ECi\u00EDi\u00EEi\u00EFi\u00F1n\u00F2o\u00F3o\u00F4o\u00F5o\u00F6o\u00F9u" +
        "\u00FAu\u00FBu\u00FCu\u00FDy\u00FFy\u0100a\u0101a\u0102a\u0103a\u0104a\u0105a\u0106c\u0107c\u0108c\u0109c\u010Ac\u010Bc\u010Cc\u010Dc\u010Ed\u010Fd\u0112e\u0113e\u0114e" +
        "\u0115e\u0116e\u0117e\u0118e\u0119e\u011Ae\u011Be\u011Cg\u011Dg\u011Eg\u011Fg\u0120g\u0121g\u0122g\u0123g\u0124h\u0125h\u0128i\u0129i\u012Ai\u012Bi\u012Ci\u012Di\u012Ei" +
        "\u012Fi\u0130i\u0132i\u0133i\u0134j\u0135j\u0136k\u0137k\u0139l\u013Al\u013Bl\u013Cl\u013Dl\u013El\u013Fl\u0140l\u0143n\u0144n\u0145n\u0146n\u0147n\u0148n\u014Co\u014Do" +
        "\u014Eo\u014Fo\u0150o\u0151o\u0154r\u0155r\u0156r\u0157r\u0158r\u0159r\u015As\u015Bs\u015Cs\u015Ds\u015Es\u015Fs\u0160s\u0161s\u0162t\u0163t\u0164t\u0165t\u0168u\u0169u" +
        "\u016Au\u016Bu\u016Cu\u016Du\u016Eu\u016Fu\u0170u\u0171u\u0172u\u0173u\u0174w\u0175w\u0176y\u0177y\u0178y\u0179z\u017Az\u017Bz\u017Cz\u017Dz\u017Ez\u017Fs\u01A0o\u01A1o" +
        "\u01AFu\u01B0u\u01C4d\u01C5d\u01C6d\u01C7l\u01C8l\u01C9l\u01CAn\u01CBn\u01CCn\u01CDa\u01CEa\u01CFi\u01D0i\u01D1o\u01D2o\u01D3u\u01D4u\u01D5u\u01D6u\u01D7u\u01D8u\u01D9u" +
        "\u01DAu\u01DBu\u01DCu\u01DEa\u01DFa\u01E0a\u01E1a\u01E6g\u01E7g\u01E8k\u01E9k\u01EAo\u01EBo\u01ECo\u01EDo\u01F0j\u01F1d\u01F2d\u01F3d\u01F4g\u01F5g\u01F8n\u01F9n\u01FAa" +
        "\u01FBa\u0200a\u0201a\u0202a\u0203a\u0204e\u0205e\u0206e\u0207e\u0208i\u0209i\u020Ai\u020Bi\u020Co\u020Do\u020Eo\u020Fo\u0210r\u0211r\u0212r\u0213r\u0214u\u0215u\u0216u" +
        "\u0217u\u0218s\u0219s\u021At\u021Bt\u021Eh\u021Fh\u0226a\u0227a\u0228e\u0229e\u022Ao\u022Bo\u022Co\u022Do\u022Eo\u022Fo\u0230o\u0231o\u0232y\u0233y\u1E00a\u1E01a\u1E02b" +
        "\u1E03b\u1E04b\u1E05b\u1E06b\u1E07b\u1E08c\u1E09c\u1E0Ad\u1E0Bd\u1E0Cd\u1E0Dd\u1E0Ed\u1E0Fd\u1E10d\u1E11d\u1E12d\u1E13d\u1E14e\u1E15e\u1E16e\u1E17e\u1E18e\u1E19e\u1E1Ae" +
        "\u1E1Be\u1E1Ce\u1E1De\u1E1Ef\u1E1Ff\u1E20g\u1E21g\u1E22h\u1E23h\u1E24h\u1E25h\u1E26h\u1E27h\u1E28h\u1E29h\u1E2Ah\u1E2Bh\u1E2Ci\u1E2Di\u1E2Ei\u1E2Fi\u1E30k\u1E31k\u1E32k" +
        "\u1E33k\u1E34k\u1E35k\u1E36l\u1E37l\u1E38l\u1E39l\u1E3Al\u1E3Bl\u1E3Cl\u1E3Dl\u1E3Em\u1E3Fm\u1E40m\u1E41m\u1E42m\u1E43m\u1E44n\u1E45n\u1E46n\u1E47n\u1E48n\u1E49n\u1E4An" +
        "\u1E4Bn\u1E4Co\u1E4Do\u1E4Eo\u1E4Fo\u1E50o\u1E51o\u1E52o\u1E53o\u1E54p\u1E55p\u1E56p\u1E57p\u1E58r\u1E59r\u1E5Ar\u1E5Br\u1E5Cr\u1E5Dr\u1E5Er\u1E5Fr\u1E60s\u1E61s\u1E62s" +
        "\u1E63s\u1E64s\u1E65s\u1E66s\u1E67s\u1E68s\u1E69s\u1E6At\u1E6Bt\u1E6Ct\u1E6Dt\u1E6Et\u1E6Ft\u1E70t\u1E71t\u1E72u\u1E73u\u1E74u\u1E75u\u1E76u\u1E77u\u1E78u\u1E79u\u1E7Au" +
        "\u1E7Bu\u1E7Cv\u1E7Dv\u1E7Ev\u1E7Fv\u1E80w\u1E81w\u1E82w\u1E83w\u1E84w\u1E85w\u1E86w\u1E87w\u1E88w\u1E89w\u1E8Ax\u1E8Bx\u1E8Cx\u1E8Dx\u1E8Ey\u1E8Fy\u1E90z\u1E91z\u1E92z" +
        "\u1E93z\u1E94z\u1E95z\u1E96h\u1E97t\u1E98w\u1E99y\u1E9Aa\u1E9Bs\u1EA0a\u1EA1a\u1EA2a\u1EA3a\u1EA4a\u1EA5a\u1EA6a\u1EA7a\u1EA8a\u1EA9a\u1EAAa\u1EABa\u1EACa\u1EADa\u1EAEa" +
        "\u1EAFa\u1EB0a\u1EB1a\u1EB2a\u1EB3a\u1EB4a\u1EB5a\u1EB6a\u1EB7a\u1EB8e\u1EB9e\u1EBAe\u1EBBe\u1EBCe\u1EBDe\u1EBEe\u1EBFe\u1EC0e\u1EC1e\u1EC2e\u1EC3e\u1EC4e\u1EC5e\u1EC6e" +
        "\u1EC7e\u1EC8i\u1EC9i\u1ECAi\u1ECBi\u1ECCo\u1ECDo\u1ECEo\u1ECFo\u1ED0o\u1ED1o\u1ED2o\u1ED3o\u1ED4o\u1ED5o\u1ED6o\u1ED7o\u1ED8o\u1ED9o\u1EDAo\u1EDBo\u1EDCo\u1EDDo\u1EDEo" +
        "\u1EDFo\u1EE0o\u1EE1o\u1EE2o\u1EE3o\u1EE4u\u1EE5u\u1EE6u\u1EE7u\u1EE8u\u1EE9u\u1EEAu\u1EEBu\u1EECu\u1EEDu\u1EEEu\u1EEFu\u1EF0u\u1EF1u\u1EF2y\u1EF3y\u1EF4y\u1EF5y\u1EF6y" +
        "\u1EF7y\u1EF8y\u1EF9y";

    private static char[] BuildTable()
    {
        var t = new char[TableSize];
        for (var c = 0; c < TableSize; c++)
        {
            var ch = (char)c;
            if (ch is '\'' or '`' or '´' or 'ʿ' or 'ʾ' or 'ʼ' or 'ʻ' or '\u00AD') t[c] = '\0';
            else if (char.IsLetterOrDigit(ch)) t[c] = char.ToLowerInvariant(ch);
            else t[c] = ' ';
        }
        for (var i = 0; i + 1 < Decomposition.Length; i += 2)
            if (Decomposition[i] < TableSize) t[Decomposition[i]] = Decomposition[i + 1];
        // Letters that do not decompose to a base letter.
        foreach (var (from, to) in new[] { ('ø', 'o'), ('Ø', 'o'), ('đ', 'd'), ('Đ', 'd'), ('ł', 'l'), ('Ł', 'l'),
                     ('æ', 'a'), ('Æ', 'a'), ('œ', 'o'), ('Œ', 'o'), ('ß', 's'), ('ı', 'i'), ('ħ', 'h'), ('þ', 't') })
            t[from] = to;
        return t;
    }

    private static char FoldChar(char c) => c < TableSize ? Table[c]
        : c is '‘' or '’' or '′' ? '\0'
        : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';

    /// <summary>Writes the folded key of <paramref name="name"/> into <paramref name="buffer"/>; returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Fold(ReadOnlySpan<char> name, Span<char> buffer)
    {
        var n = 0;
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (n >= buffer.Length) break;
            var f = FoldChar(c);
            if (f == '\0') continue;
            if (f == ' ') { pendingSpace = n > 0; continue; }
            if (pendingSpace && n < buffer.Length - 1) buffer[n++] = ' ';
            pendingSpace = false;
            buffer[n++] = f;
        }
        return n;
    }

    /// <summary>Removes Arabic articles from a folded key in place ("deir ez zor" → "deir zor", "ezzor" → "zor"); returns the new length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int StripArticles(Span<char> key, int length)
    {
        var n = 0;
        var start = 0;
        var kept = 0;
        for (var i = 0; i <= length; i++)
        {
            if (i < length && key[i] != ' ') continue;
            var word = key[start..i];
            var isLast = i >= length;
            // Keep the word when it is the whole name, or when dropping it would leave nothing.
            if (!(ArticleLookup.Contains(word) && !(isLast && kept == 0)))
            {
                // Sun-letter assimilation: "ezzor", "arraqqa" → "zor", "raqqa".
                if (word.Length >= 5 && word[0] is 'a' or 'e' && word[1] == word[2] && word[1] is 'd' or 'l' or 'n' or 'r' or 's' or 't' or 'z')
                    word = word[2..];
                if (n > 0) key[n++] = ' ';
                word.CopyTo(key[n..]);
                n += word.Length;
                kept++;
            }
            start = i + 1;
        }
        return n;
    }

    /// <summary>Shortest loose key worth looking up: shorter ones collide too often.</summary>
    public const int MinSkeleton = 4;

    /// <summary>
    /// Turns an article-free key into a loose transliteration key in place, for names no exact key matches:
    /// every vowel is one class, doubled letters count once, q is k, and a word-final h after a vowel goes
    /// ("maarat numan", "maarrat numan", "marat numaan" → "marat naman"). The gazetteer uses it only for names of
    /// several words. Returns its length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Skeleton(Span<char> key, int length)
    {
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            var c = key[i] switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' => 'a',
                'q' => 'k',
                var other => other,
            };
            if (c == 'h' && n > 0 && key[n - 1] == 'a' && (i + 1 == length || key[i + 1] == ' ')) continue;
            if (n > 0 && key[n - 1] == c) continue;
            key[n++] = c;
        }
        return n;
    }

    /// <summary>The folded key of <paramref name="name"/> (allocates).</summary>
    public static string Of(string name)
    {
        Span<char> buf = stackalloc char[128];
        return new string(buf[..Fold(name, buf)]);
    }

    /// <summary>The article-free folded key of <paramref name="name"/> (allocates).</summary>
    public static string ArticleFree(string name)
    {
        Span<char> buf = stackalloc char[128];
        var n = Fold(name, buf);
        return new string(buf[..StripArticles(buf, n)]);
    }
}
