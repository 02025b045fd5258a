using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class CoreferenceTests
{
    private static readonly Actor RussianForces = new("Military Forces of Russia", ActorKind.ExternalForces, "RU");
    private static readonly Actor GenericForces = new("Unidentified Military Forces", ActorKind.StateForces) { IsGeneric = true };
    private static readonly Place Russia = new("Russia", new GeoPoint(60, 90), "RU", null, PlaceKind.Country);

    [Fact]
    public void DefiniteMentionWithPassiveAgent_MergesIntoTheEarlierStrike_AndGivesItsActor1()
    {
        const string text = "Warplanes struck a bakery in Kafr Sajna on Friday, killing six civilians.\n" +
                            "Medics said the strikes were carried out by Russian jets.";
        var e = Assert.Single(new TestDoc(text).Time("on Friday", "2018-08-31").Place("Kafr Sajna")
            .Actor("six civilians", Civilians).Actor("Russian jets", RussianForces).Annotate().Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal("Military Forces of Russia", e.Actor1);
        Assert.Equal("Civilians", e.Actor2);
        Assert.Equal("Kafr Sajna", e.Place?.Name);
        Assert.Equal(6, e.FatalitiesMin);
    }

    [Fact]
    public void DenialByTheAttributedCountry_KeepsTheEventAsserted_AndRecordsBothClaims()
    {
        const string text = "Warplanes struck a bakery in Kafr Sajna on Friday, killing six civilians.\n" +
                            "Medics said the strikes were carried out by Russian jets. Russia's defence ministry denied that its aircraft had flown there.";
        var e = Assert.Single(new TestDoc(text).Time("on Friday", "2018-08-31").Place("Kafr Sajna").Place("Russia", Russia, 3, 1)
            .Actor("six civilians", Civilians).Actor("Russian jets", RussianForces).Annotate().Events);
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Equal(2, e.Claims.Count);
        Assert.Contains("Military Forces of Russia denies", e.Claims);
    }

    [Fact]
    public void DenialByAnUninvolvedParty_AddsNoClaims()
    {
        const string text = "Rebels shelled Kafr Sajna on Friday. The ministry of culture denied the museum was closed.";
        var e = Assert.Single(new TestDoc(text).Time("on Friday", "2018-08-31").Place("Kafr Sajna").Actor("Rebels", Gunmen).Annotate().Events);
        Assert.Empty(e.Claims);
    }

    [Fact]
    public void DefiniteMentionOfTheShelling_InALaterSentence_IsTheSameEvent()
    {
        const string text = "Government forces shelled the town of Tell Hamra on Sunday, killing four civilians. " +
                            "The shelling hit a school near the market.";
        var doc = new TestDoc(text).Time("on Sunday", "2018-08-26").Place("Tell Hamra").Actor("four civilians", Civilians).Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Shelling/artillery/missile attack", e.SubEventType);
    }

    [Fact]
    public void DefiniteMentionNamingAnotherTown_IsANewEvent()
    {
        const string text = "Government forces shelled Tell Hamra on Sunday. The shelling of Ain Issa followed on Sunday.";
        var doc = new TestDoc(text).Time("on Sunday", "2018-08-26").Time("on Sunday", "2018-08-26", 1)
            .Place("Tell Hamra").Place("Ain Issa").Annotate();
        Assert.Equal(2, doc.Events.Count);
    }

    [Fact]
    public void TheAttack_RefersToTheBombing_WhateverItsSubType()
    {
        const string text = "A car bomb exploded in a market in Tell Hamra on Saturday, killing nine people. " +
                            "Nobody has claimed the attack yet.";
        var e = Assert.Single(new TestDoc(text).Time("on Saturday", "2018-08-25").Place("Tell Hamra").Annotate().Events);
        Assert.Equal("Remote explosive/landmine/IED", e.SubEventType);
    }

    [Fact]
    public void VerbAnsweringTheAttack_MergesIntoIt()
    {
        const string text = "Islamic State fighters attacked SDF positions near Tell Hamra. However, SDF fighters repelled the attack.";
        var doc = new TestDoc(text).Place("Tell Hamra").Actor("Islamic State fighters", IslamicState).Actor("SDF", Sdf)
            .Actor("SDF fighters", Sdf).Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Armed clash", e.SubEventType);
        Assert.Equal("Islamic State", e.Actor1);
    }

    [Fact]
    public void UnnamedCity_IsTheTownOfTheFirstEvent()
    {
        const string text = "A car bomb exploded in Tell Hamra on Saturday, killing nine people.\n" +
                            "Army troops retook the northern half of the city from the militants in July.";
        var doc = new TestDoc(text).Time("on Saturday", "2018-08-25").Time("in July", "2018-07-15").Place("Tell Hamra")
            .Actor("Army troops", SyrianArmy).Annotate();
        var retake = Assert.Single(doc.Events, e => e.SubEventType == "Government regains territory");
        Assert.Equal("Tell Hamra", retake.Place?.Name);
        Assert.Equal(1, retake.GeoPrecision);
    }

    [Fact]
    public void UnnamedCity_WithNoEventBefore_IsTheDatelineTown()
    {
        const string text = "TELL HAMRA, Syria — Army troops retook the northern half of the city on Friday.";
        var e = Assert.Single(new TestDoc(text).Time("on Friday", "2018-08-31").Place("TELL HAMRA", Town("Tell Hamra"))
            .Actor("Army troops", SyrianArmy).Annotate().Events);
        Assert.Equal("Tell Hamra", e.Place?.Name);
    }

    [Fact]
    public void TheMilitants_AfterANamedGroup_AreThatGroup()
    {
        const string text = "Islamic State militants held the district for a year. Army troops retook it from the militants on Friday.";
        var e = Assert.Single(new TestDoc(text).Time("on Friday", "2018-08-31").Actor("Islamic State militants", IslamicState)
            .Actor("Army troops", SyrianArmy).Actor("militants", Gunmen, 1).Annotate().Events);
        Assert.Equal("Military Forces of Syria", e.Actor1);
        Assert.Equal("Islamic State", e.Actor2);
    }

    [Fact]
    public void GenericGovernmentForces_TakeTheCountryOfTheEventsPlace()
    {
        var doc = new TestDoc("Government forces shelled Tell Hamra on Sunday.").Time("on Sunday", "2018-08-26").Place("Tell Hamra")
            .Actor("Government forces", GenericForces).Build();
        var asked = new List<string>();
        var coder = EventAnnotator.CreateDefault((_, _, _, country) =>
        {
            asked.Add(country);
            return country == "SY" ? SyrianArmy : null;
        });
        var e = Assert.Single(coder.Annotate(doc).Events);
        Assert.Equal(["SY"], asked);
        Assert.Equal("Military Forces of Syria", e.Actor1);
    }

    [Fact]
    public void GenericGovernmentForces_WithoutAResolver_StayUnidentified()
    {
        var e = new TestDoc("Government forces shelled Tell Hamra on Sunday.").Time("on Sunday", "2018-08-26").Place("Tell Hamra")
            .Actor("Government forces", GenericForces).Single();
        Assert.Equal("Unidentified Military Forces", e.Actor1);
    }
}
