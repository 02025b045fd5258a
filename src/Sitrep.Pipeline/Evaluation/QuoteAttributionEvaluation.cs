using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>Speaker attribution scores.</summary>
/// <param name="Precision">Predicted quotes whose content and speaker both match a gold attribution, over all predicted quotes.</param>
/// <param name="Recall">Gold attributions (with a source) matched by such a prediction, over all gold attributions with a source.</param>
public sealed record AttributionScore(double Precision, double Recall, double F1, int Documents, int Gold, int Predicted, int Correct, double ContentRecall);

/// <summary>One gold attribution relation: the source (speaker) spans and the content spans.</summary>
public sealed record GoldAttribution(IReadOnlyList<TextRange> Source, IReadOnlyList<TextRange> Content)
{
    /// <summary>The cue spans ("said", "according to"); empty when the relation has none.</summary>
    public IReadOnlyList<TextRange> Cue { get; init; } = [];
}

/// <summary>One PolNeAR article: its text file and the annotation file it is scored against.</summary>
public sealed record PolnearArticle(string Name, string TextPath, string AnnPath);

/// <summary>
/// PolNeAR (BRAT standoff: text/*.txt, attributions/*_annotator.ann): who said what. A predicted quote is correct
/// when its content overlaps a gold attribution's content and its speaker mention overlaps that attribution's source
/// span (so "he said" counts when the pronoun is the mention we attributed, as PolNeAR annotates it). Articles with
/// several annotators are scored against the first annotation file in ordinal order.
/// </summary>
public static class QuoteAttributionEvaluation
{
    /// <summary>Reads the attributions of one .ann file (relations with a source and content only).</summary>
    public static IReadOnlyList<GoldAttribution> ReadAnn(string annPath)
    {
        var spans = new Dictionary<string, IReadOnlyList<TextRange>>(StringComparer.Ordinal);
        var relations = new List<GoldAttribution>();
        foreach (var line in File.ReadLines(annPath))
        {
            var cells = line.Split('\t');
            if (cells.Length < 2) continue;
            if (line.StartsWith('T'))
            {
                // "Source 89 106" or discontinuous "Content 10 20;30 40".
                var typeAndSpans = cells[1];
                var firstSpace = typeAndSpans.IndexOf(' ');
                if (firstSpace < 0) continue;
                var ranges = new List<TextRange>();
                foreach (var part in typeAndSpans[(firstSpace + 1)..].Split(';'))
                {
                    var se = part.Trim().Split(' ');
                    if (se.Length == 2 && int.TryParse(se[0], CultureInfo.InvariantCulture, out var s) && int.TryParse(se[1], CultureInfo.InvariantCulture, out var e))
                        ranges.Add(new TextRange(s, e));
                }
                spans[cells[0]] = ranges;
            }
            else if (line.StartsWith('E'))
            {
                IReadOnlyList<TextRange>? source = null, content = null, cue = null;
                foreach (var arg in cells[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var kv = arg.Split(':');
                    if (kv.Length != 2 || !spans.TryGetValue(kv[1], out var r)) continue;
                    if (kv[0].StartsWith("Source", StringComparison.Ordinal)) source = r;
                    else if (kv[0].StartsWith("Content", StringComparison.Ordinal)) content = r;
                    else if (kv[0].StartsWith("Cue", StringComparison.Ordinal)) cue = r;
                }
                if (source is { Count: > 0 } && content is { Count: > 0 }) relations.Add(new GoldAttribution(source, content) { Cue = cue ?? [] });
            }
        }
        return relations;
    }

    /// <summary>The articles of a PolNeAR split folder (text/ and attributions/) that have annotations, in ordinal order.</summary>
    public static IReadOnlyList<PolnearArticle> Articles(string splitDir)
    {
        foreach (var sub in new[] { "text", "attributions" })
            if (!Directory.Exists(Path.Combine(splitDir, sub)))
                throw new DirectoryNotFoundException($"'{splitDir}' is no PolNeAR split folder: it has no {sub}/ folder");
        // Articles with several annotators are scored against the first annotation file in ordinal order.
        var annByArticle = Directory.GetFiles(Path.Combine(splitDir, "attributions"), "*.ann")
            .OrderBy(p => p, StringComparer.Ordinal)
            .GroupBy(p => ArticleName(p))
            .ToDictionary(g => g.Key, g => g.First());
        var articles = new List<PolnearArticle>();
        foreach (var textPath in Directory.GetFiles(Path.Combine(splitDir, "text"), "*.txt").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textPath);
            if (annByArticle.TryGetValue(name, out var ann)) articles.Add(new PolnearArticle(name, textPath, ann));
        }
        return articles;
    }

    /// <summary>Scores <paramref name="findQuotes"/> (article text → quotes) on a PolNeAR split folder (with text/ and attributions/).</summary>
    public static AttributionScore Evaluate(string splitDir, Func<string, IReadOnlyList<Quote>> findQuotes) =>
        Score(Articles(splitDir).Select(a => (ReadAnn(a.AnnPath), findQuotes(File.ReadAllText(a.TextPath)))));

    /// <summary>Scores predicted quotes against the gold attributions, one pair per article.</summary>
    public static AttributionScore Score(IEnumerable<(IReadOnlyList<GoldAttribution> Gold, IReadOnlyList<Quote> Quotes)> articles)
    {
        int gold = 0, predicted = 0, correct = 0, goldMatched = 0, contentFound = 0, docs = 0;
        foreach (var (golds, quotes) in articles)
        {
            docs++;
            gold += golds.Count;
            predicted += quotes.Count;
            var matched = new bool[golds.Count];
            foreach (var q in quotes)
            {
                var hit = false;
                for (var g = 0; g < golds.Count; g++)
                {
                    if (!golds[g].Content.Any(c => c.Overlaps(q.Range))) continue;
                    if (q.SpeakerRange is { } sr && golds[g].Source.Any(s => s.Overlaps(sr)))
                    {
                        hit = true;
                        matched[g] = true;
                    }
                }
                if (hit) correct++;
            }
            goldMatched += matched.Count(m => m);
            contentFound += golds.Count(g => quotes.Any(q => g.Content.Any(c => c.Overlaps(q.Range))));
        }
        var precision = predicted == 0 ? 0 : (double)correct / predicted;
        var recall = gold == 0 ? 0 : (double)goldMatched / gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new AttributionScore(precision, recall, f1, docs, gold, predicted, correct, gold == 0 ? 0 : (double)contentFound / gold);
    }

    private static string ArticleName(string annPath)
    {
        var name = Path.GetFileNameWithoutExtension(annPath);
        var cut = name.LastIndexOf('_');
        return cut > 0 ? name[..cut] : name;
    }

    /// <summary>The last line <c>sitrep eval quotes</c> prints.</summary>
    public static string Report(AttributionScore s) => string.Format(CultureInfo.InvariantCulture,
        "speaker_f1={0:0.0000} precision={1:0.0000} recall={2:0.0000} content_recall={3:0.0000} documents={4} gold={5} predicted={6}",
        s.F1, s.Precision, s.Recall, s.ContentRecall, s.Documents, s.Gold, s.Predicted);
}
