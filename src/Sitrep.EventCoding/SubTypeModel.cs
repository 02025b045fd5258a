using System.Globalization;
using System.Text;

namespace Sitrep.EventCoding;

/// <summary>
/// A linear multiclass model over sparse string features (an averaged perceptron's weights): one weight per
/// (feature, sub-type). Saved as text: a header, the label line, then one line per feature with its weights.
/// </summary>
public sealed class SubTypeModel
{
    private const string Header = "# sitrep sub-type model v1";
    private static readonly Lazy<SubTypeModel> Default = new(() =>
    {
        using var stream = typeof(SubTypeModel).Assembly.GetManifestResourceStream("Sitrep.EventCoding.subtypes.model")
            ?? throw new InvalidDataException("the embedded sub-type model Sitrep.EventCoding.subtypes.model is missing");
        return Load(stream);
    });

    private readonly Dictionary<string, float[]> _weights;

    /// <summary>A model over <paramref name="labels"/> with per-feature weight rows of the same length.</summary>
    public SubTypeModel(IReadOnlyList<string> labels, Dictionary<string, float[]> weights)
    {
        foreach (var (feature, row) in weights)
            if (row.Length != labels.Count)
                throw new ArgumentException($"feature '{feature}' has {row.Length} weights for {labels.Count} labels", nameof(weights));
        Labels = labels;
        _weights = weights;
    }

    /// <summary>The sub-types the model chooses between, in weight-column order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>The model shipped in data/ontology/subtypes.model (embedded).</summary>
    public static SubTypeModel LoadDefault() => Default.Value;

    /// <summary>Score of every label for a feature list (unknown features add nothing).</summary>
    public float[] Scores(IEnumerable<string> features)
    {
        var scores = new float[Labels.Count];
        foreach (var f in features)
        {
            if (!_weights.TryGetValue(f, out var row)) continue;
            for (var k = 0; k < scores.Length; k++) scores[k] += row[k];
        }
        return scores;
    }

    /// <summary>Writes the model as UTF-8 text; weights rounded to 4 decimals, all-zero rows left out.</summary>
    public void Save(Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(Header);
        w.WriteLine("labels\t" + string.Join('\t', Labels));
        var sb = new StringBuilder();
        foreach (var feature in _weights.Keys.Order(StringComparer.Ordinal))
        {
            var row = _weights[feature];
            if (Array.TrueForAll(row, x => MathF.Round(x, 4) == 0)) continue;
            sb.Clear().Append(feature);
            foreach (var x in row) sb.Append('\t').Append(MathF.Round(x, 4) is var r && r == 0 ? "0" : r.ToString("0.####", CultureInfo.InvariantCulture));
            w.WriteLine(sb);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a malformed file throws with the line and reason.</summary>
    public static SubTypeModel Load(Stream stream)
    {
        using var r = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadLine() != Header) throw new InvalidDataException($"sub-type model: line 1 is not '{Header}'");
        var labelLine = r.ReadLine();
        if (labelLine is null || !labelLine.StartsWith("labels\t", StringComparison.Ordinal))
            throw new InvalidDataException("sub-type model: line 2 must list the labels");
        var labels = labelLine.Split('\t')[1..];
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var lineNo = 2;
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var cells = line.Split('\t');
            if (cells.Length != labels.Length + 1)
                throw new InvalidDataException($"sub-type model: line {lineNo} has {cells.Length - 1} weights, expected {labels.Length}");
            var row = new float[labels.Length];
            for (var k = 0; k < row.Length; k++)
                if (!float.TryParse(cells[k + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out row[k]))
                    throw new InvalidDataException($"sub-type model: line {lineNo} has a weight that is not a number: '{cells[k + 1]}'");
            weights[cells[0]] = row;
        }
        return new SubTypeModel(labels, weights);
    }
}

/// <summary>How a snippet's sub-type is decided.</summary>
public enum SubTypeStrategy
{
    /// <summary>The trigger ontology alone: highest-priority viable trigger.</summary>
    Rules,
    /// <summary>The classifier's best label over all sub-types.</summary>
    Classifier,
    /// <summary>The classifier's best label among the sub-types whose triggers are viable; any label when none are.</summary>
    ClassifierAmongRuleCandidates,
}
