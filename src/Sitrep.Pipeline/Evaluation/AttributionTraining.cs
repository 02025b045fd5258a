using System.Globalization;
using Sitrep.Core;
using Sitrep.EventCoding;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>What <see cref="AttributionTraining.Run"/> made: the model, the epoch kept and its held-out score.</summary>
public sealed record AttributionTrainingResult(AttributionModel Model, int Epoch, int TrainArticles, AttributionScore HeldOut);

/// <summary>
/// Trains the attribution model on a PolNeAR split: articles whose ordinal index is a multiple of ten are held out,
/// the rest train; the epoch and cue threshold with the best held-out speaker F1 (scored through the whole quote
/// stage, direct quotes included) are kept. Nothing of another split is read.
/// </summary>
public static class AttributionTraining
{
    /// <summary>Every <see cref="HeldOutEvery"/>-th article (by ordinal name order) is held out for choosing.</summary>
    public const int HeldOutEvery = 10;

    // Cue thresholds tried on the held-out articles (averaged-perceptron units; 0 is the perceptron's own boundary).
    private static readonly float[] Thresholds = [-5f, -4f, -3f, -2f, -1f, -0.5f, 0f, 0.5f, 1f, 2f];

    /// <summary>Trains on <paramref name="splitDir"/> (text/ and attributions/); progress goes to <paramref name="log"/>.</summary>
    public static AttributionTrainingResult Run(string splitDir, int epochs, int bits, TextWriter log)
    {
        var articles = QuoteAttributionEvaluation.Articles(splitDir);
        if (articles.Count < HeldOutEvery) throw new InvalidDataException($"'{splitDir}' has {articles.Count} annotated articles; training needs at least {HeldOutEvery}");
        var engine = SitrepEngine.Default;
        var train = new List<AttributionExample>();
        var heldOut = new List<(Document Doc, IReadOnlyList<GoldAttribution> Gold)>();
        var heldOutExamples = new List<AttributionExample>();
        for (var i = 0; i < articles.Count; i++)
        {
            var gold = QuoteAttributionEvaluation.ReadAnn(articles[i].AnnPath);
            var doc = engine.AnnotatedTextBeforeEvents(File.ReadAllText(articles[i].TextPath));
            var example = new AttributionExample(doc, [.. gold.Where(g => g.Cue.Count > 0).Select(g => new AttributionSpan(g.Cue[0], g.Source))]);
            if (i % HeldOutEvery == 0) { heldOut.Add((doc, gold)); heldOutExamples.Add(example); }
            else train.Add(example);
        }
        log.WriteLine($"train quotes: {train.Count} training articles, {heldOut.Count} held out");

        AttributionModel? best = null;
        AttributionScore? bestScore = null;
        var bestEpoch = 0;
        AttributionTrainer.Train(train, epochs, bits, afterEpoch: (epoch, model) =>
        {
            var d = AttributionTrainer.Diagnose(model, heldOutExamples);
            log.WriteLine(string.Format(CultureInfo.InvariantCulture, "  epoch {0} held-out cues: precision {1:0.000} recall {2:0.000}; source accuracy on gold cues {3:0.000} ({4} cues)",
                epoch, d.CuePrecision, d.CueRecall, d.SourceAccuracy, d.Cues));
            foreach (var t in Thresholds)
            {
                var candidate = model.WithCueThreshold(t);
                var score = Score(engine.EventCoder.WithAttributionModel(candidate), heldOut);
                log.WriteLine(string.Format(CultureInfo.InvariantCulture, "  epoch {0} threshold {1}: {2}", epoch, t, QuoteAttributionEvaluation.Report(score)));
                if (bestScore is null || score.F1 > bestScore.F1) (best, bestScore, bestEpoch) = (candidate, score, epoch);
            }
            return true;
        });
        return new AttributionTrainingResult(best!, bestEpoch, train.Count, bestScore!);
    }

    private static AttributionScore Score(EventAnnotator coder, List<(Document Doc, IReadOnlyList<GoldAttribution> Gold)> articles) =>
        QuoteAttributionEvaluation.Score(articles.Select(a => (a.Gold, coder.Annotate(a.Doc).Quotes)));
}
