using Sitrep.Language;
using Xunit.Abstractions;

namespace Sitrep.Language.Tests;

public class ConllBenchmarkTests(ITestOutputHelper output)
{
    [SharedBenchFact]
    public void ConllDev_GoldEntityCountIsTheStandard_AndTheRulesScoreAboveFloor()
    {
        var score = Run("conllpp_dev.txt");
        // eng.testa has 5,942 entities and 51,362 tokens: the reader and chunker see exactly those.
        Assert.Equal(5942, score.Overall.Gold);
        Assert.Equal(51362, score.Tokens);
        Assert.True(score.Overall.F1 > 0.55, $"F1 {score.Overall.F1:F4} fell below the floor");
    }

    [SharedBenchFact]
    public void ConllOriginalTest_TwoColumnFile_CountsChunksLikeConlleval()
    {
        var score = Run("conll2003_test_original_word_ner.txt");
        // This IOB2 copy of eng.testb has 5,598 B- tags and 53 I- tags that open a chunk after O or another type
        // (conversion leftovers); conlleval counts both, 5,651 (3 more than the 5,648 of the IOB1 original).
        Assert.Equal(5651, score.Overall.Gold);
        Assert.Equal(46435, score.Tokens);
        Assert.True(score.Overall.F1 > 0.50, $"F1 {score.Overall.F1:F4} fell below the floor");
    }

    [SharedBenchFact]
    public void ConllppTest_HasTheCorrectedEntityCount_AndScoresAboveFloor()
    {
        var score = Run("conllpp_test.txt");
        Assert.Equal(5702, score.Overall.Gold);
        Assert.True(score.Overall.F1 > 0.50, $"F1 {score.Overall.F1:F4} fell below the floor");
    }

    private NerScore Run(string file)
    {
        var score = ConllEvaluation.Evaluate(Path.Combine(SharedBench.Root!, "conll2003", file), EntityRecognizer.Default);
        output.WriteLine($"{file}:\n{score.ToReport()}");
        return score;
    }
}
