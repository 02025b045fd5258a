using Sitrep.Language;
using Sitrep.Testing;
using Xunit.Abstractions;

namespace Sitrep.Language.Tests;

public class ConllBenchmarkTests(ITestOutputHelper output)
{
    /// <summary>Entity F1 of the shipped model on CoNLL-2003 dev when it was trained (docs/results/language.md), less 0.3 points.</summary>
    private const double ShippedModelDevFloor = 0.9185;

    [SharedDataFact("bench/conll2003")]
    public void ShippedModel_OnConllDev_KeepsItsRecordedF1()
    {
        var score = Run("conllpp_dev.txt", StatisticalEntityRecognizer.Default);
        // eng.testa has 5,942 entities and 51,362 tokens: the reader and chunker see exactly those.
        Assert.Equal(5942, score.Overall.Gold);
        Assert.Equal(51362, score.Tokens);
        Assert.True(score.Overall.F1 >= ShippedModelDevFloor, $"dev F1 {score.Overall.F1:F4} fell below the recorded floor {ShippedModelDevFloor}");
    }

    [SharedDataFact("bench/conll2003")]
    public void ConllOriginalTest_TwoColumnFile_CountsChunksLikeConlleval()
    {
        var score = Run("conll2003_test_original_word_ner.txt", StatisticalEntityRecognizer.Default);
        // This IOB2 copy of eng.testb has 5,598 B- tags and 53 I- tags that open a chunk after O or another type
        // (conversion leftovers); conlleval counts both, 5,651 (3 more than the 5,648 of the IOB1 original).
        Assert.Equal(5651, score.Overall.Gold);
        Assert.Equal(46435, score.Tokens);
        Assert.True(score.Overall.F1 > 0.85, $"F1 {score.Overall.F1:F4} fell below the floor");
    }

    [SharedDataFact("bench/conll2003")]
    public void ConllppTest_HasTheCorrectedEntityCount_AndTheModelScoresAboveFloor()
    {
        var score = Run("conllpp_test.txt", StatisticalEntityRecognizer.Default);
        Assert.Equal(5702, score.Overall.Gold);
        Assert.True(score.Overall.F1 > 0.855, $"F1 {score.Overall.F1:F4} fell below the floor");
    }

    [SharedDataFact("bench/conll2003")]
    public void RuleRecognizer_OnConllDev_StaysAboveItsFloor()
    {
        var score = Run("conllpp_dev.txt", EntityRecognizer.Default);
        Assert.True(score.Overall.F1 > 0.55, $"F1 {score.Overall.F1:F4} fell below the floor");
    }

    private NerScore Run(string file, IEntityRecognizer ner)
    {
        var score = ConllEvaluation.Evaluate(SharedData.Require(Path.Combine("bench", "conll2003", file)), ner);
        output.WriteLine($"{file}:\n{score.ToReport()}");
        return score;
    }
}
