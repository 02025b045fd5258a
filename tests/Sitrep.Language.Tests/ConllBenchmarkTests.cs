using Sitrep.Language;
using Xunit.Abstractions;

namespace Sitrep.Language.Tests;

public class ConllBenchmarkTests(ITestOutputHelper output)
{
    [SharedBenchFact]
    public void ConllDev_GoldEntityCountIsTheStandard_AndTheRulesScoreAboveFloor()
    {
        var path = Path.Combine(SharedBench.Root!, "conll2003", "conllpp_dev.txt");
        var score = ConllEvaluation.Evaluate(path, EntityRecognizer.Default);
        output.WriteLine(score.ToReport());
        // eng.testa has 5,942 entities and 51,362 tokens: the reader and chunker see exactly those.
        Assert.Equal(5942, score.Overall.Gold);
        Assert.Equal(51362, score.Tokens);
        Assert.True(score.Overall.F1 > 0.30, $"F1 {score.Overall.F1:F4} fell below the floor");
    }
}
