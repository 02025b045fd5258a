using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class ReportFilterTests
{
    [Theory]
    [InlineData("Islamic State militants have carried out similar bombings in the past.")]
    [InlineData("Such attacks are common in the north.")]
    [InlineData("Dillon said more than 80 percent of ISIS attacks have been carried out by hidden explosives.")]
    [InlineData("The jets that shake the city daily are Russian.")]
    [InlineData("British war planes have been bombing the militants in Iraq, but not Syria.")]
    [InlineData("The UK joined the air campaign against the militants.")]
    [InlineData("Government airstrikes tended to hit less precisely.")]
    [InlineData("Militant group claims US air strikes are a war against Islam.")]
    [InlineData("The group has denounced US air strikes against the militants.")]
    [InlineData("A defector said the militants took precautions before coalition strikes.")]
    [InlineData("He tried to defend the group's atrocities, including beheadings and indiscriminate killings.")]
    public void GeneralStatementsAboutViolence_AreNoEvents(string text) =>
        Assert.DoesNotContain(new TestDoc(text).Annotate().Events, e => e.Modality.IsCounted());

    [Fact]
    public void BarePluralAsSubjectOfAReport_IsAnEvent()
    {
        var e = Assert.Single(new TestDoc("Airstrikes killed militants in Tell Hamra.").Place("Tell Hamra").Annotate().Events);
        Assert.True(e.Modality.IsCounted());
    }

    [Fact]
    public void BarePluralAfterATopicWord_WithAPlaceOfItsOwn_IsStillReported()
    {
        var doc = new TestDoc("Residents fled before coalition airstrikes on Tell Hamra.").Place("Tell Hamra").Annotate();
        Assert.Single(doc.Events, e => e.Modality.IsCounted());
    }

    [Fact]
    public void ParticipleDescribingBackground_IsNoTrigger_ButTheBombingStillIs()
    {
        const string text = "A bomb exploded on Saturday in areas recaptured by Iraqi forces.";
        var e = Assert.Single(new TestDoc(text).Time("on Saturday", "2018-08-25").Annotate().Events);
        Assert.Equal("Remote explosive/landmine/IED", e.SubEventType);
    }

    [Fact]
    public void CampaignWithATime_IsStillNoEvent_WhenPerfectProgressive()
    {
        var doc = new TestDoc("The coalition has been pummeling militant targets over the past week.")
            .Time("over the past week", "2018-08-28").Annotate();
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void ProgressiveWithATime_IsAnEvent()
    {
        var doc = new TestDoc("Gunmen were attacking the checkpoint on Friday night when police arrived.")
            .Time("on Friday night", "2018-08-31").Actor("Gunmen", Gunmen).Actor("police", Police).Annotate();
        Assert.Single(doc.Events, e => e.Modality.IsCounted());
    }

    [Theory]
    [InlineData("\"We are fighting on two fronts,\" the commander said.")]
    [InlineData("\"I saw an old sheikh killed in front of me,\" he said.")]
    [InlineData("\"They attack us because they are afraid of us,\" the fighter said.")]
    public void QuotedSpeechNamingNoOccasion_IsNoEvent(string text) =>
        Assert.DoesNotContain(new TestDoc(text).Annotate().Events, e => e.Modality.IsCounted());

    [Fact]
    public void QuotedAccountNamingAnOccasion_IsStillReported()
    {
        var e = Assert.Single(new TestDoc("\"Rebels ambushed our convoy near the town last night,\" a driver said.").Annotate().Events);
        Assert.Equal("Armed clash", e.SubEventType);
    }

    [Fact]
    public void SourcesOfInformation_AreNotVictims()
    {
        const string text = "A car bomb exploded in a market on Saturday, killing nine people, police and hospital sources said.";
        var e = Assert.Single(new TestDoc(text).Time("on Saturday", "2018-08-25").Actor("police", Police).Annotate().Events);
        Assert.Null(e.Actor2);
    }

    [Fact]
    public void PoliceAsTargets_AreStillVictims()
    {
        const string text = "Gunmen attacked police at a checkpoint on Saturday.";
        var e = Assert.Single(new TestDoc(text).Time("on Saturday", "2018-08-25").Actor("Gunmen", Gunmen).Actor("police", Police).Annotate().Events);
        Assert.Equal("Police Forces", e.Actor2);
    }

    [Fact]
    public void InfinitiveAfterAVerbOfMotionOrLaunching_IsAnAim()
    {
        var e = Assert.Single(new TestDoc("Parliament voted to launch strikes against the militants in Iraq.").Annotate().Events);
        Assert.Equal(Modality.Planned, e.Modality);
    }
}

public class ProgressiveRoleTests
{
    [Fact]
    public void AuxiliaryBeforeAnIngForm_IsActive_SoTheSubjectActs()
    {
        var e = Assert.Single(new TestDoc("Army jets were bombing Tell Hamra on Friday.").Time("on Friday", "2018-08-31")
            .Actor("Army jets", TestDoc.SyrianArmy).Annotate().Events);
        Assert.Equal("Military Forces of Syria", e.Actor1);
    }
}
