using Sitrep.Core;

namespace Sitrep.Pipeline.Tests;

/// <summary>
/// The composed pipeline (language, dates, places, event coding) on short hand-written articles of the kinds seen in
/// scraped news: one reported incident is one event, talk about violence is none.
/// </summary>
public class IntegratedCodingTests
{
    private static Document Annotate(string text, string published) =>
        SitrepEngine.Default.Pipeline.Annotate(new DocumentMeta("t", "t.txt") { Published = DateOnly.Parse(published) }, text);

    private static List<ConflictEvent> Counted(Document doc) => doc.Events.Where(e => e.Modality.IsCounted()).ToList();

    [Fact]
    public void StrikeAttributedLaterAndDenied_IsOneEvent_WithTheAgentAsActor1_AndCompetingClaims()
    {
        const string text = "Warplanes struck a hospital in the town of Kafr Nabl in Idlib province on Thursday, killing at least " +
                            "eight civilians, according to a monitoring group.\n\nRescue workers said the strikes were carried out by " +
                            "Russian jets. Russia's defence ministry denied that its aircraft had been in the area.";
        var e = Assert.Single(Counted(Annotate(text, "2019-05-10")));
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal(new DateOnly(2019, 5, 9), e.Date.Start);
        Assert.Equal("SY", e.Place?.CountryCode);
        Assert.Equal("Military Forces of Russia", e.Actor1);
        Assert.Equal("Civilians", e.Actor2);
        Assert.Equal(8, e.Fatalities);
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Contains("Military Forces of Russia denies", e.Claims);
        Assert.True(e.Claims.Count >= 2);
    }

    [Fact]
    public void GovernmentForcesInASyrianTown_AreSyrianForces_AndTheShellingSentenceAddsNoEvent()
    {
        const string text = "Government forces shelled the town of Saraqeb on Sunday, killing five civilians, activists said. " +
                            "The shelling damaged a bakery near the main square.";
        var e = Assert.Single(Annotate(text, "2018-05-21").Events);
        Assert.Equal("Shelling/artillery/missile attack", e.SubEventType);
        Assert.Equal("Military Forces of Syria", e.Actor1);
        Assert.Equal(new DateOnly(2018, 5, 20), e.Date.Start);
    }

    [Fact]
    public void DatelineBombing_SourcesAreNoActors_BackgroundIsNoEvent_AndTheCityIsTheDatelineTown()
    {
        const string text = "BAGHDAD, Iraq — A roadside bomb exploded in a market in western Baghdad on Monday, killing three people, " +
                            "police and hospital sources said.\nNo group claimed responsibility for the attack, but militants have carried " +
                            "out similar bombings in areas recaptured by Iraqi forces.\nIraqi troops retook the northern districts of the " +
                            "city last month.";
        var events = Counted(Annotate(text, "2017-03-15"));
        Assert.Equal(2, events.Count);
        var bomb = Assert.Single(events, e => e.SubEventType == "Remote explosive/landmine/IED");
        Assert.Null(bomb.Actor2);
        Assert.Equal(3, bomb.Fatalities);
        var retake = Assert.Single(events, e => e.SubEventType == "Government regains territory");
        Assert.Equal("Military Forces of Iraq", retake.Actor1);
        Assert.Equal("Baghdad", retake.Place?.Name);
        Assert.Equal(DateGranularity.Month, retake.Date.Granularity);
    }

    [Fact]
    public void InterviewQuotesAndCampaignTalk_YieldNoEvents()
    {
        const string text = "In an interview, a fighter described life in the group.\n\"We are fighting on two fronts,\" he said. " +
                            "\"They come from France, but they fight like they were born here.\"\nHe said coalition jets have been " +
                            "bombing their positions for months, and that the threat of missiles and bombs is constant.\n" +
                            "British war planes have been bombing the militants in Iraq, but not Syria.";
        Assert.Empty(Counted(Annotate(text, "2017-03-15")));
    }

    [Fact]
    public void HeadlineAndLead_AboutOneSuicideBombing_AreOneEvent()
    {
        const string text = "Suicide bomber kills 5 in Kabul\nA suicide bomber killed five people in Kabul on Tuesday, officials said.";
        var e = Assert.Single(Annotate(text, "2016-07-28").Events);
        Assert.Equal("Suicide bomb", e.SubEventType);
        Assert.Equal(new DateOnly(2016, 7, 26), e.Date.Start);
        Assert.Equal("AF", e.Place?.CountryCode);
        Assert.Equal(5, e.Fatalities);
    }
}
