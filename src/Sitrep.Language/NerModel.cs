using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Sitrep.Language;

/// <summary>
/// The weights of the entity tagger (a plain serializable record, apart from the code that uses it): for each hashed
/// feature bucket one weight per BIO tag, and tag-to-tag transition weights (row <see cref="TagCount"/> is the sentence
/// start). Decoding is first-order Viterbi over the BIO tags, never letting I-X follow anything but B-X or I-X.
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

    /// <summary>Creates a model over weight arrays (emission: 2^bits * TagCount, transition: (TagCount + 1) * TagCount).</summary>
    public NerModel(int bits, float[] emission, float[] transition)
    {
        if (emission.Length != (1 << bits) * TagCount || transition.Length != (TagCount + 1) * TagCount)
            throw new ArgumentException("LANG013: NER weight arrays do not match the feature bits and tag count.");
        Bits = bits;
        Emission = emission;
        Transition = transition;
        _constrained = Constrained(transition);
    }

    private readonly float[] _constrained;

    /// <summary>The model shipped in data/models/ner.model, embedded in this assembly, loaded once.</summary>
    public static NerModel Default => LazyDefault.Value;

    /// <summary>log2 of the number of feature buckets.</summary>
    public int Bits { get; }
    /// <summary>Feature weights: bucket * TagCount + tag.</summary>
    public float[] Emission { get; }
    /// <summary>Transition weights: previous * TagCount + next; previous = TagCount is the sentence start.</summary>
    public float[] Transition { get; }

    /// <summary>True when tag <paramref name="next"/> may follow <paramref name="previous"/> (TagCount = start).</summary>
    public static bool Allowed(int previous, int next) =>
        // I-X (even tags >= 2) only continues B-X (next - 1) or I-X (next).
        next == 0 || (next & 1) == 1 || (previous < TagCount && (previous == next - 1 || previous == next));

    /// <summary>Writes the best tag sequence for a sentence's features into <paramref name="tags"/>[0..n).</summary>
    public void Decode(NerFeatures.Scratch s, int n, int[] tags, float[] work)
    {
        if (n > 0) DecodeConstrained(Emission, _constrained, s.Ids, s.Offsets, n, tags, work);
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

    /// <summary>Viterbi over the given weights (training decodes with its current, unaveraged weights).</summary>
    internal static void Decode(float[] emission, float[] transition, int[] ids, int[] offsets, int n, int[] tags, float[] work)
    {
        if (n > 0) DecodeConstrained(emission, Constrained(transition), ids, offsets, n, tags, work);
    }

    private static void DecodeConstrained(float[] emission, float[] trans, int[] ids, int[] offsets, int n, int[] tags, float[] work)
    {
        const int T = TagCount;
        // work: [0, n*T) emission scores then Viterbi scores; [n*T, 2n*T) back-pointers stored as floats.
        var score = work.AsSpan(0, n * T);
        var back = work.AsSpan(n * T, n * T);
        score.Clear();
        ref var e0 = ref MemoryMarshal.GetArrayDataReference(emission);
        for (var k = 0; k < n; k++)
        {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
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
    /// Writes the model gzip-compressed: header, feature version, bits, transitions, then the non-zero emission
    /// weights as (gap from the previous index, value) pairs.
    /// </summary>
    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(NerFeatures.Version);
        w.Write(Bits);
        w.Write(TagCount);
        foreach (var tag in Tags) w.Write(tag);
        foreach (var v in Transition) w.Write(v);
        var nonZero = 0;
        foreach (var v in Emission) if (v != 0) nonZero++;
        w.Write(nonZero);
        var previous = -1;
        for (var i = 0; i < Emission.Length; i++)
        {
            if (Emission[i] == 0) continue;
            w.Write7BitEncodedInt(i - previous);
            w.Write(Emission[i]);
            previous = i;
        }
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
        var bits = r.ReadInt32();
        var tagCount = r.ReadInt32();
        for (var t = 0; t < tagCount; t++)
            if (t >= TagCount || r.ReadString() != Tags[t]) throw new InvalidDataException("LANG014: NER model tags differ from this build's.");
        if (tagCount != TagCount) throw new InvalidDataException("LANG014: NER model tags differ from this build's.");
        var transition = new float[(TagCount + 1) * TagCount];
        for (var i = 0; i < transition.Length; i++) transition[i] = r.ReadSingle();
        var emission = new float[(1 << bits) * TagCount];
        var count = r.ReadInt32();
        var index = -1;
        for (var k = 0; k < count; k++)
        {
            index += r.Read7BitEncodedInt();
            emission[index] = r.ReadSingle();
        }
        return new NerModel(bits, emission, transition);
    }
}
