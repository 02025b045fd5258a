using System.Runtime.CompilerServices;

namespace Sitrep.Language;

/// <summary>
/// Turns the tokens of one sentence into hashed feature ids for the tagger: the word as written and in lower case,
/// its shape and capitalisation class, prefixes and suffixes, the words and shapes two to each side, word bigrams,
/// sentence position, a headline flag (lines in capitals), gazetteer membership, the run of capitalised words the token
/// is in, word clusters (prefixes of the bit paths of <see cref="NerWordClusters"/>) of the word and its neighbours, and
/// with a document memory how and where the word appears elsewhere in the document. Ids are bucket numbers in
/// [0, 2^Bits): feature hashing keeps the model a fixed size and needs no feature dictionary. No strings are made:
/// every hash is computed over the text's characters.
/// </summary>
public sealed class NerFeatures
{
    /// <summary>
    /// Version of the feature set; a model records it and refuses to load under another (6: a model file holds one or
    /// two stages, the second with <see cref="NerStacking"/>'s features; 5: word clusters; 7: each stage may hold dense
    /// word-embedding weights, <see cref="NerDense"/>).
    /// </summary>
    public const int Version = 7;

    private const ulong Bos = 0x9E3779B97F4A7C15UL, Eos = 0xC2B2AE3D27D4EB4FUL;
    private const ulong UnknownCluster = 0x7F4A7C159E3779B9UL;
    private readonly NerGazetteer _gazetteer;
    private readonly NerWordClusters _clusters;

    /// <summary>
    /// Feature extraction into 2^<paramref name="bits"/> buckets, with gazetteer features from <paramref name="gazetteer"/>,
    /// word-cluster features from <paramref name="clusters"/> and word vectors from <paramref name="embeddings"/> (none when null).
    /// </summary>
    public NerFeatures(int bits, NerGazetteer gazetteer, NerWordClusters? clusters = null, NerWordEmbeddings? embeddings = null)
    {
        if (bits is < 10 or > 26) throw new ArgumentOutOfRangeException(nameof(bits), "LANG010: feature bits must be within 10..26.");
        Bits = bits;
        _gazetteer = gazetteer;
        _clusters = clusters ?? NerWordClusters.Empty;
        Embeddings = embeddings ?? NerWordEmbeddings.Empty;
        _words = Embeddings.Count == 0 ? null : WordTable(_clusters, Embeddings);
    }

    // With word vectors: each word's cluster path (low half) and vector row + 1 (high half) in one table, so a token
    // costs one probe of a 4 MB table instead of two.
    private readonly HashKeyTable<ulong>? _words;

    private static HashKeyTable<ulong> WordTable(NerWordClusters clusters, NerWordEmbeddings embeddings)
    {
        var entries = new List<(ulong, ulong)>(embeddings.Count + 1024);
        foreach (var (key, path) in clusters.Entries())
            entries.Add((key, path | ((ulong)(uint)(embeddings.Row(key) + 1) << 32)));
        foreach (var (key, row) in embeddings.Entries())
            if (clusters.Lookup(key) == NerWordClusters.Unknown) entries.Add((key, (ulong)(uint)(row + 1) << 32));
        return new HashKeyTable<ulong>(entries);
    }

    /// <summary>Features over the embedded gazetteer, word clusters and word vectors, as the shipped model was trained.</summary>
    public static NerFeatures CreateDefault(int bits) => new(bits, NerGazetteer.Default, NerWordClusters.Default, NerWordEmbeddings.Default);

    /// <summary>The word vectors whose rows <see cref="Extract"/> writes into <see cref="Scratch.Embedding"/>.</summary>
    public NerWordEmbeddings Embeddings { get; }

    /// <summary>log2 of the number of feature buckets.</summary>
    public int Bits { get; }

    /// <summary>Upper bound on the features of one token (the buffer size <see cref="Extract"/> needs per token).</summary>
    public const int MaxPerToken = 128;

    /// <summary>Per-sentence working arrays, reused across calls by one thread.</summary>
    public sealed class Scratch
    {
        internal ulong[] Lower = [], Exact = [], Shape = [], Pre = [], Suf = [];
        internal byte[] Cap = [];
        internal ushort[] Gaz = [];
        internal uint[] Cluster = [];
        /// <summary>
        /// Each token's embedding code: its row in <see cref="Embeddings"/> (-1 when not listed), with
        /// <see cref="NerDense.AllCapsFlag"/> set for a word in capitals outside a headline.
        /// </summary>
        public int[] Embedding = [];
        /// <summary>Feature ids of the sentence, token after token.</summary>
        public int[] Ids = [];
        /// <summary>Index into <see cref="Ids"/> where token k's features begin; token k ends where k+1 begins.</summary>
        public int[] Offsets = [];

        internal void Ensure(int n)
        {
            if (Lower.Length >= n) return;
            var m = Math.Max(n, 2 * Lower.Length);
            Lower = new ulong[m]; Exact = new ulong[m]; Shape = new ulong[m]; Pre = new ulong[4 * m]; Suf = new ulong[4 * m];
            Cap = new byte[m]; Gaz = new ushort[m]; Cluster = new uint[m]; Embedding = new int[m];
            Ids = new int[m * MaxPerToken]; Offsets = new int[m + 1];
        }
    }

    /// <summary>Capitalisation classes of a token.</summary>
    private enum CapClass : byte { Lower = 1, Initial, AllCaps, Mixed, Digits, HasDigit, Punct, Other }

    /// <summary>
    /// Fills <paramref name="s"/> with the feature ids of tokens [<paramref name="first"/>, <paramref name="end"/>) of
    /// <paramref name="text"/> (token k spans [starts[k], ends[k])).
    /// </summary>
    /// <param name="memory">The document's memory for non-local features, or null for a sentence on its own.</param>
    public void Extract(string text, int[] starts, int[] ends, int first, int end, Scratch s, NerMemory? memory = null)
    {
        var n = end - first;
        s.Ensure(n);
        int letters = 0, capsWords = 0;
        for (var k = 0; k < n; k++)
        {
            var t = text.AsSpan(starts[first + k], ends[first + k] - starts[first + k]);
            HashToken(t, k, s);
            if (_words is null) (s.Cluster[k], s.Embedding[k]) = (_clusters.Lookup(s.Lower[k]), -1);
            else
            {
                var word = _words.Get(s.Lower[k]);
                (s.Cluster[k], s.Embedding[k]) = ((uint)word, (int)(word >> 32) - 1);
            }
            if (t.Length >= 2 && char.IsLetter(t[0]))
            {
                letters++;
                if ((CapClass)s.Cap[k] == CapClass.AllCaps) capsWords++;
            }
        }
        _gazetteer.Mark(s.Lower.AsSpan(0, n), s.Gaz);
        // A line mostly in capitals (a headline, a sports table) says nothing by its capitals.
        ulong headline = letters >= 2 && capsWords * 2 > letters ? 1UL : 0UL;
        if (headline == 0)
            for (var k = 0; k < n; k++)
                if ((CapClass)s.Cap[k] == CapClass.AllCaps && s.Embedding[k] >= 0) s.Embedding[k] |= NerDense.AllCapsFlag;
        var ids = s.Ids;
        var p = 0;
        for (var k = 0; k < n; k++)
        {
            s.Offsets[k] = p;
            var lw = s.Lower[k];
            var l1 = k > 0 ? s.Lower[k - 1] : Bos;
            var r1 = k + 1 < n ? s.Lower[k + 1] : Eos;
            var l2 = k > 1 ? s.Lower[k - 2] : Bos;
            var r2 = k + 2 < n ? s.Lower[k + 2] : Eos;
            var sh = s.Shape[k];
            var shl = k > 0 ? s.Shape[k - 1] : Bos;
            var shr = k + 1 < n ? s.Shape[k + 1] : Eos;
            ulong cap = s.Cap[k];
            ulong capl = k > 0 ? s.Cap[k - 1] : 0UL, capr = k + 1 < n ? s.Cap[k + 1] : 0UL;
            ids[p++] = Id(0, 0);
            ids[p++] = Id(1, s.Exact[k]);
            ids[p++] = Id(2, lw);
            ids[p++] = Id(3, sh);
            ids[p++] = Id(4, cap);
            for (var a = 0; a < 4; a++)
            {
                ids[p++] = Id(5 + a, s.Pre[4 * k + a]);
                ids[p++] = Id(9 + a, s.Suf[4 * k + a]);
            }
            ids[p++] = Id(13, l1);
            ids[p++] = Id(14, r1);
            ids[p++] = Id(15, l2);
            ids[p++] = Id(16, r2);
            ids[p++] = Id(17, shl);
            ids[p++] = Id(18, shr);
            ids[p++] = Id(19, Combine(l1, lw));
            ids[p++] = Id(20, Combine(lw, r1));
            ids[p++] = Id(21, capl | (cap << 8) | (capr << 16));
            ids[p++] = Id(22, (k == 0 ? 1UL : 0UL) | (cap << 1));
            ids[p++] = Id(23, headline | (cap << 1));
            ids[p++] = Id(24, Combine(headline, lw));
            ids[p++] = Id(25, Combine(l1, sh));
            ids[p++] = Id(26, Combine(sh, r1));
            ids[p++] = Id(27, Combine(l2, l1));
            ids[p++] = Id(28, Combine(r1, r2));
            ids[p++] = Id(29, Combine(s.Suf[4 * k + 2], cap));
            ulong g = s.Gaz[k];
            ulong gl = k > 0 ? s.Gaz[k - 1] : 0UL, gr = k + 1 < n ? s.Gaz[k + 1] : 0UL;
            ids[p++] = Id(30, g | (headline << 16));
            ids[p++] = Id(31, gl);
            ids[p++] = Id(32, gr);
            for (var bit = 0; bit < NerGazetteer.Bits; bit++)
                if ((g & (1UL << bit)) != 0) ids[p++] = Id(33, (uint)bit | (cap << 8));
            // Word clusters of the word and its neighbours at several depths; unlisted words fall back to their shape.
            for (var i = 0; i < 4; i++) ids[p++] = Id(45 + i, ClusterValue(s, k, 4 + 4 * i));
            for (var i = 0; i < 3; i++)
            {
                ids[p++] = Id(49 + i, k > 0 ? ClusterValue(s, k - 1, 4 + 4 * i) : Bos);
                ids[p++] = Id(52 + i, k + 1 < n ? ClusterValue(s, k + 1, 4 + 4 * i) : Eos);
            }
            ids[p++] = Id(55, k > 1 ? ClusterValue(s, k - 2, 8) : Bos);
            ids[p++] = Id(56, k + 2 < n ? ClusterValue(s, k + 2, 8) : Eos);
            ids[p++] = Id(57, Combine(ClusterValue(s, k, 12), cap));
            if (IsCapitalisedClass(s.Cap[k]))
            {
                // The run of capitalised words the token is in: an unseen name is often told by its head ("... United",
                // "... Ministry"), its first word, its length and the words around the whole run.
                int a = k, e = k + 1;
                while (a > 0 && IsCapitalisedClass(s.Cap[a - 1])) a--;
                while (e < n && IsCapitalisedClass(s.Cap[e])) e++;
                ulong len = (ulong)Math.Min(e - a, 4), pos = (ulong)Math.Min(k - a, 3);
                ids[p++] = Id(36, len | (pos << 3) | (headline << 6) | ((a == 0 ? 1UL : 0UL) << 7));
                if (e - a > 1)
                {
                    ids[p++] = Id(37, Combine(s.Lower[e - 1], k == e - 1 ? 1UL : 0UL));
                    ids[p++] = Id(38, Combine(s.Lower[a], k == a ? 1UL : 0UL));
                }
                ids[p++] = Id(39, a > 0 ? s.Lower[a - 1] : Bos);
                ids[p++] = Id(40, e < n ? s.Lower[e] : Eos);
            }
            if (memory is not null && IsCapitalisedClass(s.Cap[k]))
            {
                ids[p++] = Id(34, (uint)memory.HistoryOf(lw) | (cap << 8));
                ids[p++] = Id(35, memory.FormsOf(lw) | (cap << 8) | ((k == 0 ? 1UL : 0UL) << 16) | (headline << 17));
                var contexts = memory.ContextsOf(lw);
                for (var bit = 0; bit < 2 * NerMemory.ContextClasses; bit++)
                    if ((contexts & (1 << bit)) != 0) ids[p++] = Id(42, (uint)bit | (cap << 8));
                var neighbours = memory.NeighboursOf(lw, _clusters, out var neighbourClusters);
                for (var i = 0; i < neighbours.Length; i++)
                    if (neighbours[i] != 0) ids[p++] = Id(i < NerMemory.Neighbours ? 43 : 44, neighbours[i]);
                // The clusters of those neighbour words: "beat" and "defeated" around a team's name say the same.
                for (var i = 0; i < neighbourClusters.Length; i++)
                {
                    var c = neighbourClusters[i];
                    if (c != NerWordClusters.Unknown) ids[p++] = Id(i < NerMemory.Neighbours ? 58 : 59, NerWordClusters.Prefix(c, 8));
                }
            }
        }
        s.Offsets[n] = p;
    }

    /// <summary>Token k's cluster path cut to <paramref name="length"/> bits, or its shape when the word is not listed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ClusterValue(Scratch s, int k, int length)
    {
        var c = s.Cluster[k];
        return c == NerWordClusters.Unknown ? Combine(UnknownCluster, s.Shape[k]) : NerWordClusters.Prefix(c, length);
    }

    /// <summary>True for the capitalisation classes of words that may be names (initial capital, all caps, mixed).</summary>
    internal static bool IsCapitalisedClass(byte cap) => (CapClass)cap is CapClass.Initial or CapClass.AllCaps or CapClass.Mixed;

    /// <summary>Lower-case hashes of the sentence's tokens from the last <see cref="Extract"/>.</summary>
    internal static ReadOnlySpan<ulong> LowerHashes(Scratch s, int n) => s.Lower.AsSpan(0, n);

    /// <summary>Gazetteer membership bits of the sentence's tokens from the last <see cref="Extract"/>.</summary>
    internal static ReadOnlySpan<ushort> GazetteerMarks(Scratch s, int n) => s.Gaz.AsSpan(0, n);

    /// <summary>Embedding codes of the sentence's tokens from the last <see cref="Extract"/> (see <see cref="Scratch.Embedding"/>).</summary>
    internal static ReadOnlySpan<int> EmbeddingCodes(Scratch s, int n) => s.Embedding.AsSpan(0, n);

    /// <summary>Capitalisation classes of the sentence's tokens from the last <see cref="Extract"/>.</summary>
    internal static ReadOnlySpan<byte> CapClasses(Scratch s, int n) => s.Cap.AsSpan(0, n);

    private static void HashToken(ReadOnlySpan<char> t, int k, Scratch s)
    {
        // Lower must equal NerGazetteer.LowerHash: the gazetteer is keyed by it.
        ulong lower = 0xCBF29CE484222325UL, exact = lower, shape = lower;
        int upper = 0, lowerCount = 0, digits = 0;
        var lastClass = '\0';
        var shapeLen = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var lc = NerGazetteer.LowerChar(c);
            exact = (exact ^ c) * 0x100000001B3UL;
            lower = (lower ^ lc) * 0x100000001B3UL;
            if (i < 4) s.Pre[4 * k + i] = lower;
            char cls;
            if (char.IsUpper(c)) { cls = 'X'; upper++; }
            else if (char.IsLower(c)) { cls = 'x'; lowerCount++; }
            else if (char.IsDigit(c)) { cls = 'd'; digits++; }
            else cls = c;
            // Runs collapse after two ("Xxxx" -> "Xxx"), keeping short tokens' shapes apart from long ones'.
            if (cls != lastClass) shapeLen = 0;
            if (shapeLen < 2) shape = (shape ^ cls) * 0x100000001B3UL;
            shapeLen++;
            lastClass = cls;
        }
        for (var i = t.Length; i < 4; i++) s.Pre[4 * k + i] = lower;
        for (var a = 0; a < 4; a++)
        {
            ulong h = 0x84222325CBF29CE4UL;
            for (var i = Math.Max(0, t.Length - a - 1); i < t.Length; i++)
            {
                var c = t[i];
                h = (h ^ NerGazetteer.LowerChar(c)) * 0x100000001B3UL;
            }
            s.Suf[4 * k + a] = h;
        }
        s.Lower[k] = lower;
        s.Exact[k] = exact;
        s.Shape[k] = shape;
        CapClass cap;
        if (digits > 0) cap = upper + lowerCount == 0 ? CapClass.Digits : CapClass.HasDigit;
        else if (upper + lowerCount == 0) cap = CapClass.Punct;
        else if (upper == 0) cap = CapClass.Lower;
        else if (lowerCount == 0) cap = t.Length == 1 ? CapClass.Initial : CapClass.AllCaps;
        else if (char.IsUpper(t[0]) && upper == 1) cap = CapClass.Initial;
        else cap = CapClass.Mixed;
        s.Cap[k] = (byte)cap;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Combine(ulong a, ulong b) => (a ^ (b * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL;

    /// <summary>The bucket of feature template <paramref name="template"/> with value <paramref name="h"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Id(int template, ulong h)
    {
        var x = (h + (ulong)template * 0xD6E8FEB86659FD93UL) * 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        return (int)(x >> (64 - Bits));
    }
}
