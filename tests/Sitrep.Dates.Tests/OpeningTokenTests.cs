using Sitrep.Testing;

namespace Sitrep.Dates.Tests;

/// <summary>
/// The recognizer tries its patterns only at tokens one can open with; these tests hold that shortcut to giving the
/// same expressions as trying every token, so a new pattern that opens with a new word is caught.
/// </summary>
public sealed class OpeningTokenTests
{
    private static readonly DateOnly Published = new(2018, 8, 31);

    private static void AssertSameAsEveryToken(string text, DateOnly? anchor)
    {
        var recognizer = new TimeExpressionRecognizer();
        var gated = recognizer.FindHits(text, anchor);
        var every = recognizer.FindHits(text, anchor, everyToken: true);
        Assert.Equal(every.Select(h => (h.Range, h.Date, h.Kind)), gated.Select(h => (h.Range, h.Date, h.Kind)));
    }

    [Theory]
    [InlineData("The strike came on Tuesday, 28 August 2018, and again on Aug. 30.")]
    [InlineData("Fighting raged from 1 to 3 May and between June and July, since March, in the '90s and the 1980s.")]
    [InlineData("In early June, mid-August and late 2017 the rebels regrouped; earlier this year they lost the town.")]
    [InlineData("In recent weeks, the holy month of Ramadan, fiscal 2018 and the third quarter of last year were quiet.")]
    [InlineData("Two days ago, several weeks later, yesterday morning, last night and this coming Friday.")]
    [InlineData("The first half of 2018, the past week, the near future, recently and nowadays, nineteen ninety-four.")]
    [InlineData("Next summer, the spring of 2017, the weekend before, the day after, three years earlier.")]
    public void OpeningTokensOnly_FindTheSameExpressions_AsEveryToken(string text)
    {
        AssertSameAsEveryToken(text, Published);
        AssertSameAsEveryToken(text, null);
    }

    [SharedDataFact("bench/tempeval3-tbaq/TimeBank")]
    public void OpeningTokensOnly_FindTheSameExpressions_OnTimeBank()
    {
        foreach (var (text, created) in TimeMlEvaluation.ReadTexts(SharedData.Require("bench/tempeval3-tbaq/TimeBank")))
            AssertSameAsEveryToken(text, created);
    }
}
