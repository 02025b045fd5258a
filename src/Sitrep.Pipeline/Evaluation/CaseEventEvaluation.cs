using System.Globalization;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>Per-class and weighted scores of a sub-type classification run.</summary>
/// <param name="WeightedF1">F1 per gold class weighted by the class's support (scikit-learn's "weighted").</param>
/// <param name="Accuracy">Share of rows whose predicted class equals the gold class.</param>
/// <param name="Rows">Rows scored (ACLED-25 rows only).</param>
/// <param name="NoPrediction">Rows where no event was found at all.</param>
public sealed record ClassificationScore(double WeightedF1, double MacroF1, double Accuracy, int Rows, int NoPrediction,
    IReadOnlyList<(string Label, double Precision, double Recall, double F1, int Support)> PerClass);

/// <summary>
/// CASE-2021 task 2 (fine-grained event classification of ACLED-style snippets): reads the published TSV
/// (<c>id, EventSnippet, SubType</c>), keeps the rows labelled with one of ACLED's 25 sub-types (subtask 1), asks
/// the classifier for each snippet's sub-type, and scores weighted F1 over those 25 classes.
/// </summary>
public static class CaseEventEvaluation
{
    /// <summary>CASE-2021 label → ACLED sub-event type name.</summary>
    public static readonly IReadOnlyDictionary<string, string> AcledNameOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ABDUCT_DISSAP"] = "Abduction/forced disappearance",
        ["AGREEMENT"] = "Agreement",
        ["AIR_STRIKE"] = "Air/drone strike",
        ["ARMED_CLASH"] = "Armed clash",
        ["ARREST"] = "Arrests",
        ["ART_MISS_ATTACK"] = "Shelling/artillery/missile attack",
        ["ATTACK"] = "Attack",
        ["CHANGE_TO_GROUP_ACT"] = "Change to group/activity",
        ["CHEM_WEAP"] = "Chemical weapon",
        ["DISR_WEAP"] = "Disrupted weapons use",
        ["FORCE_AGAINST_PROTEST"] = "Excessive force against protesters",
        ["GOV_REGAINS_TERIT"] = "Government regains territory",
        ["GRENADE"] = "Grenade",
        ["HQ_ESTABLISHED"] = "Headquarters or base established",
        ["MOB_VIOL"] = "Mob violence",
        ["NON_STATE_ACTOR_OVERTAKES_TER"] = "Non-state actor overtakes territory",
        ["NON_VIOL_TERRIT_TRANSFER"] = "Non-violent transfer of territory",
        ["OTHER"] = "Other",
        ["PEACE_PROTEST"] = "Peaceful protest",
        ["PROPERTY_DISTRUCT"] = "Looting/property destruction",
        ["PROTEST_WITH_INTER"] = "Protest with intervention",
        ["REM_EXPLOS"] = "Remote explosive/landmine/IED",
        ["SEX_VIOL"] = "Sexual violence",
        ["SUIC_BOMB"] = "Suicide bomb",
        ["VIOL_DEMONSTR"] = "Violent demonstration",
    };

    /// <summary>Reads the ACLED-25 rows of a CASE-2021 task 2 TSV: (id, snippet, ACLED sub-type name).</summary>
    public static IEnumerable<(string Id, string Snippet, string SubType)> ReadRows(string tsvPath)
    {
        using var reader = new StreamReader(tsvPath);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{tsvPath}: empty file");
        var columns = header.Split('\t');
        var (idCol, textCol, labelCol) = (Array.IndexOf(columns, "id"), Array.IndexOf(columns, "EventSnippet"), Array.IndexOf(columns, "SubType"));
        if (idCol < 0 || textCol < 0 || labelCol < 0)
            throw new InvalidDataException($"{tsvPath}: expected a header with id, EventSnippet and SubType columns");
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split('\t');
            if (cells.Length <= Math.Max(idCol, Math.Max(textCol, labelCol))) continue;
            if (AcledNameOf.TryGetValue(cells[labelCol].Trim(), out var name)) yield return (cells[idCol], cells[textCol], name);
        }
    }

    /// <summary>Scores <paramref name="classify"/> (snippet → ACLED sub-type, or null for no event) on the file.</summary>
    public static ClassificationScore Evaluate(string tsvPath, Func<string, string?> classify)
    {
        var pairs = ReadRows(tsvPath).Select(r => (Gold: r.SubType, Predicted: classify(r.Snippet))).ToList();
        return Score(pairs);
    }

    /// <summary>Weighted, macro F1 and accuracy over gold/predicted pairs; a null prediction is wrong for every class.</summary>
    public static ClassificationScore Score(IReadOnlyList<(string Gold, string? Predicted)> pairs)
    {
        var labels = pairs.Select(p => p.Gold).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToList();
        var perClass = new List<(string, double, double, double, int)>();
        double weighted = 0, macro = 0;
        foreach (var label in labels)
        {
            var tp = pairs.Count(p => p.Gold == label && p.Predicted == label);
            var predicted = pairs.Count(p => p.Predicted == label);
            var support = pairs.Count(p => p.Gold == label);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add((label, precision, recall, f1, support));
            weighted += f1 * support;
            macro += f1;
        }
        var n = pairs.Count;
        return new ClassificationScore(
            n == 0 ? 0 : weighted / n,
            labels.Count == 0 ? 0 : macro / labels.Count,
            n == 0 ? 0 : (double)pairs.Count(p => p.Gold == p.Predicted) / n,
            n, pairs.Count(p => p.Predicted is null), perClass);
    }

    /// <summary>The report <c>sitrep eval events</c> prints; the last line is the metrics.</summary>
    public static IEnumerable<string> Report(ClassificationScore s)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return "sub_event_type                          P      R      F1    n";
        foreach (var (label, p, r, f1, support) in s.PerClass)
            yield return string.Format(inv, "{0,-36} {1,6:0.000} {2,6:0.000} {3,6:0.000} {4,4}", label, p, r, f1, support);
        yield return string.Format(inv, "weighted_f1={0:0.0000} macro_f1={1:0.0000} accuracy={2:0.0000} rows={3} no_event={4}",
            s.WeightedF1, s.MacroF1, s.Accuracy, s.Rows, s.NoPrediction);
    }
}
