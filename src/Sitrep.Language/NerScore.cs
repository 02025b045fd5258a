namespace Sitrep.Language;

/// <summary>Entity-level counts and scores for one entity type (or all), conlleval style.</summary>
/// <param name="Gold">Entities in the gold standard.</param>
/// <param name="Predicted">Entities predicted.</param>
/// <param name="Correct">Predicted entities with exactly the gold span and type.</param>
public readonly record struct TypeScore(int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / Predicted (0 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    /// <summary>Correct / Gold (0 when there is no gold entity).</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    /// <summary>Harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Result of a CoNLL evaluation: overall and per-type entity scores plus token accuracy.</summary>
/// <param name="Overall">Micro-averaged over all types.</param>
/// <param name="PerType">Scores per entity type ("PER", "ORG", "LOC", "MISC", or whatever the file uses).</param>
/// <param name="Tokens">Tokens scored (document markers excluded).</param>
/// <param name="CorrectTags">Tokens whose predicted tag equals the gold tag.</param>
/// <param name="Sentences">Sentences scored.</param>
public sealed record NerScore(TypeScore Overall, IReadOnlyDictionary<string, TypeScore> PerType, int Tokens, int CorrectTags, int Sentences)
{
    /// <summary>Token tag accuracy, as conlleval prints it.</summary>
    public double Accuracy => Tokens == 0 ? 0 : (double)CorrectTags / Tokens;

    /// <summary>A conlleval-like report; the last line is "metric=value ..." for scripts.</summary>
    public string ToReport()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(string.Create(inv, $"processed {Tokens} tokens with {Overall.Gold} phrases; found: {Overall.Predicted} phrases; correct: {Overall.Correct}."));
        sb.AppendLine(string.Create(inv, $"accuracy: {100 * Accuracy:F2}%; precision: {100 * Overall.Precision:F2}%; recall: {100 * Overall.Recall:F2}%; FB1: {100 * Overall.F1:F2}"));
        foreach (var (type, s) in PerType.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.AppendLine(string.Create(inv, $"{type,17}: precision: {100 * s.Precision:F2}%; recall: {100 * s.Recall:F2}%; FB1: {100 * s.F1:F2}  {s.Predicted}"));
        sb.Append(string.Create(inv, $"precision={Overall.Precision:F4} recall={Overall.Recall:F4} f1={Overall.F1:F4} gold={Overall.Gold} predicted={Overall.Predicted} correct={Overall.Correct}"));
        return sb.ToString();
    }
}
