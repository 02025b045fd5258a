using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Hashed features of the attribution model, computed from per-token hashes made once per document so scoring
/// allocates nothing per token. Two tasks: is token i the first word of an attribution cue ("said", "according",
/// "told", "believes", "claims"), and which token of the cue's sentence is its source (or none).
/// Feature templates are numbered; changing one changes <see cref="Version"/> and needs a retrain.
/// </summary>
internal sealed class AttributionFeatures : IDisposable
{
    /// <summary>Feature set version; a model of another version is refused at load.</summary>
    public const int Version = 2;
    /// <summary>Most features one token (or one candidate) fires.</summary>
    public const int MaxFeatures = 32;
    /// <summary>Sentence tokens a source candidate may lie from its cue.</summary>
    public const int MaxSourceDistance = 30;

    private const ulong Boundary = 0x9E3779B97F4A7C15UL;
    private readonly Document _doc;
    private readonly int _mask;
    // Per token: lower-cased word, 3-letter suffix, shape, entity class (0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC, 5 pronoun),
    // and whether it sits inside quotation marks.
    private readonly ulong[] _word, _suffix, _shape, _stem;
    private readonly byte[] _kind, _quoted, _punct;
    // Per token: whether it separates a candidate from its cue (GapComma: , ; : ( ) dashes; GapQuote: quotation marks).
    private readonly byte[] _gap;
    private const byte GapComma = 1, GapQuote = 2;
    // Hashes of the source features of the cue last asked about (see FillCueCache).
    private readonly ulong[] _cueCache = new ulong[CueCacheSize];
    private int _cacheCue = -1;
    // Scratch for scoring one cue's candidates (AttributionFinder.ChooseSource): gaps, feature counts, features.
    private readonly byte[] _candidateGaps = new byte[MaxCandidates];
    private readonly int[] _candidateCounts = new int[MaxCandidates], _candidateFeatures = new int[MaxCandidates * MaxFeatures];

    private const int FirstSourceTemplate = 50, LastSourceTemplate = 71;
    // Token kinds (none, four entity classes, pronoun); K() says 9 beyond the sentence; distance buckets 0..8.
    private const int Kinds = 6, KindsOrEdge = 10, Buckets = 9;
    // Source templates all start with the side (1 left of the cue, 2 right), so their first mixing step is a constant.
    // First mixing steps of cue templates whose first value is small (a kind, 9 past the sentence, or a quoted flag);
    // Seeds22 holds the first two steps of (kind before the previous, previous kind, stem).
    private static readonly ulong[] Seeds10 = Seeds(10), Seeds13 = Seeds(13), Seeds18 = Seeds(18), Seeds19 = Seeds(19);
    private static readonly ulong[] Seeds22 = Build(KindsOrEdge * KindsOrEdge,
        i => Mix(Mix(22 * 0x100000001B3UL ^ (ulong)(i / KindsOrEdge)) ^ (ulong)(i % KindsOrEdge)));
    // The bias feature (template 12) is one bucket.
    private readonly int _bias;
    private static readonly ulong[] SideSeeds = Build(2 * (LastSourceTemplate - FirstSourceTemplate + 1),
        i => Mix((ulong)(FirstSourceTemplate + i / 2) * 0x100000001B3UL ^ (ulong)(i % 2 + 1)));
    // Full hashes of the source templates whose values are all small: (side, distance), (side, kind, distance), ...
    private static readonly ulong[] Small50 = Build(2 * Buckets, i => Hash3(50, Side(i, Buckets), (ulong)(i % Buckets)));
    private static readonly ulong[] Small53 = Build(2 * Kinds * Buckets,
        i => Hash3(53, Side(i, Kinds * Buckets), (ulong)(i / Buckets % Kinds), (ulong)(i % Buckets)));
    private static readonly ulong[] Small58 = Build(2 * 2 * Buckets, i => Hash3(58, Side(i, 2 * Buckets), (ulong)(i / Buckets % 2), (ulong)(i % Buckets)));
    private static readonly ulong[] Small59 = Build(2 * 2 * 2, i => Hash3(59, Side(i, 4), (ulong)(i / 2 % 2), (ulong)(i % 2)));
    private static readonly ulong[] Small60 = Build(2 * 2 * Kinds, i => Hash3(60, Side(i, 2 * Kinds), (ulong)(i / Kinds % 2), (ulong)(i % Kinds)));
    private static readonly ulong[] Small63 = Build(2 * KindsOrEdge * Kinds,
        i => Hash3(63, Side(i, KindsOrEdge * Kinds), (ulong)(i / Kinds % KindsOrEdge), (ulong)(i % Kinds)));
    private static readonly ulong[] Small67 = Build(2 * 2 * Kinds, i => Hash3(67, Side(i, 2 * Kinds), (ulong)(i / Kinds % 2), (ulong)(i % Kinds)));
    private static readonly ulong[] Small70 = Build(2 * Kinds * 3, i => Hash3(70, Side(i, Kinds * 3), (ulong)(i / 3 % Kinds), (ulong)(i % 3)));

    public AttributionFeatures(Document doc, int bits)
    {
        _doc = doc;
        _mask = (1 << bits) - 1;
        _bias = F(12, 0);
        var n = doc.TokenCount;
        _word = ArrayPool<ulong>.Shared.Rent(n);
        _suffix = ArrayPool<ulong>.Shared.Rent(n);
        _shape = ArrayPool<ulong>.Shared.Rent(n);
        _stem = ArrayPool<ulong>.Shared.Rent(n);
        _kind = ArrayPool<byte>.Shared.Rent(n);
        _quoted = ArrayPool<byte>.Shared.Rent(n);
        _punct = ArrayPool<byte>.Shared.Rent(n);
        _gap = ArrayPool<byte>.Shared.Rent(n);
        var text = doc.Text;
        var inQuote = false;
        var pronouns = EventLexicon.AttributionPronouns;
        for (var i = 0; i < n; i++)
        {
            var w = text.AsSpan(doc.TokenStarts[i], doc.TokenEnds[i] - doc.TokenStarts[i]);
            _word[i] = Hash(w, out var stem);
            _suffix[i] = (w.Length > 3 ? Hash(w[^3..]) : _word[i]) ^ 0x51;
            _shape[i] = Shape(w);
            _stem[i] = stem ^ 0x57;
            var at = doc.TokenStarts[i] < text.Length ? text[doc.TokenStarts[i]] : ' ';
            _gap[i] = at is ',' or ';' or ':' or '(' or ')' or '—' or '–' ? GapComma : QuoteFinder.IsQuoteMark(text, doc.TokenStarts[i]) ? GapQuote : (byte)0;
            _punct[i] = (byte)(w.Length > 0 && !char.IsLetterOrDigit(w[0]) ? 1 : 0);
            _kind[i] = (byte)(w.Length <= pronouns.MaxLength && pronouns.Contains(w) ? 5 : 0);
            var c = w.Length > 0 ? w[0] : ' ';
            if (c is '“') inQuote = true;
            else if (c is '”') inQuote = false;
            else if (c is '"' || QuoteFinder.IsDoubledApostrophe(text, doc.TokenStarts[i])) inQuote = !inQuote;
            _quoted[i] = (byte)(inQuote ? 1 : 0);
            // A paragraph break closes any quote left open (news quotes run per paragraph).
            if (i + 1 < n && text.AsSpan(doc.TokenEnds[i], doc.TokenStarts[i + 1] - doc.TokenEnds[i]).Contains('\n')) inQuote = false;
        }
        foreach (var e in doc.Entities)
        {
            if (e.Range.IsEmpty || e.Range.Start >= text.Length) continue;
            var first = doc.TokenIndexAt(e.Range.Start);
            for (var i = first; i < n && doc.TokenStarts[i] < e.Range.End; i++) _kind[i] = (byte)(1 + (int)e.Type);
        }
    }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(_word);
        ArrayPool<ulong>.Shared.Return(_suffix);
        ArrayPool<ulong>.Shared.Return(_shape);
        ArrayPool<ulong>.Shared.Return(_stem);
        ArrayPool<byte>.Shared.Return(_kind);
        ArrayPool<byte>.Shared.Return(_quoted);
        ArrayPool<byte>.Shared.Return(_punct);
        ArrayPool<byte>.Shared.Return(_gap);
    }

    /// <summary>Most source candidates one cue has (the tokens within <see cref="MaxSourceDistance"/>, the cue among them).</summary>
    public const int MaxCandidates = 2 * MaxSourceDistance + 1;

    /// <summary>Buffers for one cue's candidates at a time: their gaps, feature counts and features (<see cref="MaxFeatures"/> each).</summary>
    public (byte[] Gaps, int[] Counts, int[] Features) CandidateScratch => (_candidateGaps, _candidateCounts, _candidateFeatures);

    /// <summary>True for punctuation tokens, which are never cues or sources.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsPunctuation(int i) => _punct[i] == 1;

    /// <summary>Fills <paramref name="f"/> with the cue features of token <paramref name="i"/> of the sentence [first, end); returns the count.</summary>
    public int Cue(int i, int first, int end, Span<int> f)
    {
        var w0 = _word[i];
        var wm1 = W(i - 1, first, end);
        var wp1 = W(i + 1, first, end);
        var n = 0;
        f[n++] = F(1, w0);
        f[n++] = F(2, wm1);
        f[n++] = F(3, wp1);
        f[n++] = F(4, W(i - 2, first, end));
        f[n++] = F(5, W(i + 2, first, end));
        f[n++] = F(6, wm1, w0);
        f[n++] = F(7, w0, wp1);
        f[n++] = F(8, _suffix[i]);
        f[n++] = F(9, _shape[i]);
        var km1 = K(i - 1, first, end);
        var q = (ulong)_quoted[i];
        f[n++] = G(Seed(Seeds10, 10, km1), w0);
        f[n++] = F(11, i > first ? _shape[i - 1] : Boundary, w0);
        f[n++] = _bias;
        f[n++] = G(Seed(Seeds13, 13, q), w0);
        f[n++] = F(14, w0, (ulong)Math.Min(i - first, 4));
        f[n++] = F(15, w0, K(i + 1, first, end));
        f[n++] = F(16, wm1, w0, wp1);
        f[n++] = F(17, _suffix[i], wp1);
        f[n++] = G(Seed(Seeds18, 18, km1), _suffix[i]);
        f[n++] = G(Seed(Seeds19, 19, q), _suffix[i]);
        f[n++] = F(20, _stem[i]);
        f[n++] = F(21, _stem[i], K(i - 1, first, end));
        var km2 = K(i - 2, first, end);
        f[n++] = km2 < KindsOrEdge && km1 < KindsOrEdge
            ? (int)(Mix(Seeds22[km2 * KindsOrEdge + km1] ^ _stem[i]) & (ulong)_mask)
            : F(22, km2, km1, _stem[i]);
        f[n++] = F(23, _stem[i], i + 1 < end ? _stem[i + 1] : Boundary);
        f[n++] = F(24, W(i - 2, first, end), wm1);
        f[n++] = F(25, _stem[i], W(i + 2, first, end));
        f[n++] = F(26, W(i - 3, first, end));
        f[n++] = F(27, W(i + 3, first, end));
        return n;
    }

    /// <summary>Features <see cref="Cue"/> gives every token.</summary>
    public const int CueFeatures = 27;

    /// <summary>
    /// <see cref="Cue"/> of each token i in [<paramref name="from"/>, <paramref name="to"/>) (at most
    /// <see cref="MaxBatch"/>, punctuation skipped) into <paramref name="f"/> at (i - from) · <see cref="MaxFeatures"/>.
    /// The templates' values are gathered first and mixed eight (or four) features at a time in vector registers: the same
    /// 64-bit arithmetic as <see cref="Hash3"/>, so the same buckets.
    /// </summary>
    public void Cues(int from, int to, int first, int end, Span<int> f)
    {
        if (to - from > MaxBatch) throw new ArgumentOutOfRangeException(nameof(to), "at most MaxBatch tokens at once");
        var x = _mixA;
        var b = _mixB;
        var c = _mixC;
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (IsPunctuation(i)) continue;
            _mixSlot[n / CueFeatures] = (i - from) * MaxFeatures;
            // Each template has its fixed place in the token's block; second and third values that are always 0
            // (most templates have fewer than three) stay 0 from the arrays' allocation and are not written.
            var o = n;
            var w0 = _word[i];
            var wm1 = W(i - 1, first, end);
            var wp1 = W(i + 1, first, end);
            var wm2 = W(i - 2, first, end);
            var wp2 = W(i + 2, first, end);
            var km1 = K(i - 1, first, end);
            var q = (ulong)_quoted[i];
            var suffix = _suffix[i];
            var stem = _stem[i];
            x[o + 0] = 1 * Prime ^ w0;
            x[o + 1] = 2 * Prime ^ wm1;
            x[o + 2] = 3 * Prime ^ wp1;
            x[o + 3] = 4 * Prime ^ wm2;
            x[o + 4] = 5 * Prime ^ wp2;
            x[o + 5] = 6 * Prime ^ wm1;
            b[o + 5] = w0;
            x[o + 6] = 7 * Prime ^ w0;
            b[o + 6] = wp1;
            x[o + 7] = 8 * Prime ^ suffix;
            x[o + 8] = 9 * Prime ^ _shape[i];
            x[o + 9] = 10 * Prime ^ km1;
            b[o + 9] = w0;
            x[o + 10] = 11 * Prime ^ (i > first ? _shape[i - 1] : Boundary);
            b[o + 10] = w0;
            x[o + 11] = 12 * Prime ^ 0;
            x[o + 12] = 13 * Prime ^ q;
            b[o + 12] = w0;
            x[o + 13] = 14 * Prime ^ w0;
            b[o + 13] = (ulong)Math.Min(i - first, 4);
            x[o + 14] = 15 * Prime ^ w0;
            b[o + 14] = K(i + 1, first, end);
            x[o + 15] = 16 * Prime ^ wm1;
            b[o + 15] = w0;
            c[o + 15] = wp1;
            x[o + 16] = 17 * Prime ^ suffix;
            b[o + 16] = wp1;
            x[o + 17] = 18 * Prime ^ km1;
            b[o + 17] = suffix;
            x[o + 18] = 19 * Prime ^ q;
            b[o + 18] = suffix;
            x[o + 19] = 20 * Prime ^ stem;
            x[o + 20] = 21 * Prime ^ stem;
            b[o + 20] = km1;
            x[o + 21] = 22 * Prime ^ K(i - 2, first, end);
            b[o + 21] = km1;
            c[o + 21] = stem;
            x[o + 22] = 23 * Prime ^ stem;
            b[o + 22] = i + 1 < end ? _stem[i + 1] : Boundary;
            x[o + 23] = 24 * Prime ^ wm2;
            b[o + 23] = wm1;
            x[o + 24] = 25 * Prime ^ stem;
            b[o + 24] = wp2;
            x[o + 25] = 26 * Prime ^ W(i - 3, first, end);
            x[o + 26] = 27 * Prime ^ W(i + 3, first, end);
            n += CueFeatures;
        }
        var k = 0;
        var h = _mixOut;
        if (Vector512.IsHardwareAccelerated)
            for (; k + 8 <= n; k += 8)
            {
                var v = MixV(Vector512.Create<ulong>(x.AsSpan(k, 8)));
                v = MixV(v ^ Vector512.Create<ulong>(b.AsSpan(k, 8)));
                v = MixV(v ^ Vector512.Create<ulong>(c.AsSpan(k, 8)));
                v.CopyTo(h.AsSpan(k, 8));
            }
        if (Vector256.IsHardwareAccelerated)
            for (; k + 4 <= n; k += 4)
            {
                var v = MixV(Vector256.Create<ulong>(x.AsSpan(k, 4)));
                v = MixV(v ^ Vector256.Create<ulong>(b.AsSpan(k, 4)));
                v = MixV(v ^ Vector256.Create<ulong>(c.AsSpan(k, 4)));
                v.CopyTo(h.AsSpan(k, 4));
            }
        for (; k < n; k++) h[k] = Mix(Mix(Mix(x[k]) ^ b[k]) ^ c[k]);
        var mask = (ulong)_mask;
        for (var t = 0; t < n; t += CueFeatures)
        {
            var at = _mixSlot[t / CueFeatures];
            for (var j = 0; j < CueFeatures; j++) f[at + j] = (int)(h[t + j] & mask);
        }
    }

    /// <summary>Most tokens one call of <see cref="Cues"/> takes.</summary>
    public const int MaxBatch = 16;

    // Gathered template values of a batch of cue features (see Cues): template · prime ^ first value, second, third.
    private readonly ulong[] _mixA = new ulong[MaxBatch * CueFeatures], _mixB = new ulong[MaxBatch * CueFeatures],
        _mixC = new ulong[MaxBatch * CueFeatures], _mixOut = new ulong[MaxBatch * CueFeatures];
    private readonly int[] _mixSlot = new int[MaxBatch];

    // The multiplier of the template number in Hash3's first step.
    private const ulong Prime = 0x100000001B3UL;

    /// <summary><see cref="Mix"/> of eight values at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> MixV(Vector512<ulong> v)
    {
        v ^= Vector512.ShiftRightLogical(v, 30);
        v *= Vector512.Create(0xBF58476D1CE4E5B9UL);
        v ^= Vector512.ShiftRightLogical(v, 27);
        v *= Vector512.Create(0x94D049BB133111EBUL);
        return v ^ Vector512.ShiftRightLogical(v, 31);
    }

    /// <summary><see cref="Mix"/> of four values at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MixV(Vector256<ulong> v)
    {
        v ^= Vector256.ShiftRightLogical(v, 30);
        v *= Vector256.Create(0xBF58476D1CE4E5B9UL);
        v ^= Vector256.ShiftRightLogical(v, 27);
        v *= Vector256.Create(0x94D049BB133111EBUL);
        return v ^ Vector256.ShiftRightLogical(v, 31);
    }

    /// <summary>
    /// <see cref="Cue"/> written out template by template, hashing every feature in full: the definition the
    /// seeded hashing of <see cref="Cue"/> must equal (tested).
    /// </summary>
    internal int CueDirect(int i, int first, int end, Span<int> f)
    {
        var w0 = _word[i];
        var wm1 = W(i - 1, first, end);
        var wp1 = W(i + 1, first, end);
        var n = 0;
        f[n++] = F(1, w0);
        f[n++] = F(2, wm1);
        f[n++] = F(3, wp1);
        f[n++] = F(4, W(i - 2, first, end));
        f[n++] = F(5, W(i + 2, first, end));
        f[n++] = F(6, wm1, w0);
        f[n++] = F(7, w0, wp1);
        f[n++] = F(8, _suffix[i]);
        f[n++] = F(9, _shape[i]);
        f[n++] = F(10, K(i - 1, first, end), w0);
        f[n++] = F(11, i > first ? _shape[i - 1] : Boundary, w0);
        f[n++] = F(12, 0);
        f[n++] = F(13, _quoted[i], w0);
        f[n++] = F(14, w0, (ulong)Math.Min(i - first, 4));
        f[n++] = F(15, w0, K(i + 1, first, end));
        f[n++] = F(16, wm1, w0, wp1);
        f[n++] = F(17, _suffix[i], wp1);
        f[n++] = F(18, K(i - 1, first, end), _suffix[i]);
        f[n++] = F(19, _quoted[i], _suffix[i]);
        f[n++] = F(20, _stem[i]);
        f[n++] = F(21, _stem[i], K(i - 1, first, end));
        f[n++] = F(22, K(i - 2, first, end), K(i - 1, first, end), _stem[i]);
        f[n++] = F(23, _stem[i], i + 1 < end ? _stem[i + 1] : Boundary);
        f[n++] = F(24, W(i - 2, first, end), wm1);
        f[n++] = F(25, _stem[i], W(i + 2, first, end));
        f[n++] = F(26, W(i - 3, first, end));
        f[n++] = F(27, W(i + 3, first, end));
        return n;
    }

    /// <summary>
    /// Fills <paramref name="f"/> with the features of token <paramref name="j"/> as the source of the cue at
    /// <paramref name="c"/> in the sentence [first, end); <paramref name="j"/> = -1 is the "no source in this sentence" choice.
    /// </summary>
    public int Source(int j, int c, int first, int end, Span<int> f)
    {
        if (j < 0) return SourceDirect(j, c, first, end, f);
        var (comma, quote, mentions) = Gap(j, c);
        return Source(j, c, first, end, comma, quote, mentions, f);
    }

    /// <summary>
    /// What lies between a candidate and its cue: a separating punctuation mark, a quotation mark, and how many
    /// names or pronouns (capped at 2).
    /// </summary>
    internal (int Comma, int Quote, int Mentions) Gap(int j, int c)
    {
        int lo = Math.Min(j, c), hi = Math.Max(j, c);
        int comma = 0, quote = 0, mentions = 0;
        for (var k = lo + 1; k < hi; k++)
        {
            var g = _gap[k];
            if (g == GapComma) comma = 1;
            else if (g == GapQuote) quote = 1;
            else if (_kind[k] != 0 && (_kind[k] != _kind[k - 1] || k == lo + 1)) mentions++;
        }
        return (comma, quote, Math.Min(mentions, 2));
    }

    /// <summary>
    /// <see cref="Gap"/> of every candidate j in [<paramref name="from"/>, <paramref name="to"/>) of the cue at
    /// <paramref name="c"/>, in one walk out from the cue instead of one per candidate: gaps[j - from] holds
    /// comma | quote &lt;&lt; 1 | mentions &lt;&lt; 2 (0 for j = c).
    /// </summary>
    internal void Gaps(int c, int from, int to, Span<byte> gaps)
    {
        gaps[c - from] = 0;
        // Walking left, token j + 1 joins the gap at its near end; the one before it there now counts as a mention
        // only where the kind changes (a name of several words is one mention).
        int flags = 0, inner = 0;
        for (var j = c - 1; j >= from; j--)
        {
            var k = j + 1;
            if (k < c)
            {
                if (k + 1 < c) inner += Starts(k + 1) ? 1 : 0;
                flags |= _gap[k] == GapComma ? 1 : _gap[k] == GapQuote ? 2 : 0;
            }
            var mentions = k < c ? inner + (Mentions(k) ? 1 : 0) : 0;
            gaps[j - from] = (byte)(flags | Math.Min(mentions, 2) << 2);
        }
        // Walking right, the gap [c + 1, j) grows at its far end; its first token counts whenever it is a mention.
        flags = 0;
        var count = 0;
        for (var j = c + 1; j < to; j++)
        {
            var k = j - 1;
            if (k > c)
            {
                count += (k == c + 1 ? Mentions(k) : Starts(k)) ? 1 : 0;
                flags |= _gap[k] == GapComma ? 1 : _gap[k] == GapQuote ? 2 : 0;
            }
            gaps[j - from] = (byte)(flags | Math.Min(count, 2) << 2);
        }
    }

    // A name or pronoun that is no separating mark; Starts: and whose kind differs from the token before.
    private bool Mentions(int k) => _gap[k] == 0 && _kind[k] != 0;
    private bool Starts(int k) => Mentions(k) && _kind[k] != _kind[k - 1];

    /// <summary>
    /// <see cref="Source(int, int, int, int, Span{int})"/> for a candidate <paramref name="j"/> ≥ 0 whose <see cref="Gap"/>
    /// is known. Same features in the same order, but the hashing work shared by candidates is done once: every
    /// template starts with the side, features of small values (distance, kinds, flags) come from tables made at
    /// start-up, and those of the cue's own word from tables made once per cue.
    /// </summary>
    internal int Source(int j, int c, int first, int end, int comma, int quote, int mentions, Span<int> f)
    {
        if (c != _cacheCue) FillCueCache(c);
        var s = j < c ? 0 : 1;
        var d = Bucket(Math.Abs(j - c));
        var wj = _word[j];
        int kj = _kind[j], qj = _quoted[j];
        if (kj >= Kinds) return SourceDirect(j, c, first, end, f);
        var kNext = (int)K(j + 1, first, end);
        if (kNext >= KindsOrEdge) return SourceDirect(j, c, first, end, f);
        var mask = (ulong)_mask;
        var cue = _cueCache;
        var n = 0;
        f[n++] = (int)(Small50[s * Buckets + d] & mask);
        f[n++] = P(51, s, wj);
        f[n++] = P(52, s, _shape[j]);
        f[n++] = (int)(Small53[(s * Kinds + kj) * Buckets + d] & mask);
        f[n++] = (int)(cue[CueAt54 + s] & mask);
        f[n++] = (int)(cue[CueAt55 + s * Kinds + kj] & mask);
        f[n++] = P(56, s, W(j + 1, first, end));
        f[n++] = P(57, s, W(j - 1, first, end));
        f[n++] = (int)(Small58[(s * 2 + comma) * Buckets + d] & mask);
        f[n++] = (int)(Small59[(s * 2 + quote) * 2 + qj] & mask);
        f[n++] = (int)(Small60[(s * 2 + (j == first ? 1 : 0)) * Kinds + kj] & mask);
        f[n++] = P(61, s, _suffix[j]);
        f[n++] = P(62, s, wj, (ulong)d);
        f[n++] = (int)(Small63[(s * KindsOrEdge + kNext) * Kinds + kj] & mask);
        f[n++] = P(64, s, _word[c], wj);
        f[n++] = (int)(cue[CueAt65 + s * 2 + qj] & mask);
        f[n++] = P(66, s, W(j + 1, first, end), (ulong)kj);
        f[n++] = (int)(Small67[(s * 2 + comma) * Kinds + kj] & mask);
        f[n++] = P(68, s, _stem[c], _stem[j]);
        f[n++] = (int)(cue[CueAt69 + s * Buckets + d] & mask);
        f[n++] = (int)(Small70[(s * Kinds + kj) * 3 + mentions] & mask);
        f[n++] = (int)(cue[CueAt71 + s * 3 + mentions] & mask);
        return n;
    }

    // Layout of the per-cue table: templates 54 (side), 55 (side, kind), 65 (side, quoted), 69 (side, distance), 71 (side, mentions).
    private const int CueAt54 = 0, CueAt55 = CueAt54 + 2, CueAt65 = CueAt55 + 2 * Kinds, CueAt69 = CueAt65 + 4,
        CueAt71 = CueAt69 + 2 * Buckets, CueCacheSize = CueAt71 + 6;

    private void FillCueCache(int c)
    {
        var wc = _word[c];
        var stem = _stem[c];
        var qc = (ulong)_quoted[c];
        var cue = _cueCache;
        for (var s = 0; s < 2; s++)
        {
            var side = (ulong)s + 1;
            cue[CueAt54 + s] = Hash3(54, side, wc);
            for (var k = 0; k < Kinds; k++) cue[CueAt55 + s * Kinds + k] = Hash3(55, side, wc, (ulong)k);
            for (var q = 0; q < 2; q++) cue[CueAt65 + s * 2 + q] = Hash3(65, side, qc, (ulong)q);
            for (var d = 0; d < Buckets; d++) cue[CueAt69 + s * Buckets + d] = Hash3(69, side, stem, (ulong)d);
            for (var m = 0; m < 3; m++) cue[CueAt71 + s * 3 + m] = Hash3(71, side, stem, (ulong)m);
        }
        _cacheCue = c;
    }

    /// <summary>
    /// <see cref="Source(int, int, int, int, Span{int})"/> written out template by template, hashing every feature in
    /// full: the definition the fast path must equal (tested).
    /// </summary>
    internal int SourceDirect(int j, int c, int first, int end, Span<int> f)
    {
        var wc = _word[c];
        var n = 0;
        if (j < 0)
        {
            f[n++] = F(40, wc);
            f[n++] = F(41, 0);
            f[n++] = F(42, (ulong)Math.Min(c - first, 6));
            f[n++] = F(43, W(c - 1, first, end), wc);
            f[n++] = F(44, _quoted[c], wc);
            return n;
        }
        var side = j < c ? 1UL : 2UL;
        var d = (ulong)Bucket(Math.Abs(j - c));
        int lo = Math.Min(j, c), hi = Math.Max(j, c);
        ulong comma = 0, quote = 0, mentions = 0;
        for (var k = lo + 1; k < hi; k++)
        {
            var ch = _doc.Text[_doc.TokenStarts[k]];
            if (ch is ',' or ';' or ':' or '(' or ')' or '—' or '–') comma = 1;
            else if (QuoteFinder.IsQuoteMark(_doc.Text, _doc.TokenStarts[k])) quote = 1;
            // Names and pronouns nearer the cue than this candidate: the nearest one is usually the source.
            else if (_kind[k] != 0 && (_kind[k] != _kind[k - 1] || k == lo + 1)) mentions++;
        }
        var wj = _word[j];
        var kj = (ulong)_kind[j];
        f[n++] = F(50, side, d);
        f[n++] = F(51, side, wj);
        f[n++] = F(52, side, _shape[j]);
        f[n++] = F(53, side, kj, d);
        f[n++] = F(54, side, wc);
        f[n++] = F(55, side, wc, kj);
        f[n++] = F(56, side, W(j + 1, first, end));
        f[n++] = F(57, side, W(j - 1, first, end));
        f[n++] = F(58, side, comma, d);
        f[n++] = F(59, side, quote, _quoted[j]);
        f[n++] = F(60, side, j == first ? 1UL : 0UL, kj);
        f[n++] = F(61, side, _suffix[j]);
        f[n++] = F(62, side, wj, d);
        f[n++] = F(63, side, K(j + 1, first, end), kj);
        f[n++] = F(64, side, wc, wj);
        f[n++] = F(65, side, _quoted[c], _quoted[j]);
        f[n++] = F(66, side, W(j + 1, first, end), kj);
        f[n++] = F(67, side, comma, kj);
        f[n++] = F(68, side, _stem[c], _stem[j]);
        f[n++] = F(69, side, _stem[c], d);
        f[n++] = F(70, side, kj, Math.Min(mentions, 2UL));
        f[n++] = F(71, side, _stem[c], Math.Min(mentions, 2UL));
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong W(int i, int first, int end) => i < first ? Boundary : i >= end ? Boundary + 1 : _word[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong K(int i, int first, int end) => i < first || i >= end ? 9UL : _kind[i];

    private static ulong[] Seeds(int template) => Build(KindsOrEdge, i => Mix((ulong)template * 0x100000001B3UL ^ (ulong)i));

    /// <summary>Mix(template · prime ^ a), the first step of <see cref="Hash3"/>, read from <paramref name="seeds"/> when a is small.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Seed(ulong[] seeds, int template, ulong a) => a < (ulong)seeds.Length ? seeds[a] : Mix((ulong)template * 0x100000001B3UL ^ a);

    /// <summary>The bucket of a feature whose first mixing step is <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int G(ulong seed, ulong b, ulong c = 0) => (int)(Mix(Mix(seed ^ b) ^ c) & (ulong)_mask);

    private static ulong[] Build(int count, Func<int, ulong> at)
    {
        var table = new ulong[count];
        for (var i = 0; i < count; i++) table[i] = at(i);
        return table;
    }

    /// <summary>The side value (1 or 2) of entry <paramref name="i"/> of a table whose side blocks are <paramref name="block"/> long.</summary>
    private static ulong Side(int i, int block) => (ulong)(i / block) + 1;

    private static int Bucket(int d) => d switch { <= 3 => d, <= 5 => 4, <= 8 => 5, <= 12 => 6, <= 20 => 7, _ => 8 };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int F(int template, ulong a, ulong b = 0, ulong c = 0) => (int)(Hash3(template, a, b, c) & (ulong)_mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash3(int template, ulong a, ulong b = 0, ulong c = 0)
    {
        var h = Mix((ulong)template * 0x100000001B3UL ^ a);
        h = Mix(h ^ b);
        return Mix(h ^ c);
    }

    /// <summary>A source feature of template <paramref name="template"/> (50..71) on side <paramref name="s"/> (0 left, 1 right): its first mixing step is <see cref="SideSeeds"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int P(int template, int s, ulong b, ulong c = 0) =>
        (int)(Mix(Mix(SideSeeds[(template - FirstSourceTemplate) * 2 + s] ^ b) ^ c) & (ulong)_mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        // splitmix64's finaliser: a cheap, well-spread 64-bit mix.
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>FNV-1a over the lower-cased characters.</summary>
    internal static ulong Hash(ReadOnlySpan<char> w)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in w) h = (h ^ Lower(ch)) * 1099511628211UL;
        return h;
    }

    /// <summary>
    /// <see cref="Hash(ReadOnlySpan{char})"/> of the word, and in <paramref name="stem"/> that of its <see cref="Stem"/>:
    /// the stem is a prefix of the word, so its hash is a state the word's hashing passes through.
    /// </summary>
    internal static ulong Hash(ReadOnlySpan<char> w, out ulong stem)
    {
        var stemLength = Stem(w).Length;
        var h = 14695981039346656037UL;
        stem = h;
        for (var k = 0; k < w.Length; k++)
        {
            if (k == stemLength) stem = h;
            h = (h ^ Lower(w[k])) * 1099511628211UL;
        }
        if (stemLength == w.Length) stem = h;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char ch) =>
        // ASCII without the culture tables; curly and straight apostrophes are one character to the model ("don’t", "don't").
        ch < 128 ? ch is >= 'A' and <= 'Z' ? (char)(ch | 0x20) : ch : ch == '’' ? '\'' : char.ToLowerInvariant(ch);

    /// <summary>A crude stem: "touts", "touted", "touting" and "tout" share one.</summary>
    internal static ReadOnlySpan<char> Stem(ReadOnlySpan<char> w)
    {
        if (w.Length > 5 && EndsWith(w, "ing")) return w[..^3];
        if (w.Length > 4 && EndsWith(w, "ed")) return w[..^2];
        if (w.Length > 4 && EndsWith(w, "es")) return w[..^2];
        if (w.Length > 3 && (w[^1] is 's' or 'S') && w[^2] is not ('s' or 'S')) return w[..^1];
        if (w.Length > 3 && (w[^1] is 'e' or 'E')) return w[..^1];
        return w;
    }

    /// <summary>
    /// w.EndsWith(suffix, OrdinalIgnoreCase) for a lower-case ASCII suffix, without the comparer when the word's last
    /// characters are ASCII (only 'X' and 'x' fold to 'x' there); other characters take the comparer's own rules.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsWith(ReadOnlySpan<char> w, string suffix)
    {
        if (w.Length < suffix.Length) return false;
        var tail = w[^suffix.Length..];
        for (var k = 0; k < suffix.Length; k++)
        {
            var ch = tail[k];
            if (ch >= 128) return w.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
            if ((ch is >= 'A' and <= 'Z' ? (char)(ch | 0x20) : ch) != suffix[k]) return false;
        }
        return true;
    }

    /// <summary>Word shape: first character class and whether the rest is lower-case, all capitals, digits or mixed.</summary>
    internal static ulong Shape(ReadOnlySpan<char> w)
    {
        if (w.Length == 0) return 0;
        ulong first = Class(w[0]) switch { 0 => 1UL, 1 => 2UL, 2 => 3UL, _ => 4UL };
        ulong rest = 0;
        for (var i = 1; i < w.Length; i++) rest |= 1UL << Class(w[i]);
        return first * 16 + rest + (w.Length == 1 ? 100UL : 0UL);
    }

    /// <summary>0 upper-case, 1 lower-case, 2 digit, 3 other (char.IsUpper, IsLower, IsDigit; ASCII decided inline).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Class(char ch) => ch < 128
        ? ch is >= 'A' and <= 'Z' ? 0 : ch is >= 'a' and <= 'z' ? 1 : ch is >= '0' and <= '9' ? 2 : 3
        : char.IsUpper(ch) ? 0 : char.IsLower(ch) ? 1 : char.IsDigit(ch) ? 2 : 3;
}
