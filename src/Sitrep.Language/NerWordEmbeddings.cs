using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Sitrep.Language;

/// <summary>
/// Dense word vectors for the tagger's real-valued features (data/language/word_embeddings.bin, built by
/// build_word_embeddings.sh from pre-trained GloVe vectors): the most frequent lower-case words in frequency order,
/// each a row of int8 values in steps of 1/<see cref="Steps"/> of the table's SD (Turian, Ratinov and Bengio 2010 add
/// such vectors to a linear tagger besides Brown clusters). Looked up by the token's lower-case hash, without allocating.
/// </summary>
public sealed class NerWordEmbeddings
{
    private const string Magic = "SREMB1";

    private static readonly Lazy<NerWordEmbeddings> LazyDefault = new(() =>
    {
        var stream = typeof(NerWordEmbeddings).Assembly.GetManifestResourceStream("Sitrep.Language.word_embeddings.bin")
            ?? throw new InvalidOperationException("LANG018: embedded resource 'Sitrep.Language.word_embeddings.bin' is missing; rebuild with data/language/build_word_embeddings.sh.");
        using (stream) return Load(stream, "word_embeddings.bin");
    });

    // Lower-case hash -> row + 1 (absent gives 0).
    private readonly HashKeyTable<int> _rows;
    private readonly sbyte[] _values;

    private NerWordEmbeddings(int dims, int steps, List<(ulong Key, int Value)> rows, sbyte[] values)
    {
        Dims = dims;
        Steps = steps;
        Count = rows.Count;
        _rows = new HashKeyTable<int>(rows);
        _values = values;
    }

    /// <summary>The embedded table, loaded once.</summary>
    public static NerWordEmbeddings Default => LazyDefault.Value;

    /// <summary>No vectors: every word is unknown (0 dimensions).</summary>
    public static NerWordEmbeddings Empty { get; } = new(0, 1, [], []);

    /// <summary>Number of dimensions of a vector.</summary>
    public int Dims { get; }

    /// <summary>Quantisation steps per unit (an SD of the table's values).</summary>
    public int Steps { get; }

    /// <summary>Number of rows (words) in the table.</summary>
    public int Count { get; }

    /// <summary>
    /// The row of the word with lower-case hash <paramref name="lowerHash"/> (rows are in the source's frequency order,
    /// 0 the most frequent), or -1 when the word is not listed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong lowerHash) => _rows.Get(lowerHash) - 1;

    /// <summary>Every listed word's lower-case hash and row.</summary>
    internal IEnumerable<(ulong Key, int Row)> Entries()
    {
        foreach (var (key, value) in _rows.Entries()) yield return (key, value - 1);
    }

    /// <summary>Writes row <paramref name="row"/> in units of the table's SD times <paramref name="scale"/> into the first <see cref="Dims"/> floats of <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Vector(int row, float scale, Span<float> into)
    {
        var factor = scale / Steps;
        var values = _values.AsSpan(row * Dims, Dims);
        into = into[..values.Length];
        for (var d = 0; d < values.Length; d++) into[d] = values[d] * factor;
    }

    /// <summary>Writes row <paramref name="row"/>'s integer steps as floats into the first <see cref="Dims"/> floats of <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Widen(int row, float[] into)
    {
        var dims = Dims;
        ref var v0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), row * dims);
        ref var f0 = ref MemoryMarshal.GetArrayDataReference(into);
        var d = 0;
        // 16 values at a time: the array has 16 bytes of slack after the last row, so the last load stays inside it.
        for (; d + 16 <= dims; d += 16)
        {
            var b = Vector128.LoadUnsafe(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref v0, d))).AsSByte();
            var (lo, hi) = Vector128.Widen(b);
            var (a0, a1) = Vector128.Widen(lo);
            var (a2, a3) = Vector128.Widen(hi);
            Vector256.ConvertToSingle(Vector256.Create(a0, a1)).StoreUnsafe(ref Unsafe.Add(ref f0, d));
            Vector256.ConvertToSingle(Vector256.Create(a2, a3)).StoreUnsafe(ref Unsafe.Add(ref f0, d + 8));
        }
        for (; d < dims; d++) Unsafe.Add(ref f0, d) = Unsafe.Add(ref v0, d);
    }

    /// <summary>Reads a table written by build_word_embeddings.mjs; <paramref name="name"/> names it in errors.</summary>
    public static NerWordEmbeddings Load(Stream stream, string name)
    {
        // The shipped table is stored uncompressed: its int8 values hardly compress (16.3 MB to 14.0 MB with gzip -9)
        // and inflating them took most of the load time.
        var raw = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, int.MaxValue) : 1 << 16);
        stream.CopyTo(raw);
        return Parse(raw.GetBuffer().AsSpan(0, (int)raw.Length), name);
    }

    /// <summary>Parses an uncompressed table (the format build_word_embeddings.mjs documents).</summary>
    // Runs once, over 150,000 words: optimised code from the start instead of the first tier's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NerWordEmbeddings Parse(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < 18 || Encoding.ASCII.GetString(data[..6]) != Magic)
            throw new InvalidDataException($"LANG018: {name} is not a Sitrep word-embedding table (expected '{Magic}').");
        var dims = BinaryPrimitives.ReadInt32LittleEndian(data[6..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(data[10..]);
        var steps = BinaryPrimitives.ReadInt32LittleEndian(data[14..]);
        if (dims is < 1 or > 1024 || count < 0 || steps < 1)
            throw new InvalidDataException($"LANG018: {name} has {dims} dimensions, {count} words and {steps} steps per unit; expected 1-1024, >= 0, >= 1.");
        var rows = new List<(ulong, int)>(count);
        var chars = new char[256];
        var at = 18;
        for (var i = 0; i < count; i++)
        {
            if (at >= data.Length || at + 1 + data[at] > data.Length)
                throw new InvalidDataException($"LANG018: {name} ends inside word {i + 1} of {count}.");
            var word = data.Slice(at + 1, data[at]);
            var n = Encoding.UTF8.GetChars(word, chars);
            rows.Add((NerGazetteer.LowerHash(chars.AsSpan(0, n)), i + 1));
            at += 1 + word.Length;
        }
        if (data.Length - at != (long)count * dims)
            throw new InvalidDataException($"LANG018: {name} holds {data.Length - at} bytes of values; {count} words x {dims} dimensions need {(long)count * dims}.");
        var values = new sbyte[count * dims + 16];
        data[at..].CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return new NerWordEmbeddings(dims, steps, rows, values);
    }
}
