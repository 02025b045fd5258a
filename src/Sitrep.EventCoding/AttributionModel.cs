using System.IO.Compression;
using System.Text;

namespace Sitrep.EventCoding;

/// <summary>
/// Weights of the attribution model (data/models/attribution.model): a binary averaged perceptron that marks the
/// first word of each attribution cue, and a ranking perceptron that picks the cue's source among the tokens of its
/// sentence (or none). Both are hashed feature tables of 2^Bits floats (<see cref="AttributionFeatures"/>); stored
/// gzip-compressed as the non-zero weights.
/// </summary>
public sealed class AttributionModel
{
    private const string Magic = "sitrep-attribution";
    private const string ResourceName = "Sitrep.EventCoding.attribution.model";
    private static readonly Lazy<AttributionModel> Default = new(() =>
    {
        using var stream = typeof(AttributionModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"the embedded attribution model {ResourceName} is missing");
        return Load(stream);
    });

    /// <summary>A model over tables of 2^<paramref name="bits"/> weights each.</summary>
    public AttributionModel(int bits, float[] cue, float[] source, float cueThreshold)
    {
        if (bits is < 10 or > 26) throw new ArgumentOutOfRangeException(nameof(bits), bits, "bits must be within 10..26");
        if (cue.Length != 1 << bits || source.Length != 1 << bits)
            throw new ArgumentException($"both weight tables must hold 2^{bits} weights");
        Bits = bits;
        Cue = cue;
        Source = source;
        CueThreshold = cueThreshold;
    }

    /// <summary>log2 of the number of hashed feature buckets per table.</summary>
    public int Bits { get; }
    /// <summary>Score a token needs to be taken as a cue (chosen on held-out training articles).</summary>
    public float CueThreshold { get; }
    internal float[] Cue { get; }
    internal float[] Source { get; }

    /// <summary>The model shipped in data/models/attribution.model (embedded).</summary>
    public static AttributionModel LoadDefault() => Default.Value;

    /// <summary>This model with another cue threshold.</summary>
    public AttributionModel WithCueThreshold(float threshold) => new(Bits, Cue, Source, threshold);

    internal static float Score(float[] weights, ReadOnlySpan<int> features)
    {
        var s = 0f;
        foreach (var f in features) s += weights[f];
        return s;
    }

    /// <summary>Writes the model (deterministic: the same weights give the same bytes).</summary>
    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(AttributionFeatures.Version);
        w.Write(Bits);
        w.Write(CueThreshold);
        foreach (var table in new[] { Cue, Source })
        {
            var count = 0;
            foreach (var x in table) if (x != 0) count++;
            w.Write(count);
            for (var i = 0; i < table.Length; i++)
            {
                if (table[i] == 0) continue;
                w.Write(i);
                w.Write(table[i]);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a file of another format or feature version throws saying which.</summary>
    public static AttributionModel Load(Stream stream)
    {
        try
        {
            using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(gz, Encoding.UTF8, leaveOpen: true);
            if (r.ReadString() != Magic) throw new InvalidDataException("attribution model: not a sitrep attribution model");
            var version = r.ReadInt32();
            if (version != AttributionFeatures.Version)
                throw new InvalidDataException($"attribution model: feature version {version}, this build reads {AttributionFeatures.Version}; retrain it");
            var bits = r.ReadInt32();
            if (bits is < 10 or > 26) throw new InvalidDataException($"attribution model: {bits} bits is out of range");
            var threshold = r.ReadSingle();
            var tables = new float[2][];
            for (var t = 0; t < 2; t++)
            {
                var table = new float[1 << bits];
                var count = r.ReadInt32();
                for (var k = 0; k < count; k++)
                {
                    var i = r.ReadInt32();
                    if ((uint)i >= (uint)table.Length) throw new InvalidDataException($"attribution model: weight index {i} is out of range");
                    table[i] = r.ReadSingle();
                }
                tables[t] = table;
            }
            return new AttributionModel(bits, tables[0], tables[1], threshold);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidOperationException
                                  || e is InvalidDataException && !e.Message.StartsWith("attribution model", StringComparison.Ordinal))
        {
            throw new InvalidDataException("attribution model: the file is truncated or not gzip", e);
        }
    }
}
