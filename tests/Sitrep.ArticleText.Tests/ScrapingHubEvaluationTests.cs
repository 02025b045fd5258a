using Sitrep.ArticleText;
using Xunit.Abstractions;

namespace Sitrep.ArticleText.Tests;

public sealed class ScrapingHubEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void IdenticalText_ScoresOne()
    {
        var s = ScrapingHubEvaluation.ScorePage("p", "one two three four five", "one two three four five");
        Assert.Equal((1.0, 1.0, true), (s.Precision!.Value, s.Recall!.Value, s.ExactMatch));
    }

    [Fact]
    public void ExtraText_LowersPrecisionOnly()
    {
        // truth: 2 shingles; prediction: the same 2 plus 2 more → TP 2, FP 2, FN 0.
        var s = ScrapingHubEvaluation.ScorePage("p", "a b c d e", "a b c d e f g");
        Assert.Equal(0.5, s.Precision!.Value, 6);
        Assert.Equal(1.0, s.Recall!.Value, 6);
    }

    [Fact]
    public void EmptyPrediction_HasNoPrecision_AndZeroRecall()
    {
        var s = ScrapingHubEvaluation.ScorePage("p", "a b c d e", "");
        Assert.Null(s.Precision);
        Assert.Equal(0.0, s.Recall!.Value);
    }

    [Fact]
    public void Aggregate_IsF1OfMeans()
    {
        var pages = new[]
        {
            ScrapingHubEvaluation.ScorePage("1", "a b c d e", "a b c d e f g"),
            ScrapingHubEvaluation.ScorePage("2", "a b c d e", "a b c d e"),
        };
        var t = ScrapingHubEvaluation.Aggregate(pages);
        Assert.Equal(0.75, t.Precision, 6);
        Assert.Equal(1.0, t.Recall, 6);
        Assert.Equal(2 * 0.75 / 1.75, t.F1, 6);
        Assert.Equal(0.5, t.Accuracy, 6);
    }

    [Fact]
    public void Benchmark_F1_StaysAboveTheMeasuredFloor()
    {
        var dir = BenchLocator.Find("scrapinghub-article-extraction-benchmark");
        if (dir is null)
        {
            output.WriteLine("SKIPPED: shared/bench/scrapinghub-article-extraction-benchmark not found (set SITREP_SHARED)");
            return;
        }
        var score = ScrapingHubEvaluation.Evaluate(Path.Combine(dir, "ground-truth.json"), Path.Combine(dir, "html"), new ArticleExtractor());
        output.WriteLine($"F1={score.F1:F4} P={score.Precision:F4} R={score.Recall:F4} pages={score.Pages}");
        Assert.Equal(181, score.Pages);
        Assert.True(score.F1 >= 0.96, $"F1 {score.F1:F4} fell below the floor");
    }
}

/// <summary>Finds shared/bench: SITREP_SHARED, or a "shared/bench" folder beside an ancestor of the test binaries.</summary>
internal static class BenchLocator
{
    public static string? Find(string dataset)
    {
        var env = Environment.GetEnvironmentVariable("SITREP_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "bench", dataset))) return Path.Combine(env, "bench", dataset);
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "bench", dataset);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
