using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Language;

/// <summary>
/// The real-valued word-embedding features of one tagger stage: tag y at token i scores Σ_p Σ_d W[p, y, d] ·
/// e(word_{i+p})[d] for window positions p in [-<see cref="NerDenseSettings.Window"/>, +Window] within the sentence, with e
/// the word's <see cref="NerWordEmbeddings"/> vector times <see cref="NerDenseSettings.Scale"/> (a word without a vector adds nothing:
/// its sparse features carry its shape). A plain weight table beside the hashed one, so averaging weight tables can
/// reach it (<see cref="Weights"/>).
/// </summary>
public sealed class NerDense
{
    /// <summary>Set in a token's embedding code (see <see cref="NerFeatures.Scratch.Embedding"/>) when it is written in capitals outside a headline.</summary>
    public const int AllCapsFlag = 1 << 30;

    private const int T = NerModel.TagCount;

    /// <summary>A dense block with the given settings and weights (<see cref="Positions"/> × TagCount × <see cref="Padded"/> floats), or zeros when null.</summary>
    public NerDense(NerDenseSettings settings, int dims, float[]? weights = null)
    {
        if (dims is < 1 or > 1024 || settings.Window is < 0 or > 2 || settings.Words < 0 || settings.AllCapsWithout < 0 || !(settings.Scale > 0))
            throw new ArgumentException($"LANG019: dense features need 1-1024 dimensions, a window of 0-2, word counts >= 0 and a positive scale (got {dims}, {settings.Window}, {settings.Words}, {settings.AllCapsWithout}, {settings.Scale}).");
        Settings = settings;
        Dims = dims;
        Padded = (dims + 7) & ~7;
        var size = Positions * T * Padded;
        if (weights is not null && weights.Length != size)
            throw new ArgumentException($"LANG019: dense weights hold {weights.Length} floats; {Positions} positions x {T} tags x {Padded} need {size}.");
        Weights = weights ?? new float[size];
    }

    /// <summary>Window, vocabulary, capitals rule and scale the block was trained with.</summary>
    public NerDenseSettings Settings { get; }
    /// <summary>Dimensions of the word vectors.</summary>
    public int Dims { get; }
    /// <summary>Dimensions rounded up to a multiple of 8 (the vector width); the padding weights stay zero.</summary>
    public int Padded { get; }
    /// <summary>Number of window positions, 2 × Window + 1.</summary>
    public int Positions => 2 * Settings.Window + 1;
    /// <summary>The weights: position (p + Window) × TagCount + tag gives a row of <see cref="Padded"/> floats.</summary>
    public float[] Weights { get; }

    /// <summary>The table row a token's embedding code stands for under these settings, or -1 for no vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RowOf(int code)
    {
        if (code < 0) return -1;
        var row = code & ~AllCapsFlag;
        return row < Settings.Words && ((code & AllCapsFlag) == 0 || row >= Settings.AllCapsWithout) ? row : -1;
    }

    /// <summary>A work vector for the scores and the trainer's updates (its padding must stay zero).</summary>
    public float[] NewVector() => new float[Padded];

    /// <summary>
    /// Adds to <paramref name="score"/> (n × TagCount) the dense features' scores of a sentence whose tokens have the
    /// embedding <paramref name="codes"/>, using <paramref name="weights"/> (this block's layout; the trainer passes its
    /// current weights) and <paramref name="vector"/> as work space.
    /// </summary>
    public void AddScores(ReadOnlySpan<float> weights, NerWordEmbeddings embeddings, ReadOnlySpan<int> codes, int n, Span<float> score, float[] vector) =>
        AddScores(weights, embeddings, codes, n, score, vector, []);

    /// <summary>
    /// As <see cref="AddScores(ReadOnlySpan{float}, NerWordEmbeddings, ReadOnlySpan{int}, int, Span{float}, float[])"/>,
    /// taking the dot products of the table's most frequent words from <paramref name="projected"/> (<see cref="Project"/>
    /// of the same weights; empty for none): the same values, so the same scores.
    /// </summary>
    internal void AddScores(ReadOnlySpan<float> weights, NerWordEmbeddings embeddings, ReadOnlySpan<int> codes, int n, Span<float> score,
        float[] vector, ReadOnlySpan<float> projected)
    {
        var window = Settings.Window;
        var stride = Positions * T;
        var projectedRows = projected.Length / stride;
        var factor = Settings.Scale / embeddings.Steps;
        for (var j = 0; j < n; j++)
        {
            var row = RowOf(codes[j]);
            if (row < 0) continue;
            var known = row < projectedRows;
            if (!known) embeddings.Widen(row, vector);
            // Token j is position p of token i = j - p.
            for (var p = -window; p <= window; p++)
            {
                var i = j - p;
                if (i < 0 || i >= n) continue;
                var at = i * T;
                var position = p + window;
                if (known)
                {
                    var dots = projected.Slice(row * stride + position * T, T);
                    for (var y = 0; y < T; y++) score[at + y] += dots[y];
                }
                else
                    for (var y = 0; y < T; y++) score[at + y] += Dot(weights, vector, position, y, factor);
            }
        }
    }

    /// <summary>
    /// The dot products of the table's first <paramref name="rows"/> words (the most frequent) with every window position's
    /// tag rows, row after row (Positions × TagCount each): most tokens are among them, and a tagger reads these
    /// instead of widening the word's vector and multiplying it out.
    /// </summary>
    public float[] Project(NerWordEmbeddings embeddings, int rows)
    {
        rows = Math.Min(rows, Math.Min(embeddings.Count, Settings.Words));
        var stride = Positions * T;
        var result = new float[rows * stride];
        var vector = NewVector();
        var factor = Settings.Scale / embeddings.Steps;
        for (var r = 0; r < rows; r++)
        {
            embeddings.Widen(r, vector);
            for (var position = 0; position < Positions; position++)
                for (var y = 0; y < T; y++) result[r * stride + position * T + y] = Dot(Weights, vector, position, y, factor);
        }
        return result;
    }

    // ProjectAll's table and the word table it was made for: made on first use, read-only after.
    private readonly Lock _projecting = new();
    private (NerWordEmbeddings For, float[] Dots)? _projectedAll;

    /// <summary>
    /// <see cref="Project"/> of every word these settings use (positions × tags floats a word: 5.4 MB for 150,000 words
    /// with the shipped window of 0), made once per block and word table and shared by every tagger, so a token's dense
    /// scores are one row read whatever the word, not nine dot products for each word outside a small precomputed set.
    /// </summary>
    internal float[] ProjectAll(NerWordEmbeddings embeddings)
    {
        lock (_projecting)
        {
            if (_projectedAll is not { } kept || !ReferenceEquals(kept.For, embeddings))
                _projectedAll = kept = (embeddings, Project(embeddings, int.MaxValue));
            return kept.Dots;
        }
    }

    /// <summary>The score a word's widened vector gives tag y at a window position: the dot product, scaled once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Dot(ReadOnlySpan<float> weights, float[] vector, int position, int y, float factor)
    {
        // The table's integer steps are summed as they are and scaled once per dot product.
        ref var wy = ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), (position * T + y) * Padded);
        ref var e0 = ref MemoryMarshal.GetArrayDataReference(vector);
        var acc = Vector256<float>.Zero;
        for (var d = 0; d < Padded; d += 8)
            acc += Vector256.LoadUnsafe(ref Unsafe.Add(ref wy, d)) * Vector256.LoadUnsafe(ref Unsafe.Add(ref e0, d));
        return factor * Vector256.Sum(acc);
    }

    /// <summary>
    /// The perceptron step at token <paramref name="k"/> of a sentence of <paramref name="n"/> tokens: adds each window
    /// word's vector to the rows of tag <paramref name="gold"/> and subtracts it from those of <paramref name="predicted"/>,
    /// in <paramref name="weights"/> and, times <paramref name="c"/>, in the averaging sums <paramref name="sums"/>.
    /// </summary>
    internal void Update(float[] weights, float[] sums, float c, NerWordEmbeddings embeddings, ReadOnlySpan<int> codes, int k, int n,
        int gold, int predicted, float[] vector)
    {
        var window = Settings.Window;
        for (var p = -window; p <= window; p++)
        {
            var j = k + p;
            if (j < 0 || j >= n) continue;
            var row = RowOf(codes[j]);
            if (row < 0) continue;
            embeddings.Vector(row, Settings.Scale, vector);
            var g = ((p + window) * T + gold) * Padded;
            var q = ((p + window) * T + predicted) * Padded;
            for (var d = 0; d < Dims; d++)
            {
                var v = vector[d];
                weights[g + d] += v; sums[g + d] += c * v;
                weights[q + d] -= v; sums[q + d] -= c * v;
            }
        }
    }

    /// <summary>Writes the settings, dimensions and weights (without the padding).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Settings.Window);
        w.Write(Settings.Words);
        w.Write(Settings.AllCapsWithout);
        w.Write(Settings.Scale);
        w.Write(Dims);
        for (var r = 0; r < Positions * T; r++)
            for (var d = 0; d < Dims; d++) w.Write(Weights[r * Padded + d]);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    internal static NerDense Read(BinaryReader r)
    {
        var settings = new NerDenseSettings(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadSingle());
        var dims = r.ReadInt32();
        NerDense dense;
        try { dense = new NerDense(settings, dims); }
        catch (ArgumentException e) { throw new InvalidDataException("LANG014: NER model's dense features: " + e.Message); }
        for (var row = 0; row < dense.Positions * T; row++)
            for (var d = 0; d < dims; d++) dense.Weights[row * dense.Padded + d] = r.ReadSingle();
        return dense;
    }
}

/// <summary>
/// How a stage uses word embeddings: the window radius (0: the word itself; 1: also its neighbours), the number of most
/// frequent table words used (the rest count as unknown), how many of the most frequent words go without a vector when
/// written in capitals outside a headline (GloVe's vectors are lower-case, and "IS" is not the verb "is"; a rarer word's
/// vector, "nato", is mostly about the acronym), and the factor on the table's unit-SD values.
/// </summary>
public sealed record NerDenseSettings(int Window, int Words, int AllCapsWithout, float Scale);
