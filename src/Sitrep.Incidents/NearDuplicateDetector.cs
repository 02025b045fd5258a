namespace Sitrep.Incidents;

/// <summary>
/// Finds syndicated copies (the same article text under another headline or outlet) with MinHash signatures over
/// word shingles and locality-sensitive banding, so each new text is compared with a handful of candidates rather
/// than every text seen. Copies do not count as independent sources of an incident. Thread-safe.
/// </summary>
public sealed class NearDuplicateDetector
{
    /// <summary>Number of MinHash values in a signature.</summary>
    public const int SignatureLength = 64;
    private const int Bands = 16;
    private const int RowsPerBand = SignatureLength / Bands;

    private static readonly ulong[] Seeds = MakeSeeds();

    private readonly int _shingleWords;
    private readonly double _threshold;
    // Signatures per storage chunk: 512 KB chunks stay off the large-object heap's growth path and are never copied.
    private const int SignaturesPerChunk = 1024;

    private readonly object _gate = new();
    // Memory per registered text is what bounds a long ingest, so the index is kept flat: a band key maps to the
    // newest text with that key, and _nextInBand[text * Bands + band] to the previous one (-1: none), instead of a
    // list per key; signatures sit side by side in chunks instead of one array each.
    private readonly Dictionary<ulong, int> _bandHead = [];
    private readonly List<int> _nextInBand = [];
    private readonly List<ulong[]> _signatureChunks = [];
    private readonly List<string> _ids = [];
    private readonly List<int> _rootOf = [];
    private readonly Dictionary<string, int> _indexOfId = new(StringComparer.Ordinal);

    /// <summary>Creates a detector.</summary>
    /// <param name="shingleWords">Words per shingle; 5 keeps unrelated texts on one topic apart.</param>
    /// <param name="threshold">Estimated Jaccard similarity of shingle sets from which a text is a copy.</param>
    public NearDuplicateDetector(int shingleWords = 5, double threshold = 0.8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleWords, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        _shingleWords = shingleWords;
        _threshold = threshold;
    }

    /// <summary>Number of texts registered so far.</summary>
    public int Count { get { lock (_gate) return _ids.Count; } }

    /// <summary>
    /// Registers <paramref name="text"/> under <paramref name="docId"/> and returns the id of the original it copies
    /// (the first-registered text of its family), or null when it is not a copy of anything seen before. A text
    /// without words is never a copy. Registering an id twice returns its first answer.
    /// </summary>
    public string? FindDuplicateOf(string docId, string text) => FindDuplicateOf(docId, Signature(text));

    /// <summary>As <see cref="FindDuplicateOf(string, string)"/>, from a signature computed earlier (or null for no words).</summary>
    public string? FindDuplicateOf(string docId, ulong[]? signature)
    {
        lock (_gate)
        {
            if (_indexOfId.TryGetValue(docId, out var known))
                return _rootOf[known] == known ? null : _ids[_rootOf[known]];
            if (signature is null) return null;
            if (signature.Length != SignatureLength) throw new ArgumentException("not a signature of this detector", nameof(signature));

            var best = -1;
            var bestSimilarity = 0.0;
            Span<ulong> keys = stackalloc ulong[Bands];
            BandKeys(signature, keys);
            for (var b = 0; b < Bands; b++)
            {
                if (!_bandHead.TryGetValue(keys[b], out var candidate)) continue;
                for (; candidate >= 0; candidate = _nextInBand[candidate * Bands + b])
                {
                    var similarity = Similarity(signature, StoredSignature(candidate));
                    // Ties go to the earlier text so the answer does not depend on dictionary order.
                    if (similarity > bestSimilarity || (similarity == bestSimilarity && candidate < best))
                    {
                        best = candidate;
                        bestSimilarity = similarity;
                    }
                }
            }
            var root = best >= 0 && bestSimilarity >= _threshold ? _rootOf[best] : _ids.Count;
            return Add(docId, signature, keys, root);
        }
    }

    /// <summary>
    /// Re-registers a text seen in an earlier run with its stored signature and stored answer, so copies found
    /// now point to the same originals. Unknown or unregistered originals make the text its own original.
    /// </summary>
    public void Register(string docId, ulong[] signature, string? duplicateOf)
    {
        if (signature.Length != SignatureLength) throw new ArgumentException("not a signature of this detector", nameof(signature));
        lock (_gate)
        {
            if (_indexOfId.ContainsKey(docId)) return;
            Span<ulong> keys = stackalloc ulong[Bands];
            BandKeys(signature, keys);
            var root = duplicateOf is not null && _indexOfId.TryGetValue(duplicateOf, out var original)
                ? _rootOf[original]
                : _ids.Count;
            Add(docId, signature, keys, root);
        }
    }

    private string? Add(string docId, ulong[] signature, ReadOnlySpan<ulong> keys, int root)
    {
        var index = _ids.Count;
        _ids.Add(docId);
        if (index % SignaturesPerChunk == 0) _signatureChunks.Add(new ulong[SignaturesPerChunk * SignatureLength]);
        signature.CopyTo(StoredSignatureSpan(index));
        _rootOf.Add(root);
        _indexOfId[docId] = index;
        for (var b = 0; b < Bands; b++)
        {
            // Two bands of one text with one key (a 64-bit collision) must not link the text to itself.
            _nextInBand.Add(_bandHead.TryGetValue(keys[b], out var previous) && previous != index ? previous : -1);
            _bandHead[keys[b]] = index;
        }
        return root == index ? null : _ids[root];
    }

    private Span<ulong> StoredSignatureSpan(int index) =>
        _signatureChunks[index / SignaturesPerChunk].AsSpan(index % SignaturesPerChunk * SignatureLength, SignatureLength);

    private ReadOnlySpan<ulong> StoredSignature(int index) => StoredSignatureSpan(index);

    /// <summary>A signature as bytes for storage (little-endian).</summary>
    public static byte[] ToBytes(ulong[] signature)
    {
        var bytes = new byte[signature.Length * sizeof(ulong)];
        for (var i = 0; i < signature.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), signature[i]);
        return bytes;
    }

    /// <summary>A signature back from <see cref="ToBytes"/>, or null when the bytes are not one.</summary>
    public static ulong[]? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != SignatureLength * sizeof(ulong)) return null;
        var signature = new ulong[SignatureLength];
        for (var i = 0; i < signature.Length; i++)
            signature[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        return signature;
    }

    /// <summary>Estimated Jaccard similarity of the word-shingle sets of two texts (0 when either has no words).</summary>
    public double EstimateSimilarity(string a, string b)
    {
        var sa = Signature(a);
        var sb = Signature(b);
        return sa is null || sb is null ? 0 : Similarity(sa, sb);
    }

    /// <summary>The MinHash signature of a text's word shingles, or null when the text has no words.</summary>
    public ulong[]? Signature(string text)
    {
        var signature = new ulong[SignatureLength];
        signature.AsSpan().Fill(ulong.MaxValue);
        Span<ulong> window = stackalloc ulong[_shingleWords];
        var words = 0;
        ulong word = 0;
        var inWord = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                // Case-folded FNV-1a over the word's characters: punctuation and capitals do not split copies.
                if (!inWord) { word = 14695981039346656037UL; inWord = true; }
                word = (word ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                continue;
            }
            if (!inWord) continue;
            inWord = false;
            window[words % _shingleWords] = word;
            words++;
            if (words >= _shingleWords) AddShingle(signature, window, words);
        }
        if (words == 0) return null;
        // A text shorter than one shingle is one shingle of all its words, so identical short texts still match.
        if (words < _shingleWords) AddShingle(signature, window[..words], words);
        return signature;
    }

    private static void AddShingle(ulong[] signature, ReadOnlySpan<ulong> window, int wordsSoFar)
    {
        // Combine in reading order: the oldest word sits at wordsSoFar % length in the ring.
        ulong shingle = 0x9E3779B97F4A7C15UL;
        var n = window.Length;
        for (var j = 0; j < n; j++) shingle = Mix(shingle ^ window[(wordsSoFar + j) % n]);
        for (var h = 0; h < SignatureLength; h++)
        {
            var v = Mix(shingle ^ Seeds[h]);
            if (v < signature[h]) signature[h] = v;
        }
    }

    private static void BandKeys(ulong[] signature, Span<ulong> keys)
    {
        for (var b = 0; b < Bands; b++)
        {
            ulong key = (ulong)b + 1;
            for (var r = 0; r < RowsPerBand; r++) key = Mix(key ^ signature[b * RowsPerBand + r]);
            keys[b] = key;
        }
    }

    private static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var same = 0;
        for (var i = 0; i < SignatureLength; i++) if (a[i] == b[i]) same++;
        return (double)same / SignatureLength;
    }

    private static ulong Mix(ulong z)
    {
        // SplitMix64 finaliser: a cheap, well-spread 64-bit permutation.
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[SignatureLength];
        ulong state = 0x5172E9;
        for (var i = 0; i < seeds.Length; i++) seeds[i] = state = Mix(state + 0x9E3779B97F4A7C15UL);
        return seeds;
    }
}
