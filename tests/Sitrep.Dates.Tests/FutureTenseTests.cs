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

    [Theory]
    [InlineData("The rebels said they would withdraw from the town in January.", "2016-11-20", "2017-01-01")]
    [InlineData("Commanders expect the offensive to begin by Dec. 15.", "2016-11-20", "2016-12-15")]
    [InlineData("The curfew is supposed to end by May.", "2016-11-20", "2017-05-01")]
    [InlineData("A ceasefire takes hold effective Feb. 1 across the province.", "2016-11-20", "2017-02-01")]
    public void WouldExpectSupposedEffective_MakeAYearlessDateFuture(string text, string published, string expected)
    {
        var m = Assert.Single(Find(text, published));
        Assert.Equal(expected, Day(m));
    }

    [Theory]
    [InlineData("The governor said on Tuesday that the army would retake the town.", "2016-11-23", "2016-11-22")]
    [InlineData("The ministry announced Friday, the troops would leave the area.", "2016-11-23", "2016-11-18")]
    [InlineData("The army would not comment, the governor said Tuesday.", "2016-11-23", "2016-11-22")]
    public void FutureCue_InAnotherClause_LeavesAReportingDayInThePast(string text, string published, string expected)
    {
        var m = Assert.Single(Find(text, published));
        Assert.Equal(expected, Day(m));
    }

    [Fact]
    public void PastTenseReport_YearlessDate_StaysInThePast()
    {
        var m = Assert.Single(Find("Militants attacked the checkpoint on Dec. 15, police said.", "1990-01-10"));
        Assert.Equal("1989-12-15", Day(m));
    }
}

/// <summary>"a year earlier" after a named quarter is that quarter a year back.</summary>
public class QuarterFocusTests
{
    private static readonly TimeExpressionRecognizer Recognizer = new();

    [Fact]
    public void AYearEarlier_AfterThirdQuarter_IsThirdQuarterOfPreviousYear()
    {
        var found = Recognizer.Find("Profit rose 10% in the third quarter from $2 million a year earlier.", new DateOnly(1989, 10, 30));
        Assert.Equal(2, found.Count);
        Assert.Equal(new DateOnly(1988, 7, 1), found[1].Date.Start);
        Assert.Equal(new DateOnly(1988, 9, 30), found[1].Date.End);
    }

    [Fact]
    public void AYearAgo_WithNoQuarterInFocus_IsThePreviousYear()
    {
        var m = Assert.Single(Recognizer.Find("The town fell to the militants a year ago.", new DateOnly(2015, 6, 1)));
        Assert.Equal(new DateOnly(2014, 1, 1), m.Date.Start);
        Assert.Equal(DateGranularity.Year, m.Date.Granularity);
    }
}

/// <summary>Quarter modifiers.</summary>
public class QuarterModifierTests
{
    [Fact]
    public void YearEarlierThirdQuarter_IsThePreviousYearsThirdQuarter()
    {
        var m = Assert.Single(new TimeExpressionRecognizer().Find("Sales fell from the year-earlier third quarter.", new DateOnly(1989, 10, 30)));
        Assert.Equal(new DateOnly(1988, 7, 1), m.Date.Start);
        Assert.Equal(new DateOnly(1988, 9, 30), m.Date.End);
    }
}

/// <summary>Years spelled out as broadcast transcripts write them.</summary>
public class SpelledYearTests
{
    private static readonly TimeExpressionRecognizer Recognizer = new();

    [Theory]
    [InlineData("The war began in nineteen ninety-one.", 1991)]
    [InlineData("Elections are due in the year two thousand.", 2000)]
    [InlineData("The dam was finished in nineteen seventy nine.", 1979)]
    [InlineData("The agreement of twenty fifteen still holds.", 2015)]
    public void SpelledYear_IsThatYear(string text, int year)
    {
        var m = Assert.Single(Recognizer.Find(text, new DateOnly(2016, 3, 1)));
        Assert.Equal(new DateOnly(year, 1, 1), m.Date.Start);
        Assert.Equal(DateGranularity.Year, m.Date.Granularity);
    }

    [Fact]
    public void MonthAndSpelledYear_IsThatMonth()
    {
        var m = Assert.Single(Recognizer.Find("The siege lasted until January nineteen ninety-seven.", new DateOnly(1998, 2, 27)));
        Assert.Equal(new DateOnly(1997, 1, 1), m.Date.Start);
        Assert.Equal(DateGranularity.Month, m.Date.Granularity);
    }

    [Theory]
    [InlineData("Two thousand people fled the town.")]
    [InlineData("About nineteen people were wounded.")]
    [InlineData("In two thousand five hundred homes the power was cut.")]
    [InlineData("Nineteen twenty-five-year-old recruits deserted.")]
    public void SpelledQuantities_AreNotYears(string text) =>
        Assert.Empty(Recognizer.Find(text, new DateOnly(2016, 3, 1)));
}

/// <summary>Half-years, quarters of a relative year, and "this" seasons.</summary>
public class CalendarPartTests
{
    private static readonly TimeExpressionRecognizer Recognizer = new();

    private static TimeMention Single(string text, string published) =>
        Assert.Single(Recognizer.Find(text, DateOnly.ParseExact(published, "yyyy-MM-dd")));

    [Theory]
    [InlineData("Output rose in the first half of 1990.", "1990-01-01", "1990-06-30")]
    [InlineData("Output rose in the last half of 1989.", "1989-07-01", "1989-12-31")]
    [InlineData("Output will rise in the second half of next year.", "1990-07-01", "1990-12-31")]
    public void HalfOfAYear_IsSixMonths(string text, string start, string end)
    {
        var m = Single(text, "1989-11-02");
        Assert.Equal(DateOnly.Parse(start), m.Date.Start);
        Assert.Equal(DateOnly.Parse(end), m.Date.End);
        Assert.Equal(DateGranularity.Month, m.Date.Granularity);
    }

    [Fact]
    public void SecondHalf_WithoutAYear_IsNoDate()
    {
        Assert.Empty(Recognizer.Find("He scored in the second half.", new DateOnly(1989, 11, 2)));
    }

    [Fact]
    public void NextYearsFirstQuarter_IsTheFirstQuarterOfTheFollowingYear()
    {
        var m = Single("Shipments resume in next year's first quarter.", "1989-10-27");
        Assert.Equal(new DateOnly(1990, 1, 1), m.Date.Start);
        Assert.Equal(new DateOnly(1990, 3, 31), m.Date.End);
    }

    [Theory]
    [InlineData("2016-03-22", "2016-06-01")] // said in spring: the coming summer
    [InlineData("2016-10-05", "2016-06-01")] // said in autumn: the summer just gone
    [InlineData("2016-07-10", "2016-06-01")] // said in summer: this one
    public void ThisSummer_IsTheSummerOfThePublicationYear(string published, string start)
    {
        var m = Single("The offensive is due this summer.", published);
        Assert.Equal(DateOnly.Parse(start), m.Date.Start);
    }
}
