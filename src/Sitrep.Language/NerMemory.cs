namespace Sitrep.Language;

/// <summary>
/// What the tagger remembers across the sentences of one document (non-local features, after Ratinov and Roth 2009):
/// how each capitalised word was written elsewhere in the document (capitalised inside a sentence, in lower case),
/// what stood before and after it wherever it appears in the document (classes of the neighbouring tokens and the
/// first few distinct neighbouring words), and which entity types the tagger gave it in earlier sentences. A headline's "JAPAN" or a sentence-initial
/// "Bonn" is then read with the help of the body's "Japan" and earlier "Bonn"/LOC. Reused per thread: call
/// <see cref="Reset"/> at each document.
/// </summary>
public sealed class NerMemory
{
    /// <summary>Written with an initial capital somewhere other than a sentence's first token.</summary>
    internal const byte CapitalisedInside = 1;
    /// <summary>Written all in lower case somewhere.</summary>
    internal const byte LowerSomewhere = 2;

    private readonly Dictionary<ulong, byte> _forms = [];
    private readonly Dictionary<ulong, ushort> _contexts = [];
    // Per capitalised word, a slot of Neighbours words before then Neighbours words after it (lower-case hashes, 0 = none).
    private readonly Dictionary<ulong, int> _slots = [];
    private ulong[] _neighbours = new ulong[64 * 2 * Neighbours];
    // The neighbour words' cluster paths, looked up once per word and document (a cluster lookup is a likely cache
    // miss, and a name recurs): filled when first asked for, _clustered marks the slots done.
    private uint[] _neighbourClusters = new uint[64 * 2 * Neighbours];
    private bool[] _clustered = new bool[64];
    private NerWordClusters? _clusterSource;
    private readonly Dictionary<ulong, int> _history = [];

    /// <summary>Forgets the previous document and reads how each word of <paramref name="sentences"/> is written.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="starts">Token starts.</param>
    /// <param name="ends">Token ends.</param>
    /// <param name="sentences">Token index where each sentence starts (ascending); tokens run to <paramref name="tokenCount"/>.</param>
    /// <param name="tokenCount">Number of tokens.</param>
    public void Reset(string text, int[] starts, int[] ends, ReadOnlySpan<int> sentences, int tokenCount)
    {
        _forms.Clear();
        _history.Clear();
        _contexts.Clear();
        _clustered.AsSpan(0, Math.Min(_slots.Count, _clustered.Length)).Clear();
        _slots.Clear();
        var s = 0;
        for (var k = 0; k < tokenCount; k++)
        {
            var sentenceStart = false;
            while (s < sentences.Length && sentences[s] <= k) { sentenceStart |= sentences[s] == k; s++; }
            var t = text.AsSpan(starts[k], ends[k] - starts[k]);
            if (t.Length == 0 || !char.IsLetter(t[0])) continue;
            if (char.IsUpper(t[0]))
            {
                // What stands around each occurrence of a capitalised word in the whole document (context
                // aggregation, Ratinov and Roth 2009): "Leeds 2 Chelsea 1" in a table tells the body's "Leeds".
                var before = sentenceStart || k == 0 ? Boundary : Class(text, starts[k - 1], ends[k - 1]);
                var after = k + 1 == tokenCount || (s < sentences.Length && sentences[s] == k + 1) ? Boundary : Class(text, starts[k + 1], ends[k + 1]);
                var h0 = NerGazetteer.LowerHash(t);
                _contexts[h0] = (ushort)(_contexts.GetValueOrDefault(h0) | (1 << before) | (1 << (ContextClasses + after)));
                if (!_slots.TryGetValue(h0, out var slot))
                {
                    slot = _slots.Count * 2 * Neighbours;
                    _slots[h0] = slot;
                    if (_neighbours.Length < slot + 2 * Neighbours) Array.Resize(ref _neighbours, 2 * _neighbours.Length);
                    _neighbours.AsSpan(slot, 2 * Neighbours).Clear();
                }
                if (before != Boundary) AddNeighbour(slot, NerGazetteer.LowerHash(text.AsSpan(starts[k - 1], ends[k - 1] - starts[k - 1])));
                if (after != Boundary) AddNeighbour(slot + Neighbours, NerGazetteer.LowerHash(text.AsSpan(starts[k + 1], ends[k + 1] - starts[k + 1])));
            }
            byte form = 0;
            if (char.IsUpper(t[0]) && !sentenceStart && t.Length > 1 && char.IsLower(t[1])) form = CapitalisedInside;
            else if (char.IsLower(t[0])) form = LowerSomewhere;
            if (form == 0) continue;
            var h = NerGazetteer.LowerHash(t);
            _forms[h] = (byte)(_forms.GetValueOrDefault(h) | form);
        }
    }

    /// <summary>Distinct words kept before, and after, the occurrences of a capitalised word.</summary>
    internal const int Neighbours = 8;

    private void AddNeighbour(int at, ulong word)
    {
        for (var i = at; i < at + Neighbours; i++)
        {
            if (_neighbours[i] == word) return;
            if (_neighbours[i] == 0) { _neighbours[i] = word; return; }
        }
    }

    /// <summary>
    /// The first <see cref="Neighbours"/> distinct words seen before, then after, occurrences of the capitalised word
    /// in the document (0 where fewer); empty for a word never seen capitalised.
    /// </summary>
    /// <param name="lowerHash">The capitalised word's lower-case hash.</param>
    /// <param name="clusters">Word clusters to give <paramref name="neighbourClusters"/> from.</param>
    /// <param name="neighbourClusters">The packed cluster path of each neighbour word (<see cref="NerWordClusters.Unknown"/> for none).</param>
    internal ReadOnlySpan<ulong> NeighboursOf(ulong lowerHash, NerWordClusters clusters, out ReadOnlySpan<uint> neighbourClusters)
    {
        if (!_slots.TryGetValue(lowerHash, out var slot))
        {
            neighbourClusters = default;
            return default;
        }
        if (!ReferenceEquals(clusters, _clusterSource))
        {
            _clustered.AsSpan().Clear();
            _clusterSource = clusters;
        }
        var index = slot / (2 * Neighbours);
        if (_neighbourClusters.Length < _neighbours.Length) Array.Resize(ref _neighbourClusters, _neighbours.Length);
        if (_clustered.Length <= index) Array.Resize(ref _clustered, Math.Max(index + 1, 2 * _clustered.Length));
        if (!_clustered[index])
        {
            for (var i = slot; i < slot + 2 * Neighbours; i++)
                _neighbourClusters[i] = _neighbours[i] == 0 ? NerWordClusters.Unknown : clusters.Lookup(_neighbours[i]);
            _clustered[index] = true;
        }
        neighbourClusters = _neighbourClusters.AsSpan(slot, 2 * Neighbours);
        return _neighbours.AsSpan(slot, 2 * Neighbours);
    }

    /// <summary>Number of classes of a neighbouring token in <see cref="ContextsOf"/>.</summary>
    internal const int ContextClasses = 5;
    private const int Boundary = 4;

    /// <summary>Class of a neighbouring token: 0 capitalised word, 1 lower-case word, 2 number, 3 other.</summary>
    private static int Class(string text, int start, int end)
    {
        if (end <= start) return 3;
        var c = text[start];
        if (char.IsUpper(c)) return 0;
        if (char.IsLower(c)) return 1;
        return char.IsDigit(c) ? 2 : 3;
    }

    /// <summary>
    /// The classes of the tokens before (bits 0-4) and after (bits 5-9) any occurrence of the capitalised word in the
    /// document: bit c for class c (see Class), bit 4 / 9 for a sentence boundary.
    /// </summary>
    internal ushort ContextsOf(ulong lowerHash) => _contexts.GetValueOrDefault(lowerHash);

    /// <summary>How the word with lower-case hash <paramref name="lowerHash"/> is written in the document.</summary>
    internal byte FormsOf(ulong lowerHash) => _forms.GetValueOrDefault(lowerHash);

    /// <summary>
    /// The types the word was tagged with in earlier sentences, as a feature value: the most frequent class (0 = O,
    /// 1..4 = PER, ORG, LOC, MISC) plus 8 when it was always that class; 15 when never seen.
    /// </summary>
    internal int HistoryOf(ulong lowerHash)
    {
        if (!_history.TryGetValue(lowerHash, out var packed)) return 15;
        // Five 6-bit saturating counters packed into one int: O, PER, ORG, LOC, MISC.
        int best = 0, bestCount = -1, total = 0;
        for (var c = 0; c < 5; c++)
        {
            var n = (packed >> (6 * c)) & 63;
            total += n;
            if (n > bestCount) { best = c; bestCount = n; }
        }
        return best | (bestCount == total ? 8 : 0);
    }

    /// <summary>How often the word was tagged as part of a person's name so far, this sentence included (saturates at 63).</summary>
    internal int PersonCount(ulong lowerHash) => (_history.GetValueOrDefault(lowerHash) >> 6) & 63;

    /// <summary>Records the tags given to the capitalised tokens of a sentence (hashes and classes from the features).</summary>
    internal void Record(ReadOnlySpan<ulong> lowerHashes, ReadOnlySpan<byte> capClasses, ReadOnlySpan<int> tags)
    {
        for (var k = 0; k < tags.Length; k++)
        {
            if (!NerFeatures.IsCapitalisedClass(capClasses[k])) continue;
            var c = (tags[k] + 1) / 2; // O -> 0, B-/I-PER -> 1, ORG 2, LOC 3, MISC 4
            var packed = _history.GetValueOrDefault(lowerHashes[k]);
            if (((packed >> (6 * c)) & 63) < 63) packed += 1 << (6 * c);
            _history[lowerHashes[k]] = packed;
        }
    }
}
