using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class DateAttachmentTests
{
    [Fact]
    public void SentenceInitialDate_AttachesToItsEvent()
    {
        var e = new TestDoc("On August 30, coalition warplanes carried out airstrikes on Islamic State positions.")
            .Time("On August 30", "2018-08-30").Single();
        Assert.Equal(new DateOnly(2018, 8, 30), e.Date.Start);
    }

    [Fact]
    public void EachSentence_UsesItsOwnRelativeExpression()
    {
        var doc = new TestDoc("On August 30, coalition warplanes carried out airstrikes near Hajin. A day earlier, several fighters attacked SDF positions.")
            .Time("On August 30", "2018-08-30").Time("A day earlier", "2018-08-29").Annotate();
        Assert.Equal(2, doc.Events.Count);
        Assert.Equal(new DateOnly(2018, 8, 30), doc.Events[0].Date.Start);
        Assert.Equal(new DateOnly(2018, 8, 29), doc.Events[1].Date.Start);
    }

    [Fact]
    public void BackgroundEvent_GetsItsOwnDate_NotTheArticles()
    {
        var doc = new TestDoc("Rebels shelled the town on Monday. An August 9 airstrike hit a bus in the same province.")
            .Time("on Monday", "2018-08-27").Time("August 9", "2018-08-09").Annotate();
        var strike = Assert.Single(doc.Events, e => e.SubEventType == "Air/drone strike");
        Assert.Equal(new DateOnly(2018, 8, 9), strike.Date.Start);
    }

    [Fact]
    public void SentenceWithoutDate_InheritsFromEarlierSentenceOfItsParagraph()
    {
        var doc = new TestDoc("Jets struck Raqqa on Saturday. Separately, rebels ambushed an army convoy.")
            .Time("on Saturday", "2018-08-25").Annotate();
        var clash = Assert.Single(doc.Events, e => e.SubEventType == "Armed clash");
        Assert.Equal(new DateOnly(2018, 8, 25), clash.Date.Start);
        Assert.Contains("inherited", clash.Date.Reason);
    }

    [Fact]
    public void NoDateInParagraph_StaysUnresolved_EvenWhenAnEarlierParagraphHasOne()
    {
        var doc = new TestDoc("Jets struck Raqqa on Saturday.\nRebels ambushed an army convoy.")
            .Time("on Saturday", "2018-08-25").Annotate();
        var clash = Assert.Single(doc.Events, e => e.SubEventType == "Armed clash");
        Assert.False(clash.Date.IsResolved);
    }

    [Fact]
    public void UnresolvableOwnExpression_StaysUnresolved_NotInherited()
    {
        var doc = new TestDoc("Jets struck Raqqa on Saturday. During Ramadan, rebels ambushed an army convoy.")
            .Time("on Saturday", "2018-08-25").UnresolvedTime("During Ramadan").Annotate();
        var clash = Assert.Single(doc.Events, e => e.SubEventType == "Armed clash");
        Assert.False(clash.Date.IsResolved);
    }

    [Fact]
    public void DateOfTheStatement_LosesToTheEventDate()
    {
        var e = new TestDoc("The ministry said on Thursday that on Tuesday rebels ambushed an army convoy.")
            .Time("on Thursday", "2018-08-30").Time("on Tuesday", "2018-08-28").Single();
        Assert.Equal(new DateOnly(2018, 8, 28), e.Date.Start);
    }

    [Fact]
    public void DateOfTheStatement_IsTheLastResort()
    {
        var e = new TestDoc("Dillon said last week a female suicide bomber blew herself up among civilians.")
            .Time("last week", "2018-08-20").Single();
        Assert.True(e.Date.IsResolved);
        Assert.Contains("report", e.Date.Reason);
    }
}
