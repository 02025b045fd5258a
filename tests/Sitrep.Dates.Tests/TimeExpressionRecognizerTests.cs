using Sitrep.Core;

namespace Sitrep.Dates.Tests;

public sealed class TimeExpressionRecognizerTests
{
    private static readonly TimeExpressionRecognizer Recognizer = new();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static IReadOnlyList<TimeMention> Find(string text, string? published) =>
        Recognizer.Find(text, published is null ? null : D(published));

    /// <summary>The single mention in <paramref name="text"/>.</summary>
    private static TimeMention One(string text, string? published)
    {
        var all = Find(text, published);
        Assert.True(all.Count == 1, $"expected one mention in '{text}', got: {string.Join(" | ", all.Select(m => $"{m.Text} {m.Date}"))}");
        return all[0];
    }

    private static void AssertRange(TimeMention m, string start, string end, DateGranularity granularity)
    {
        Assert.True(m.Date.IsResolved, m.Date.ToString());
        Assert.Equal(D(start), m.Date.Start);
        Assert.Equal(D(end), m.Date.End);
        Assert.Equal(granularity, m.Date.Granularity);
    }

    private static void AssertDay(TimeMention m, string day) => AssertRange(m, day, day, DateGranularity.Day);

    // ---- weekdays (2014-09-28 is a Sunday) ----

    [Fact]
    public void LastSaturday_FromSundayPublication_IsPreviousDay()
    {
        var m = One("Jets struck the city last Saturday.", "2014-09-28");
        Assert.Equal("last Saturday", m.Text);
        AssertDay(m, "2014-09-27");
    }

    [Fact]
    public void OnSaturday_FromSundayPublication_IsPreviousDay_AndReasonSaysHow()
    {
        var m = One("In an online statement on Saturday, the spokesman called for attacks.", "2014-09-28");
        AssertDay(m, "2014-09-27");
        Assert.Contains("most recent on or before publication 2014-09-28", m.Date.Reason);
    }

    [Fact]
    public void WeekdayEqualToPublicationWeekday_IsPublicationDay() =>
        AssertDay(One("Obama said on Sunday that the strikes would continue.", "2014-09-28"), "2014-09-28");

    [Fact]
    public void NextTuesday_IsFirstTuesdayAfterPublication() =>
        AssertDay(One("Ministers meet next Tuesday.", "2014-09-28"), "2014-09-30");

    [Fact]
    public void WeekdayAfterWill_IsUpcoming() =>
        AssertDay(One("The council will vote on Tuesday.", "2014-09-28"), "2014-09-30");

    [Fact]
    public void TuesdayNight_IncludesPartOfDay()
    {
        var m = One("Rockets hit the base Tuesday night.", "2014-10-02");
        Assert.Equal("Tuesday night", m.Text);
        AssertDay(m, "2014-09-30");
    }

    [Fact]
    public void EarlyMonday_IncludesModifier()
    {
        var m = One("The convoy was ambushed early Monday.", "2014-10-02");
        Assert.Equal("early Monday", m.Text);
        AssertDay(m, "2014-09-29");
    }

    [Fact]
    public void TuesdaysAttacks_PossessiveWeekdayIsTheDay()
    {
        var m = One("No civilians were killed in Tuesday’s attacks.", "2015-11-19");
        Assert.Equal("Tuesday", m.Text);
        AssertDay(m, "2015-11-17");
    }

    [Fact]
    public void TimeOfDay_IsIgnored_WeekdayStillResolved()
    {
        var m = One("The blast happened at 3 p.m. on Tuesday.", "2014-10-02");
        AssertDay(m, "2014-09-30");
    }

    [Fact]
    public void WeekdayBeforeExplicitDate_IsOneMention()
    {
        var m = One("It began on Friday, August 31, 2018.", "2018-09-27");
        Assert.Equal("Friday, August 31, 2018", m.Text);
        AssertDay(m, "2018-08-31");
    }

    // ---- months ----

    [Fact]
    public void InJune_PublishedInAugust_IsSameYearJune() =>
        AssertRange(One("Fighters took over Mosul in June.", "2014-08-15"), "2014-06-01", "2014-06-30", DateGranularity.Month);

    [Fact]
    public void InJune_PublishedInMarch_IsPreviousYearJune() =>
        AssertRange(One("Fighters took over Mosul in June.", "2015-03-15"), "2014-06-01", "2014-06-30", DateGranularity.Month);

    [Fact]
    public void LastJanuary_PublishedInMarch_IsThisYearsJanuary() =>
        AssertRange(One("The deal was signed last January.", "2019-03-10"), "2019-01-01", "2019-01-31", DateGranularity.Month);

    [Fact]
    public void LastJanuary_PublishedInJanuary_IsPreviousYear() =>
        AssertRange(One("The deal was signed last January.", "2019-01-20"), "2018-01-01", "2018-01-31", DateGranularity.Month);

    [Fact]
    public void LateOctober_IsDays21ToEnd_MonthGranularity()
    {
        var m = One("Fighting resumed in late October.", "2015-11-20");
        Assert.Equal("late October", m.Text);
        AssertRange(m, "2015-10-21", "2015-10-31", DateGranularity.Month);
    }

    [Fact]
    public void MidAugust_IsDays11To20() =>
        AssertRange(One("The siege lifted in mid-August.", "2018-09-01"), "2018-08-11", "2018-08-20", DateGranularity.Month);

    [Fact]
    public void TheEndOfJuly_IsLateJuly() =>
        AssertRange(One("It has not changed since the end of July.", "2017-08-07"), "2017-07-21", "2017-08-07", DateGranularity.Month);

    [Fact]
    public void SinceLateOctober_IsRangeFromLateOctoberToPublication()
    {
        var m = One("Militants have been stepping up defenses since late October.", "2015-11-20");
        Assert.Equal("since late October", m.Text);
        AssertRange(m, "2015-10-21", "2015-11-20", DateGranularity.Month);
    }

    [Fact]
    public void MayAsModalVerb_IsNotADate() => Assert.Empty(Find("The United States may be touting its strikes. Crowds march on the capital.", "2014-09-28"));

    [Fact]
    public void LastSummer_PublishedInAutumn_IsThatYearsSummer() =>
        AssertRange(One("The town fell last summer.", "2018-09-27"), "2018-06-01", "2018-08-31", DateGranularity.Month);

    [Fact]
    public void LastSummer_PublishedInSummer_IsPreviousYearsSummer() =>
        AssertRange(One("The town fell last summer.", "2018-07-15"), "2017-06-01", "2017-08-31", DateGranularity.Month);

    [Fact]
    public void TheSummerOf2014_IsJuneToAugust2014() =>
        AssertRange(One("Mosul fell in the summer of 2014.", "2018-07-15"), "2014-06-01", "2014-08-31", DateGranularity.Month);

    [Fact]
    public void SummerOffensive_IsNotADate() => Assert.Empty(Find("A summer offensive is feared.", "2018-07-15"));

    // ---- explicit formats ----

    [Theory]
    [InlineData("August 30, 2018", "August 30, 2018")]
    [InlineData("30 August 2018", "30 August 2018")]
    [InlineData("Aug. 30", "Aug. 30")]
    [InlineData("30 Aug", "30 Aug")]
    [InlineData("2018-08-30", "2018-08-30")]
    [InlineData("30/08/2018", "30/08/2018")]
    [InlineData("the 30th of August 2018", "30th of August 2018")]
    [InlineData("Aug 30 2018", "Aug 30 2018")]
    [InlineData("30.08.2018", "30.08.2018")]
    public void ExplicitDate_AllCommonFormats_AreAugust30(string expression, string extent)
    {
        var m = One($"Warplanes struck on {expression}, the observatory said.", "2018-09-27");
        Assert.Equal(extent, m.Text);
        AssertDay(m, "2018-08-30");
    }

    [Fact]
    public void SlashDate_IsDayFirst_WhenBothReadingsArePossible() =>
        AssertDay(One("Filed 05/06/2018.", "2018-09-27"), "2018-06-05");

    [Fact]
    public void SlashDate_IsMonthFirst_WhenDayFirstIsImpossible() =>
        AssertDay(One("Filed 08/30/2018.", "2018-09-27"), "2018-08-30");

    [Fact]
    public void MonthDayWithoutYear_InJanuary_ForDecember_IsPreviousYear() =>
        AssertDay(One("The attack on Dec. 30 killed four.", "2019-01-05"), "2018-12-30");

    [Fact]
    public void WeekdayWithYearlessDate_PicksTheYearItFits() =>
        AssertDay(One("The raid on Wednesday, 30 August killed two.", "2018-09-27"), "2017-08-30");

    [Fact]
    public void MonthAndYear_IsMonth() =>
        AssertRange(One("The offensive began in August 2018.", "2019-01-05"), "2018-08-01", "2018-08-31", DateGranularity.Month);

    [Fact]
    public void BareYearAfterPreposition_IsYear() =>
        AssertRange(One("The group was founded in 2013.", "2019-01-05"), "2013-01-01", "2013-12-31", DateGranularity.Year);

    [Fact]
    public void TheNineties_IsTenYearRangeWithYearGranularity()
    {
        var m = One("Violence peaked in the 1990s.", "2019-01-05");
        Assert.Equal("the 1990s", m.Text);
        AssertRange(m, "1990-01-01", "1999-12-31", DateGranularity.Year);
    }

    [Fact]
    public void LateYear_IsLastThirdOfTheYear() =>
        AssertRange(One("They struck Deir Ezzor in late 2016.", "2018-09-27"), "2016-09-01", "2016-12-31", DateGranularity.Year);

    // ---- relative ----

    [Theory]
    [InlineData("today", "2018-09-27")]
    [InlineData("tonight", "2018-09-27")]
    [InlineData("yesterday", "2018-09-26")]
    [InlineData("last night", "2018-09-26")]
    [InlineData("yesterday morning", "2018-09-26")]
    [InlineData("two days ago", "2018-09-25")]
    [InlineData("two days earlier", "2018-09-25")]
    [InlineData("A day earlier", "2018-09-26")]
    public void DeicticDay_IsRelativeToPublication(string expression, string day)
    {
        var m = One($"{expression}, fighters attacked positions of the SDF.", "2018-09-27");
        Assert.Equal(expression, m.Text);
        AssertDay(m, day);
    }

    [Fact]
    public void ADayEarlier_ReasonSaysRelativeToPublication() =>
        Assert.Contains("publication", One("A day earlier, ISIS fighters attacked.", "2018-08-31").Date.Reason);

    [Fact]
    public void LastWeek_IsPreviousMondayToSunday()
    {
        var m = One("Strikes began pounding Raqqa last week.", "2014-09-28");
        AssertRange(m, "2014-09-15", "2014-09-21", DateGranularity.Week);
    }

    [Fact]
    public void LastWeek_FromWednesday_IsPreviousMondayToSunday() =>
        AssertRange(One("Dillon said last week a bomber struck.", "2017-08-09"), "2017-07-31", "2017-08-06", DateGranularity.Week);

    [Fact]
    public void ThisWeek_IsWeekContainingPublication() =>
        AssertRange(One("Talks resumed this week.", "2017-08-09"), "2017-08-07", "2017-08-13", DateGranularity.Week);

    [Fact]
    public void LastMonth_IsPreviousCalendarMonth() =>
        AssertRange(One("Talks collapsed last month.", "2017-03-09"), "2017-02-01", "2017-02-28", DateGranularity.Month);

    [Fact]
    public void LastYear_AndThisYear_AreCalendarYears()
    {
        var all = Find("Last year was bloodier than this year.", "2017-03-09");
        Assert.Equal(2, all.Count);
        AssertRange(all[0], "2016-01-01", "2016-12-31", DateGranularity.Year);
        AssertRange(all[1], "2017-01-01", "2017-12-31", DateGranularity.Year);
    }

    [Fact]
    public void EarlierThisMonth_IsFromFirstOfMonthToPublication() =>
        AssertRange(One("Earlier this month, the army retook the town.", "2017-03-09"), "2017-03-01", "2017-03-09", DateGranularity.Month);

    [Fact]
    public void OverThePastWeek_IsSevenDaysEndingAtPublication()
    {
        var m = One("The coalition has been pummeling targets over the past week.", "2014-09-28");
        Assert.Equal("the past week", m.Text);
        AssertRange(m, "2014-09-22", "2014-09-28", DateGranularity.Week);
    }

    [Fact]
    public void OverTheLastFewDays_IsRangeEndingAtPublication()
    {
        var m = One("Units deployed around the pocket over the last few days.", "2018-09-01");
        Assert.Equal(D("2018-09-01"), m.Date.End);
        Assert.True(m.Date.Start < m.Date.End, m.Date.ToString());
    }

    // ---- ranges ----

    [Fact]
    public void BetweenOneAndThreeMay_IsThreeDayRange()
    {
        var m = One("Clashes took place between 1 and 3 May 2018 near Hajin.", "2018-06-01");
        Assert.Equal("between 1 and 3 May 2018", m.Text);
        AssertRange(m, "2018-05-01", "2018-05-03", DateGranularity.Week);
    }

    [Fact]
    public void FromAug1ToAug5_IsRange() =>
        AssertRange(One("Airstrikes continued from Aug 1 to Aug 5.", "2018-08-20"), "2018-08-01", "2018-08-05", DateGranularity.Week);

    [Fact]
    public void DayDashDayMonth_IsRange() =>
        AssertRange(One("Talks were held 1-3 May 2018 in Geneva.", "2018-06-01"), "2018-05-01", "2018-05-03", DateGranularity.Week);

    // ---- not dates ----

    [Theory]
    [InlineData("Nobody can conduct a 45 minute long airstrike and not notice.")]
    [InlineData("ISIS downplayed the nine-month battle for Mosul.")]
    [InlineData("He fought for three years in the desert.")]
    [InlineData("Russia planned 127 sorties in the first 24 hours of the campaign.")]
    [InlineData("The 28-year-old militant said so.")]
    [InlineData("There are youths joining -- 14, 15 years old.")]
    [InlineData("Donations: 2,500 $ and 2000 fighters.")]
    [InlineData("3 DAYS LEFT UNTIL THE DEADLINE")]
    public void DurationsAgesAndCounts_AreNotDates(string text) => Assert.Empty(Find(text, "2018-09-27"));

    [Fact]
    public void FortyFiveMinuteLongAirstrike_IsNotADate() =>
        Assert.Empty(Find("Because I doubt anyone can conduct a 45 minute long airstrike in this day and age.", "2018-09-27"));

    // ---- refusals ----

    [Fact]
    public void DuringRamadan_StaysUnresolved()
    {
        var m = One("Attacks rose during Ramadan.", "2018-07-01");
        Assert.Equal("Ramadan", m.Text);
        Assert.False(m.Date.IsResolved);
        Assert.Contains("Islamic-calendar date without a year", m.Date.Reason);
    }

    [Fact]
    public void RamadanWithYear_ResolvesThroughUmmAlQura()
    {
        var m = One("Attacks rose during Ramadan 2017.", "2018-07-01");
        Assert.Equal("Ramadan 2017", m.Text);
        AssertRange(m, "2017-05-27", "2017-06-24", DateGranularity.Month);
        Assert.Contains("Umm al-Qura", m.Date.Reason);
    }

    [Fact]
    public void EidAlAdhaWithYear_IsOneDay() =>
        AssertDay(One("They struck on Eid al-Adha 2018.", "2018-09-01"), "2018-08-21");

    [Fact]
    public void EidWithoutSaying_Which_StaysUnresolved() =>
        Assert.False(One("They struck during Eid 2018.", "2018-09-01").Date.IsResolved);

    [Theory]
    [InlineData("A man who recently left the ranks of ISIS spoke.", "recently")]
    [InlineData("The offensive will start soon.", "soon")]
    [InlineData("Attacks increased in recent weeks.", "recent weeks")]
    public void VagueExpressions_StayUnresolved(string text, string extent)
    {
        var m = One(text, "2018-07-01");
        Assert.Equal(extent, m.Text);
        Assert.False(m.Date.IsResolved);
        Assert.Contains("vague", m.Date.Reason);
    }

    [Fact]
    public void NoPublicationDate_RelativeExpressionsUnresolved()
    {
        var all = Find("Yesterday, on Saturday, and last week, as in June, two days ago; but on 30 August 2018 too.", null);
        Assert.Equal(6, all.Count);
        for (var k = 0; k < 5; k++)
        {
            Assert.False(all[k].Date.IsResolved, all[k].Text);
            Assert.Equal("no publication date", all[k].Date.Reason);
        }
        AssertDay(all[5], "2018-08-30");
    }

    [Theory]
    [InlineData("Two days later, the town fell.", "Two days later")]
    [InlineData("The next day, the town fell.", "The next day")]
    public void LaterOffsets_StayUnresolved_BecauseTheyCountFromAStoryEvent(string text, string extent)
    {
        var m = One(text, "2018-07-01");
        Assert.Equal(extent, m.Text);
        Assert.False(m.Date.IsResolved);
        Assert.Contains("earlier event", m.Date.Reason);
    }

    [Fact]
    public void SinceEndOfJuly_TwoMonthSpan_HasMonthGranularity() =>
        AssertRange(One("It has not changed since the end of July.", "2017-09-27"), "2017-07-21", "2017-09-27", DateGranularity.Month);

    [Fact]
    public void Find_NeverThrows_AndRangesStayInText_OnDateLikeNoise()
    {
        string[] pool = ["the", "last", "next", "since", "between", "and", "from", "to", "-", "/", ".", ",", "'", "s",
            "30", "31", "29", "02", "2018", "1999", "0000", "9999", "12", "th", "of", "May", "Feb", "Feb.", "December",
            "Saturday", "early", "mid", "late", "end", "week", "weeks", "years", "ago", "later", "few", "a", "past",
            "quarter", "third", "Ramadan", "Eid", "al", "Adha", "summer", "1990s", "yesterday", "night", "will", ":"];
        var rng = new Random(42);
        string[] anchors = ["2018-09-27", "0001-01-01", "9999-12-31", "2000-02-29"];
        for (var n = 0; n < 3000; n++)
        {
            var parts = new string[rng.Next(1, 12)];
            for (var k = 0; k < parts.Length; k++) parts[k] = pool[rng.Next(pool.Length)];
            var text = string.Join(rng.Next(2) == 0 ? " " : "", parts);
            foreach (var m in Find(text, anchors[n % anchors.Length]))
            {
                Assert.Equal(m.Text, m.Range.Slice(text));
                if (m.Date.IsResolved) Assert.True(m.Date.Start <= m.Date.End, $"{text}: {m.Date}");
            }
        }
    }

    [Fact]
    public void MentionRanges_PointAtTheirText()
    {
        const string text = "On August 30, US-led coalition warplanes struck. A day earlier, ISIS attacked.";
        foreach (var m in Find(text, "2018-09-27")) Assert.Equal(m.Text, m.Range.Slice(text));
    }
}
