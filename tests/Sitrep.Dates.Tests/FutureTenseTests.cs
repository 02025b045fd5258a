using Sitrep.Core;

namespace Sitrep.Dates.Tests;

/// <summary>Year-less dates and bare months in future-tense sentences look forward from publication.</summary>
public class FutureTenseTests
{
    private static readonly TimeExpressionRecognizer Recognizer = new();

    private static string Day(TimeMention m) => m.Date.Start!.Value.ToString("yyyy-MM-dd");

    private static IReadOnlyList<TimeMention> Find(string text, string published) =>
        Recognizer.Find(text, DateOnly.ParseExact(published, "yyyy-MM-dd"));

    [Fact]
    public void PayableDates_AfterPublication_AreTheNextOccurrences()
    {
        var found = Find("The reduced dividend is payable Jan. 2 to stock of record Dec. 15.", "1989-11-02");
        Assert.Equal(["1990-01-02", "1989-12-15"], found.Select(Day));
    }

    [Fact]
    public void WillCue_BeforeAnInitialAbbreviation_StillMakesTheDateFuture()
    {
        var m = Assert.Single(Find("Mr. Schwarz will succeed Daniel P. Davison Feb. 1, officials said.", "1989-10-26"));
        Assert.Equal("1990-02-01", Day(m));
    }

    [Fact]
    public void PastTenseReport_YearlessDate_StaysInThePast()
    {
        var m = Assert.Single(Find("Militants attacked the checkpoint on Dec. 15, police said.", "1990-01-10"));
        Assert.Equal("1989-12-15", Day(m));
    }
}
