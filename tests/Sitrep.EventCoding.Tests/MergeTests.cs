using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class MergeTests
{
    [Fact]
    public void SameEventRepeated_YieldsOneEvent_WithUnionOfEvidence()
    {
        var doc = new TestDoc("US jets struck Raqqa on Saturday, killing 5 militants. The airstrikes on Raqqa also destroyed a bridge.")
            .Actor("US jets", Coalition).Time("on Saturday", "2018-09-01").Place("Raqqa", 0).Place("Raqqa", Town("Raqqa"), 1, 1)
            .Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal(5, e.FatalitiesMin);
        Assert.Equal("Coalition (US-led)", e.Actor1);
        Assert.True(e.Evidence.Count >= 4);
    }

    [Fact]
    public void LaterTollUpdate_RaisesTheFatalities()
    {
        var doc = new TestDoc("A car bomb exploded in Azaz on Monday, killing 20 people. The toll from the car bomb in Azaz rose to 37.")
            .Time("on Monday", "2018-08-27").Place("Azaz").Place("Azaz", Town("Azaz"), 1, 1).Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal(37, e.FatalitiesMin);
    }

    [Fact]
    public void TollWithNothingOfItsOwn_LaterInTheStory_AddsToTheEventAlreadyReported()
    {
        var doc = new TestDoc("Jets struck Raqqa on Saturday, killing 5 people.\nResidents fled the area.\nThe market was closed.\n" +
                              "Multiple sources corroborated that at least seven civilians were killed.")
            .Time("on Saturday", "2018-09-01").Place("Raqqa").Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal(7, e.FatalitiesMin);
        Assert.True(e.CivilianTargeting);
    }

    [Fact]
    public void TollOfASeparateIncident_StaysItsOwnEvent()
    {
        var doc = new TestDoc("Jets struck Raqqa on Saturday, killing 5 people.\nResidents fled the area.\nThe market was closed.\n" +
                              "In a separate incident, three people were killed.")
            .Time("on Saturday", "2018-09-01").Place("Raqqa").Annotate();
        Assert.Equal(2, doc.Events.Count);
    }

    [Fact]
    public void CodedEvent_CarriesThePloverAndCameoEquivalentsOfItsOntologyRow()
    {
        var e = Assert.Single(new TestDoc("US jets struck Raqqa on Saturday.").Time("on Saturday", "2018-09-01").Place("Raqqa").Annotate().Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal("FIGHT:aerial", e.Plover);
        Assert.Equal("195", e.Cameo);
    }

    [Fact]
    public void LabelLineOfAFactBox_IsNoEvent()
    {
        var doc = new TestDoc("Civilians reported killed").Annotate();
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void SameTypeDifferentPlaces_StayTwoEvents()
    {
        var doc = new TestDoc("Jets struck Raqqa on Saturday. Jets struck Deir ez-Zor on Saturday.")
            .Time("on Saturday", "2018-09-01").Time("on Saturday", "2018-09-01", 1).Place("Raqqa").Place("Deir ez-Zor").Annotate();
        Assert.Equal(2, doc.Events.Count);
    }

    [Fact]
    public void SameTypeDifferentDays_StayTwoEvents()
    {
        var doc = new TestDoc("Jets struck Raqqa on Saturday. Jets struck Raqqa again on Monday.")
            .Time("on Saturday", "2018-09-01").Time("on Monday", "2018-09-03").Place("Raqqa").Place("Raqqa", Town("Raqqa"), 1, 1).Annotate();
        Assert.Equal(2, doc.Events.Count);
    }

    [Fact]
    public void Headline_MergesWithTheBodyEventInsideItsCountry()
    {
        var doc = new TestDoc("Coalition Warplanes Pound ISIS Positions In Syria.\nOn August 30, coalition airstrikes hit Islamic State positions near Hajin.")
            .Place("Syria", SyriaCountry, 3).Time("On August 30", "2018-08-30").Place("Hajin").Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Hajin", e.Place?.Name);
        Assert.Equal(new DateOnly(2018, 8, 30), e.Date.Start);
    }

    [Fact]
    public void CasualtySentence_AttachesToThePreviousEvent()
    {
        var doc = new TestDoc("Russian airstrikes hit Raqqa on Tuesday. Twelve people were killed, activists said.")
            .Time("on Tuesday", "2018-08-28").Place("Raqqa").Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal(12, e.FatalitiesMin);
    }
}

public class RepeatedHeadlineTests
{
    [Fact]
    public void HeadlinePrintedTwice_IsOneEvent()
    {
        var doc = new TestDoc("Coalition Warplanes Pound ISIS In Syria.\nCoalition Warplanes Pound ISIS In Syria.\nResidents fled the area.").Annotate();
        Assert.Single(doc.Events);
    }

    [Fact]
    public void AccordingTo_IsNotAnAgreement()
    {
        var e = new TestDoc("According to the SOHR, the coalition deployed several units around the pocket.").Single();
        Assert.Equal("Change to group/activity", e.SubEventType);
    }
}
