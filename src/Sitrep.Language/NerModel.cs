using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Sitrep.Language;

/// <summary>
/// The weights of the entity tagger (a plain serializable record, apart from the code that uses it): for each hashed
/// feature bucket one weight per BIO tag, and tag-to-tag transition weights (row <see cref="TagCount"/> is the sentence
/// start). In memory only the buckets with a weight are kept, as dense rows found through a ranked bitmap (3.4 MB
/// instead of a 37 MB table for the shipped model). Decoding is first-order Viterbi over the BIO tags, never letting
/// I-X follow anything but B-X or I-X. A stacked model also holds a second stage (<see cref="Second"/>), a model of the
/// same kind that re-tags each sentence with features of this stage's predictions for the whole document.
/// </summary>
public sealed class NerModel
{
    /// <summary>The BIO tags in weight order: O, then B-/I- for PER, ORG, LOC, MISC.</summary>
    public static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
    /// <summary>Number of tags.</summary>
    public const int TagCount = 9;

    private const string Magic = "SITREP-NER";
    private static readonly Lazy<NerModel> LazyDefault = new(() =>
    {
        var stream = typeof(NerModel).Assembly.GetManifestResourceStream("Sitrep.Language.ner.model")
            ?? throw new InvalidOperationException("LANG012: embedded NER model 'Sitrep.Language.ner.model' is missing; retrain with 'sitrep train ner'.");
        using (stream) return Load(stream);
    });

    /// <summary>
    /// Creates a model over weight arrays (emission: 2^bits * TagCount, transition: (TagCount + 1) * TagCount), with
    /// dense word-embedding features when <paramref name="dense"/> is given.
    /// </summary>
    public NerModel(int bits, float[] emission, float[] transition, NerDense? dense = null)
        : this(bits, NonZero(bits, emission), transition, dense)
    {
    }

    private NerModel(int bits, (int[] Index, float[] Value) weights, float[] transition, NerDense? dense)
    {
        Dense = dense;
        if (bits is < 6 or > 26 || transition.Length != (TagCount + 1) * TagCount)
            throw new ArgumentException("LANG013: NER weight arrays do not match the feature bits and tag count.");
        Bits = bits;
        Transition = transition;
        _constrained = Constrained(transition);
        // Only ~9% of the buckets hold a weight: a bitmap with per-word ranks (192 KB for 2^20 buckets) finds a bucket's
        // row among the dense non-zero rows, so the table read per token stays in cache instead of spanning 37 MB.
        _present = new ulong[Math.Max(1, (1 << bits) >> 6)];
        var (index, value) = weights;
        var rows = 0;
        var lastBucket = -1;
        foreach (var i in index)
        {
            var bucket = i / TagCount;
            if (bucket == lastBucket) continue;
            _present[bucket >> 6] |= 1UL << bucket;
            lastBucket = bucket;
            rows++;
        }
        _rank = Ranks(_present);
        _rows = new float[rows * TagCount];
        for (var k = 0; k < index.Length; k++)
        {
            var bucket = index[k] / TagCount;
            _rows[Row(bucket) * TagCount + index[k] % TagCount] = value[k];
        }
    }

    private readonly float[] _constrained;
    private readonly ulong[] _present;
    private readonly int[] _rank;
    private readonly float[] _rows;

    private NerModel(NerModel first, NerModel? second, NerStacking.Groups groups)
    {
        if (second is not null && (second.Second is not null || second.Bits != first.Bits))
            throw new ArgumentException("LANG013: a second-stage NER model must be single-stage and use the first stage's feature bits.");
        Bits = first.Bits;
        Transition = first.Transition;
        Dense = first.Dense;
        _constrained = first._constrained;
        _present = first._present;
        _rank = first._rank;
        _rows = first._rows;
        Second = second;
        SecondGroups = groups;
        if (second is null) return;
        // Both stages' weights side by side per bucket (the union of their buckets): the first pass, which reads a
        // token's rows anyway, also sums the second stage's weights of the same features, so the second pass adds
        // only the stacked features' weights instead of reading every feature again.
        _pairPresent = new ulong[_present.Length];
        for (var w = 0; w < _present.Length; w++) _pairPresent[w] = _present[w] | second._present[w];
        _pairRank = Ranks(_pairPresent);
        var rows = _pairRank[^1] + BitOperations.PopCount(_pairPresent[^1]);
        _pairRows = new float[rows * PairWidth];
        for (var bucket = 0; bucket < 1 << Bits; bucket++)
        {
            var bit = 1UL << bucket;
            if ((_pairPresent[bucket >> 6] & bit) == 0) continue;
            var row = RowOf(_pairPresent, _pairRank, bucket) * PairWidth;
            if ((_present[bucket >> 6] & bit) != 0) _rows.AsSpan(Row(bucket) * TagCount, TagCount).CopyTo(_pairRows.AsSpan(row));
            if ((second._present[bucket >> 6] & bit) != 0)
                second._rows.AsSpan(second.Row(bucket) * TagCount, TagCount).CopyTo(_pairRows.AsSpan(row + TagCount));
        }
    }

    private const int PairWidth = 2 * TagCount;
    private readonly ulong[]? _pairPresent;
    private readonly int[]? _pairRank;
    private readonly float[]? _pairRows;

    /// <summary>
    /// The first pass of a stacked model over a sentence: decodes it with the first stage into <paramref name="tags"/>
    /// and writes into <paramref name="partial"/> (n × TagCount) the second stage's scores of the same features, which
    /// <see cref="DecodeSecond"/> completes with the stacked features.
    /// </summary>
    /// <param name="initial">The first stage's dense scores (n × TagCount), or empty for none.</param>
    /// <param name="partial">On entry the second stage's dense scores (zeros for none), on return its partial scores.</param>
    internal void DecodeFirst(ReadOnlySpan<int> ids, ReadOnlySpan<int> offsets, int n, int[] tags, float[] work, ReadOnlySpan<float> initial, Span<float> partial)
    {
        if (n == 0) return;
        const int T = TagCount;
        var score = work.AsSpan(0, n * T);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_pairRows!);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(_pairPresent!);
        ref var k0 = ref MemoryMarshal.GetArrayDataReference(_pairRank!);
        for (var k = 0; k < n; k++)
        {
            // The same additions in the same order as Decode on each stage's own table (a bucket one stage lacks adds
            // zeros), so the scores are those of the two tables read separately.
            // Dense scores first, then the sparse weights, as the trainer adds them.
            var v = initial.IsEmpty ? Vector256<float>.Zero : Vector256.Create<float>(initial.Slice(k * T, 8));
            var s8 = initial.IsEmpty ? 0 : initial[k * T + 8];
            var v2 = Vector256.Create<float>(partial.Slice(k * T, 8));
            var s17 = partial[k * T + 8];
            var stop = offsets[k + 1];
            for (var f = offsets[k]; f < stop; f++)
            {
                var id = ids[f];
                var word = Unsafe.Add(ref p0, id >> 6);
                var bit = 1UL << id;
                if ((word & bit) == 0) continue;
                var row = Unsafe.Add(ref k0, id >> 6) + BitOperations.PopCount(word & (bit - 1));
                ref var w = ref Unsafe.Add(ref r0, row * PairWidth);
                v += Vector256.LoadUnsafe(ref w);
                s8 += Unsafe.Add(ref w, 8);
                v2 += Vector256.LoadUnsafe(ref Unsafe.Add(ref w, T));
                s17 += Unsafe.Add(ref w, T + 8);
            }
            v.StoreUnsafe(ref score[k * T]);
            score[k * T + 8] = s8;
            v2.StoreUnsafe(ref partial[k * T]);
            partial[k * T + 8] = s17;
        }
        Viterbi(_constrained, n, tags, work);
    }

    /// <summary>
    /// The second pass of a stacked model over a sentence: adds the second stage's weights of the stacked features
    /// (<paramref name="ids"/>, token k's at offsets[k]..offsets[k + 1]) to the <paramref name="partial"/> scores of
    /// <see cref="DecodeFirst"/> and decodes with the second stage's transitions.
    /// </summary>
    internal void DecodeSecond(ReadOnlySpan<int> ids, ReadOnlySpan<int> offsets, int n, int[] tags, float[] work, ReadOnlySpan<float> partial)
    {
        if (n == 0) return;
        const int T = TagCount;
        var score = work.AsSpan(0, n * T);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_pairRows!);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(_pairPresent!);
        ref var k0 = ref MemoryMarshal.GetArrayDataReference(_pairRank!);
        for (var k = 0; k < n; k++)
        {
            var v = Vector256.Create<float>(partial.Slice(k * T, 8));
            var s8 = partial[k * T + 8];
            var stop = offsets[k + 1];
            for (var f = offsets[k]; f < stop; f++)
            {
                var id = ids[f];
                var word = Unsafe.Add(ref p0, id >> 6);
                var bit = 1UL << id;
                if ((word & bit) == 0) continue;
                var row = Unsafe.Add(ref k0, id >> 6) + BitOperations.PopCount(word & (bit - 1));
                ref var w = ref Unsafe.Add(ref r0, row * PairWidth + T);
                v += Vector256.LoadUnsafe(ref w);
                s8 += Unsafe.Add(ref w, 8);
            }
            v.StoreUnsafe(ref score[k * T]);
            score[k * T + 8] = s8;
        }
        Viterbi(Second!._constrained, n, tags, work);
    }

    /// <summary>
    /// This model as the first stage of a stacked tagger whose second stage, <paramref name="second"/>, reads this
    /// stage's predictions for the whole document through the stacked feature <paramref name="groups"/>.
    /// </summary>
    public NerModel WithSecondStage(NerModel second, NerStacking.Groups groups) => new(this, second, groups);

    /// <summary>The first stage alone (this model when it has no second stage), to compare what the second stage changes.</summary>
    public NerModel FirstStage => Second is null ? this : new(this, null, NerStacking.Groups.None);

    /// <summary>This stage's dense word-embedding features, or null when it has none.</summary>
    public NerDense? Dense { get; }

    /// <summary>True when a stage of the model has dense features, so its tagger needs the word vectors.</summary>
    public bool UsesDense => Dense is not null || Second?.Dense is not null;

    /// <summary>The second-stage tagger (Ratinov and Roth's prediction aggregation), or null for a single-stage model.</summary>
    public NerModel? Second { get; }

    /// <summary>The stacked feature groups the second stage was trained with (None for a single-stage model).</summary>
    public NerStacking.Groups SecondGroups { get; }

    /// <summary>The model shipped in data/models/ner.model, embedded in this assembly, loaded once.</summary>
    public static NerModel Default => LazyDefault.Value;

    /// <summary>log2 of the number of feature buckets.</summary>
    public int Bits { get; }
    /// <summary>Transition weights: previous * TagCount + next; previous = TagCount is the sentence start.</summary>
    public float[] Transition { get; }
    /// <summary>Number of feature buckets with at least one non-zero weight.</summary>
    public int NonZeroBuckets => _rows.Length / TagCount;

    /// <summary>The feature weights as one dense array (bucket * TagCount + tag), as training makes them.</summary>
    public float[] DenseEmission()
    {
        var dense = new float[(1 << Bits) * TagCount];
        for (var bucket = 0; bucket < 1 << Bits; bucket++)
            if ((_present[bucket >> 6] & (1UL << bucket)) != 0)
                _rows.AsSpan(Row(bucket) * TagCount, TagCount).CopyTo(dense.AsSpan(bucket * TagCount, TagCount));
        return dense;
    }

    /// <summary>
    /// Every weight table the model holds, as dense arrays in a fixed order: this stage's emission and transition
    /// weights and its dense features' weights (when it has them), then the second stage's tables. <see cref="WithTables"/>
    /// is its inverse; a table added to the model goes into both, and <see cref="Average"/> then averages it too.
    /// </summary>
    internal IReadOnlyList<float[]> Tables()
    {
        List<float[]> tables = [DenseEmission(), (float[])Transition.Clone()];
        if (Dense is not null) tables.Add((float[])Dense.Weights.Clone());
        if (Second is not null) tables.AddRange(Second.Tables());
        return tables;
    }

    /// <summary>A model of this one's shape (bits, stages, stacked groups) holding <paramref name="tables"/>, in <see cref="Tables"/>'s order.</summary>
    internal NerModel WithTables(IReadOnlyList<float[]> tables)
    {
        var own = Dense is null ? 2 : 3;
        if (tables.Count < own) throw new ArgumentException("LANG018: too few weight tables for this NER model's shape.", nameof(tables));
        var first = new NerModel(Bits, tables[0], tables[1], Dense is null ? null : new NerDense(Dense.Settings, Dense.Dims, tables[2]));
        if (Second is null)
            return tables.Count == own ? first : throw new ArgumentException("LANG018: too many weight tables for this NER model's shape.", nameof(tables));
        return first.WithSecondStage(Second.WithTables(tables.Skip(own).ToList()), SecondGroups);
    }

    /// <summary>
    /// Parameter mixing (Mann et al. 2009; McDonald, Hall and Mann 2010): the element-wise mean of every weight table of
    /// <paramref name="models"/>, which must share one shape. For a linear model that is the mean of their scores, an
    /// ensemble of models trained with different shuffles at the cost of one. Deterministic: sums in double, in the
    /// models' order; one model gives back its own weights exactly.
    /// </summary>
    public static NerModel Average(IReadOnlyList<NerModel> models)
    {
        if (models.Count == 0) throw new ArgumentException("LANG018: averaging needs at least one NER model.", nameof(models));
        var shape = models[0];
        double[][]? sums = null;
        foreach (var model in models)
        {
            if (model.Bits != shape.Bits || model.SecondGroups != shape.SecondGroups || (model.Second is null) != (shape.Second is null)
                || !SameDense(model.Dense, shape.Dense) || !SameDense(model.Second?.Dense, shape.Second?.Dense))
                throw new ArgumentException(
                    $"LANG018: NER models to average differ in shape ({model.Bits} bits, groups {model.SecondGroups} against {shape.Bits} bits, groups {shape.SecondGroups}).",
                    nameof(models));
            var tables = model.Tables();
            sums ??= tables.Select(t => new double[t.Length]).ToArray();
            for (var i = 0; i < tables.Count; i++)
            {
                if (tables[i].Length != sums[i].Length) throw new ArgumentException("LANG018: NER models to average differ in a table's size.", nameof(models));
                var sum = sums[i];
                var table = tables[i];
                for (var j = 0; j < table.Length; j++) sum[j] += table[j];
            }
        }
        return shape.WithTables(sums!.Select(sum => sum.Select(v => (float)(v / models.Count)).ToArray()).ToList());
    }

    /// <summary>Whether two stages' dense features have one layout and meaning (both none, or the same settings and dimensions).</summary>
    private static bool SameDense(NerDense? a, NerDense? b) =>
        a is null ? b is null : b is not null && a.Settings == b.Settings && a.Dims == b.Dims;

    /// <summary>Row of a bucket marked present: the present buckets before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(int bucket) => RowOf(_present, _rank, bucket);

    /// <summary>The row of a present bucket among the dense rows: the rank of its word plus its set bits below it.</summary>
    private static int RowOf(ulong[] present, int[] rank, int bucket) =>
        rank[bucket >> 6] + BitOperations.PopCount(present[bucket >> 6] & ((1UL << bucket) - 1));

    /// <summary>For each 64-bucket word of a presence bitmap, how many buckets before it are present.</summary>
    private static int[] Ranks(ulong[] present)
    {
        var rank = new int[present.Length];
        for (int w = 0, sum = 0; w < present.Length; w++)
        {
            rank[w] = sum;
            sum += BitOperations.PopCount(present[w]);
        }
        return rank;
    }

    private static (int[] Index, float[] Value) NonZero(int bits, float[] emission)
    {
        if (bits is < 6 or > 26 || emission.Length != (1 << bits) * TagCount)
            throw new ArgumentException("LANG013: NER weight arrays do not match the feature bits and tag count.");
        var count = 0;
        foreach (var v in emission) if (v != 0) count++;
        var index = new int[count];
        var value = new float[count];
        for (int i = 0, k = 0; i < emission.Length; i++)
        {
            if (emission[i] == 0) continue;
            index[k] = i;
            value[k++] = emission[i];
        }
        return (index, value);
    }

    /// <summary>True when tag <paramref name="next"/> may follow <paramref name="previous"/> (TagCount = start).</summary>
    public static bool Allowed(int previous, int next) =>
        // I-X (even tags >= 2) only continues B-X (next - 1) or I-X (next).
        next == 0 || (next & 1) == 1 || (previous < TagCount && (previous == next - 1 || previous == next));

    /// <summary>Writes the best tag sequence for a sentence's sparse features (without dense scores) into <paramref name="tags"/>[0..n).</summary>
    public void Decode(NerFeatures.Scratch s, int n, int[] tags, float[] work) => Decode(s.Ids, s.Offsets, n, tags, work);

    /// <summary>
    /// Writes the best tag sequence for a sentence into <paramref name="tags"/>[0..n): token k's feature ids are
    /// <paramref name="ids"/>[offsets[k]..offsets[k + 1]), adding their weights to <paramref name="initial"/> (the dense
    /// features' scores, n × TagCount; empty for zeros).
    /// </summary>
    public void Decode(ReadOnlySpan<int> ids, ReadOnlySpan<int> offsets, int n, int[] tags, float[] work, ReadOnlySpan<float> initial = default)
    {
        if (n == 0) return;
        const int T = TagCount;
        var score = work.AsSpan(0, n * T);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(_present);
        ref var k0 = ref MemoryMarshal.GetArrayDataReference(_rank);
        for (var k = 0; k < n; k++)
        {
            // Tags 0-7 in one vector and tag 8 alone: each lane adds the same weights in the same order as the
            // scalar decoder, so the sums are bit-identical.
            var v = initial.IsEmpty ? Vector256<float>.Zero : Vector256.Create<float>(initial.Slice(k * T, 8));
            var s8 = initial.IsEmpty ? 0 : initial[k * T + 8];
            var stop = offsets[k + 1];
            for (var f = offsets[k]; f < stop; f++)
            {
                // Bucket ids are < 2^bits by construction, so the bitmap word and the row lie inside their arrays.
                // Skipping an absent bucket adds nothing a zero row would not: the sums are the dense table's exactly.
                var id = ids[f];
                var word = Unsafe.Add(ref p0, id >> 6);
                var bit = 1UL << id;
                if ((word & bit) == 0) continue;
                var row = Unsafe.Add(ref k0, id >> 6) + BitOperations.PopCount(word & (bit - 1));
                ref var w = ref Unsafe.Add(ref r0, row * T);
                v += Vector256.LoadUnsafe(ref w);
                s8 += Unsafe.Add(ref w, 8);
            }
            v.StoreUnsafe(ref score[k * T]);
            score[k * T + 8] = s8;
        }
        Viterbi(_constrained, n, tags, work);
    }

    /// <summary>Transition weights with -infinity where a tag may not follow another, so Viterbi needs no test.</summary>
    private static float[] Constrained(float[] transition)
    {
        var result = (float[])transition.Clone();
        for (var p = 0; p <= TagCount; p++)
            for (var t = 0; t < TagCount; t++)
                if (!Allowed(p, t)) result[p * TagCount + t] = float.NegativeInfinity;
        return result;
    }

    /// <summary>
    /// Viterbi over a dense weight table (bucket * TagCount + tag): training decodes with its current, unaveraged
    /// weights, and it is the reference the compact table's <see cref="Decode(NerFeatures.Scratch, int, int[], float[])"/> must match.
    /// </summary>
    /// <param name="initial">Dense features' scores (n × TagCount) the weights are added to, or empty for zeros.</param>
    public static void Decode(float[] emission, float[] transition, ReadOnlySpan<int> ids, ReadOnlySpan<int> offsets, int n, int[] tags, float[] work,
        ReadOnlySpan<float> initial = default)
    {
        if (n > 0) DecodeConstrained(emission, Constrained(transition), ids, offsets, n, tags, work, initial);
    }

    private static void DecodeConstrained(float[] emission, float[] trans, ReadOnlySpan<int> ids, ReadOnlySpan<int> offsets, int n, int[] tags, float[] work,
        ReadOnlySpan<float> initial)
    {
        const int T = TagCount;
        var score = work.AsSpan(0, n * T);
        ref var e0 = ref MemoryMarshal.GetArrayDataReference(emission);
        for (var k = 0; k < n; k++)
        {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
            if (!initial.IsEmpty)
            {
                var i0 = initial.Slice(k * T, T);
                (s0, s1, s2, s3, s4, s5, s6, s7, s8) = (i0[0], i0[1], i0[2], i0[3], i0[4], i0[5], i0[6], i0[7], i0[8]);
            }
            var stop = offsets[k + 1];
            for (var f = offsets[k]; f < stop; f++)
            {
                // Bucket ids are < 2^bits by construction, so the row lies inside the array.
                ref var w = ref Unsafe.Add(ref e0, ids[f] * T);
                s0 += w; s1 += Unsafe.Add(ref w, 1); s2 += Unsafe.Add(ref w, 2);
                s3 += Unsafe.Add(ref w, 3); s4 += Unsafe.Add(ref w, 4);
                s5 += Unsafe.Add(ref w, 5); s6 += Unsafe.Add(ref w, 6);
                s7 += Unsafe.Add(ref w, 7); s8 += Unsafe.Add(ref w, 8);
            }
            var row = score.Slice(k * T, T);
            row[0] = s0; row[1] = s1; row[2] = s2; row[3] = s3; row[4] = s4; row[5] = s5; row[6] = s6; row[7] = s7; row[8] = s8;
        }
        Viterbi(trans, n, tags, work);
    }

    /// <summary>Viterbi over emission scores in work[0, n*T), overwriting them; work[n*T, 2n*T) holds back-pointers as floats.</summary>
    private static void Viterbi(float[] trans, int n, int[] tags, float[] work)
    {
        const int T = TagCount;
        var score = work.AsSpan(0, n * T);
        var back = work.AsSpan(n * T, n * T);
        for (var t = 0; t < T; t++) score[t] += trans[T * T + t];
        for (var k = 1; k < n; k++)
        {
            var prev = score.Slice((k - 1) * T, T);
            for (var t = 0; t < T; t++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < T; p++)
                {
                    var v = prev[p] + trans[p * T + t];
                    if (v > best) { best = v; arg = p; }
                }
                score[k * T + t] += best;
                back[k * T + t] = arg;
            }
        }
        var last = 0;
        for (var t = 1; t < T; t++) if (score[(n - 1) * T + t] > score[(n - 1) * T + last]) last = t;
        tags[n - 1] = last;
        for (var k = n - 1; k > 0; k--) tags[k - 1] = (int)back[k * T + tags[k]];
    }

    /// <summary>
    /// Writes the model gzip-compressed: header, feature version, the number of stages and the second stage's feature
    /// groups, then per stage its bits, tags, transitions, non-zero emission weights as (gap from the previous index,
    /// value) pairs, and whether it has dense features, then those (<see cref="NerDense"/>).
    /// </summary>
    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(NerFeatures.Version);
        w.Write(Second is null ? 1 : 2);
        w.Write((int)SecondGroups);
        WriteStage(w);
        Second?.WriteStage(w);
    }

    private void WriteStage(BinaryWriter w)
    {
        w.Write(Bits);
        w.Write(TagCount);
        foreach (var tag in Tags) w.Write(tag);
        foreach (var v in Transition) w.Write(v);
        var nonZero = 0;
        foreach (var v in _rows) if (v != 0) nonZero++;
        w.Write(nonZero);
        var previous = -1;
        for (var bucket = 0; bucket < 1 << Bits; bucket++)
        {
            if ((_present[bucket >> 6] & (1UL << bucket)) == 0) continue;
            var row = Row(bucket) * TagCount;
            for (var t = 0; t < TagCount; t++)
            {
                if (_rows[row + t] == 0) continue;
                var i = bucket * TagCount + t;
                w.Write7BitEncodedInt(i - previous);
                w.Write(_rows[row + t]);
                previous = i;
            }
        }
        w.Write(Dense is not null);
        Dense?.Write(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; refuses other formats and feature versions.</summary>
    public static NerModel Load(Stream stream)
    {
        // Inflating in one go and parsing from memory is several times faster than reading through the gzip stream.
        var raw = new MemoryStream();
        using (var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true)) gz.CopyTo(raw);
        raw.Position = 0;
        using var r = new BinaryReader(raw, Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException("LANG014: not a Sitrep NER model.");
        var version = r.ReadInt32();
        if (version != NerFeatures.Version)
            throw new InvalidDataException($"LANG014: NER model uses feature set {version}, this build has {NerFeatures.Version}; retrain with 'sitrep train ner'.");
        var stages = r.ReadInt32();
        var groups = (NerStacking.Groups)r.ReadInt32();
        if (stages is not (1 or 2) || (groups & ~NerStacking.Groups.All) != 0 || (stages == 1) != (groups == NerStacking.Groups.None))
            throw new InvalidDataException($"LANG014: NER model has {stages} stages with stacked feature groups {(int)groups}; expected 1 stage, or 2 with known groups.");
        var first = ReadStage(r);
        if (stages == 1) return first;
        var second = ReadStage(r);
        if (second.Bits != first.Bits)
            throw new InvalidDataException($"LANG014: NER model's second stage has {second.Bits} feature bits, its first {first.Bits}.");
        return first.WithSecondStage(second, groups);
    }

    private static NerModel ReadStage(BinaryReader r)
    {
        var bits = r.ReadInt32();
        var tagCount = r.ReadInt32();
        for (var t = 0; t < tagCount; t++)
            if (t >= TagCount || r.ReadString() != Tags[t]) throw new InvalidDataException("LANG014: NER model tags differ from this build's.");
        if (tagCount != TagCount) throw new InvalidDataException("LANG014: NER model tags differ from this build's.");
        var transition = new float[(TagCount + 1) * TagCount];
        for (var i = 0; i < transition.Length; i++) transition[i] = r.ReadSingle();
        if (bits is < 6 or > 26) throw new InvalidDataException($"LANG014: NER model has {bits} feature bits, outside 6..26.");
        var size = (long)TagCount << bits;
        var count = r.ReadInt32();
        if (count < 0 || count > size) throw new InvalidDataException("LANG014: NER model weight count is out of range.");
        var index = new int[count];
        var value = new float[count];
        var at = -1L;
        for (var k = 0; k < count; k++)
        {
            var gap = r.Read7BitEncodedInt();
            at += gap;
            // Gaps are positive, so indexes ascend, as the compact table's construction needs.
            if (gap <= 0 || at >= size) throw new InvalidDataException("LANG014: NER model weight index is out of range.");
            index[k] = (int)at;
            value[k] = r.ReadSingle();
        }
        var dense = r.ReadBoolean() ? NerDense.Read(r) : null;
        return new NerModel(bits, (index, value), transition, dense);
    }
}
