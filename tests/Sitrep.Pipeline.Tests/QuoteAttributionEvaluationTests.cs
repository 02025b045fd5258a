using Sitrep.Core;
using Sitrep.Pipeline.Evaluation;
using Sitrep.Testing;

namespace Sitrep.Pipeline.Tests;

public class QuoteAttributionEvaluationTests
{
    private const string Text = "\"We will win,\" he said. Officials said the talks failed.";

    private static string MakeSplit()
    {
        var dir = Directory.CreateTempSubdirectory("polnear-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "text"));
        Directory.CreateDirectory(Path.Combine(dir, "attributions"));
        File.WriteAllText(Path.Combine(dir, "text", "a1.txt"), Text);
        // Two attributions: "he" ← "We will win," ; "Officials" ← "the talks failed".
        File.WriteAllText(Path.Combine(dir, "attributions", "a1_x1.ann"),
            "T1\tSource 15 17\the\nT2\tCue 18 22\tsaid\nT3\tContent 1 13\tWe will win,\nT4\tAttribution 18 22\tsaid\n" +
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
            "T5\tSource 24 33\tOfficials\nT6\tContent 39 55\tthe talks failed\nE2\tContent:T6 Source:T5\n");
        // A second annotator's file for the same article is ignored.
        File.WriteAllText(Path.Combine(dir, "attributions", "a1_x2.ann"), "T1\tSource 0 1\t\"\nT3\tContent 1 2\tW\nE1\tContent:T3 Source:T1\n");
        return dir;
    }

    [Fact]
    public void ReadAnn_ReadsRelationsWithSourceAndContent()
    {
        var dir = MakeSplit();
        var rel = QuoteAttributionEvaluation.ReadAnn(Path.Combine(dir, "attributions", "a1_x1.ann"));
        Assert.Equal(2, rel.Count);
        Assert.Equal(new TextRange(15, 17), rel[0].Source.Single());
    }

    [Fact]
    public void Evaluate_CorrectNeedsContentAndSpeakerOverlap()
    {
        var dir = MakeSplit();
        var score = QuoteAttributionEvaluation.Evaluate(dir, _ =>
        [
            new Quote("Abu Talha", "We will win,", new TextRange(1, 13), new TextRange(15, 17)),   // right speaker mention
            new Quote("Officials", "the talks failed", new TextRange(39, 55), new TextRange(0, 3)),  // wrong speaker span
        ]);
        Assert.Equal(1, score.Documents);
        Assert.Equal(2, score.Gold);
        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(1.0, score.ContentRecall, 6);
    }

    [Fact]
    public void TrainingText_IsAnnotatedBeforeTheEventCoder_SoARetrainNeedsNoShippedAttributionModel()
    {
        var doc = SitrepEngine.Default.AnnotatedTextBeforeEvents("\"We will win this race,\" Bernie Sanders said in Iowa.");
        Assert.Contains(doc.Entities, e => e.Text == "Bernie Sanders");
        Assert.Empty(doc.Quotes);
        Assert.Single(SitrepEngine.Default.EventCoder.Annotate(doc).Quotes);
    }

    [SharedDataFact("bench/polnear-attribution")]
    public void Benchmark_PolnearDev_SpeakerF1_KeepsItsFloor()
    {
        // Attribution model trained and tuned on the train split only; dev figure in docs/RESULTS.md (0.7183, P 0.752,
        // R 0.688, retrained on round 8's NER: the held-out tenth chose cue threshold -2, so precision is up and recall
        // down against round 7's 0.716 / 0.717), floor a little under it.
        var score = QuoteAttributionEvaluation.Evaluate(Path.Combine(SharedData.Require("bench/polnear-attribution"), "dev"),
            SitrepEngine.Default.FindQuotes);
        Assert.True(score.F1 >= 0.70, QuoteAttributionEvaluation.Report(score));
        Assert.True(score.Precision >= 0.73, QuoteAttributionEvaluation.Report(score));
        Assert.True(score.Recall >= 0.67, QuoteAttributionEvaluation.Report(score));
    }
}
