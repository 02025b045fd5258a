using System.Globalization;
using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>Per-label scores of an evaluation.</summary>
public sealed record LabelScore(string Label, int Support, int Predicted, int Correct)
{
    /// <summary>Correct over predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    /// <summary>Correct over gold support.</summary>
    public double Recall => Support == 0 ? 0 : (double)Correct / Support;
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Result of scoring sub-type classification on CASE 2021 task 2 snippets.</summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="Skipped">Rows not scored, each with its line number and reason.</param>
/// <param name="Accuracy">Share of rows whose predicted label equals the gold one.</param>
/// <param name="WeightedF1">F1 averaged over gold labels weighted by their support (the shared task's metric).</param>
/// <param name="MacroF1">Unweighted mean F1 over gold labels.</param>
/// <param name="Labels">Scores per gold label.</param>
public sealed record Case2021Result(int Rows, IReadOnlyList<string> Skipped, double Accuracy, double WeightedF1,
    double MacroF1, IReadOnlyList<LabelScore> Labels)
{
    /// <summary>The last line `sitrep eval` prints.</summary>
    public string MetricLine() => string.Create(CultureInfo.InvariantCulture,
        $"rows={Rows} accuracy={Accuracy:F4} weighted_f1={WeightedF1:F4} macro_f1={MacroF1:F4}");
}

/// <summary>
/// CASE 2021 shared task 2 (fine-grained event classification): its label codes, and scoring of
/// <see cref="EventAnnotator.ClassifySubType(Document)"/> on its TSV format (id, EventSnippet, SubType with a header line).
/// </summary>
public static class Case2021
{
    /// <summary>CASE 2021 code of each ACLED sub-event type.</summary>
    public static readonly IReadOnlyDictionary<string, string> CodeOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Abduction/forced disappearance"] = "ABDUCT_DISSAP",
        ["Agreement"] = "AGREEMENT",
        ["Air/drone strike"] = "AIR_STRIKE",
        ["Armed clash"] = "ARMED_CLASH",
        ["Arrests"] = "ARREST",
        ["Shelling/artillery/missile attack"] = "ART_MISS_ATTACK",
        ["Attack"] = "ATTACK",
        ["Change to group/activity"] = "CHANGE_TO_GROUP_ACT",
        ["Chemical weapon"] = "CHEM_WEAP",
        ["Disrupted weapons use"] = "DISR_WEAP",
        ["Excessive force against protesters"] = "FORCE_AGAINST_PROTEST",
        ["Government regains territory"] = "GOV_REGAINS_TERIT",
        ["Grenade"] = "GRENADE",
        ["Headquarters or base established"] = "HQ_ESTABLISHED",
        ["Mob violence"] = "MOB_VIOL",
        ["Non-state actor overtakes territory"] = "NON_STATE_ACTOR_OVERTAKES_TER",
        ["Non-violent transfer of territory"] = "NON_VIOL_TERRIT_TRANSFER",
        ["Other"] = "OTHER",
        ["Peaceful protest"] = "PEACE_PROTEST",
        ["Looting/property destruction"] = "PROPERTY_DISTRUCT",
        ["Protest with intervention"] = "PROTEST_WITH_INTER",
        ["Remote explosive/landmine/IED"] = "REM_EXPLOS",
        ["Sexual violence"] = "SEX_VIOL",
        ["Suicide bomb"] = "SUIC_BOMB",
        ["Violent demonstration"] = "VIOL_DEMONSTR",
    };

    /// <summary>The label predicted when no sub-type is found.</summary>
    public const string NoLabel = "NONE";

    /// <summary>
    /// Scores <paramref name="annotator"/> on a CASE 2021 task 2 TSV. <paramref name="toDocument"/> turns a snippet
    /// into a tokenized, sentence-split document (the Language stage, or a test builder). With
    /// <paramref name="seenOnly"/> only the 25 ACLED labels are scored (subtask 1); otherwise every row (the unseen
    /// labels can never be predicted and count as misses).
    /// </summary>
    public static Case2021Result Evaluate(TextReader tsv, Func<string, Document> toDocument, EventAnnotator annotator, bool seenOnly = true)
    {
        var seen = new HashSet<string>(CodeOf.Values, StringComparer.Ordinal);
        var skipped = new List<string>();
        var pairs = new List<(string Gold, string Predicted)>();
        var lineNo = 0;
        string? line;
        while ((line = tsv.ReadLine()) is not null)
        {
            lineNo++;
            if (lineNo == 1 && line.StartsWith("id\t", StringComparison.Ordinal)) continue;
            if (line.Length == 0) continue;
            var firstTab = line.IndexOf('\t');
            var lastTab = line.LastIndexOf('\t');
            if (firstTab < 0 || lastTab <= firstTab) { skipped.Add($"line {lineNo}: expected id, snippet and label"); continue; }
            var gold = line[(lastTab + 1)..].Trim();
            if (seenOnly && !seen.Contains(gold)) continue;
            var snippet = line[(firstTab + 1)..lastTab];
            var subType = annotator.ClassifySubType(toDocument(snippet));
            pairs.Add((gold, subType is not null && CodeOf.TryGetValue(subType, out var code) ? code : NoLabel));
        }
        return Score(pairs, skipped);
    }

    /// <summary>Accuracy, weighted and macro F1 over the gold labels of <paramref name="pairs"/>.</summary>
    public static Case2021Result Score(IReadOnlyList<(string Gold, string Predicted)> pairs, IReadOnlyList<string>? skipped = null)
    {
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var correct = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (g, p) in pairs)
        {
            support[g] = support.GetValueOrDefault(g) + 1;
            predicted[p] = predicted.GetValueOrDefault(p) + 1;
            if (g == p) correct[g] = correct.GetValueOrDefault(g) + 1;
        }
        var labels = new List<LabelScore>();
        foreach (var label in support.Keys.Order(StringComparer.Ordinal))
            labels.Add(new LabelScore(label, support[label], predicted.GetValueOrDefault(label), correct.GetValueOrDefault(label)));
        var n = pairs.Count;
        double weighted = 0, macro = 0;
        foreach (var l in labels)
        {
            weighted += l.F1 * l.Support;
            macro += l.F1;
        }
        var totalCorrect = 0;
        foreach (var v in correct.Values) totalCorrect += v;
        return new Case2021Result(n, skipped ?? [], n == 0 ? 0 : (double)totalCorrect / n,
            n == 0 ? 0 : weighted / n, labels.Count == 0 ? 0 : macro / labels.Count, labels);
    }
}
