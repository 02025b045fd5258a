using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class ReportedSpeechTests
{
    private static List<Quote> Reported(TestDoc doc) => doc.Annotate().Quotes.Where(q => !q.IsDirect).ToList();

    [Fact]
    public void SpeakerSaidThat_IsReportedSpeechWithTheSpeakerAndTheClause()
    {
        const string text = "The defence ministry said that its jets had not flown over the area.";
        var q = Assert.Single(Reported(new TestDoc(text)));
        Assert.Equal("its jets had not flown over the area", q.Text);
        Assert.Equal(Find(text, "its jets had not flown over the area"), q.Range);
        Assert.NotNull(q.SpeakerRange);
        Assert.Contains("ministry", q.SpeakerRange!.Value.Slice(text), StringComparison.Ordinal);
    }

    [Fact]
    public void ClauseThenSpeakerSaid_TakesTheSpeakerAfterTheComma()
    {
        const string text = "Twelve people were killed in the market, the Syrian Observatory said.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Syrian Observatory")));
        Assert.Equal("Twelve people were killed in the market", q.Text);
        Assert.Equal("Syrian Observatory", q.Speaker);
    }

    [Fact]
    public void AccordingTo_EitherSide_NamesTheSource()
    {
        const string text = "According to local officials, the convoy was hit near the bridge. The road was closed, according to Reuters.";
        var quotes = Reported(new TestDoc(text));
        Assert.Equal(2, quotes.Count);
        Assert.Equal("local officials", quotes[0].Speaker);
        Assert.Equal("the convoy was hit near the bridge", quotes[0].Text);
        Assert.Equal("Reuters", quotes[1].Speaker);
        Assert.Equal("The road was closed", quotes[1].Text);
    }

    [Fact]
    public void PronounSpeaker_ResolvesToThePersonNamedBefore_AndKeepsThePronounsSpan()
    {
        const string text = "Ahmed Saleh arrived in Aleppo on Monday. He told Reuters that the bakery was destroyed.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Ahmed Saleh")));
        Assert.Equal("Ahmed Saleh", q.Speaker);
        Assert.Equal(Find(text, "He"), q.SpeakerRange);
        Assert.Equal("the bakery was destroyed", q.Text);
    }

    [Fact]
    public void RelativeClauseReport_IsTheAntecedentsAndEndsWithTheClause()
    {
        const string text = "Barkley, who said he votes in every election, drove home.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Barkley")));
        Assert.Equal("Barkley", q.Speaker);
        Assert.Equal(Find(text, "who"), q.SpeakerRange);
        Assert.Equal("he votes in every election", q.Text);
    }

    [Fact]
    public void DirectQuote_IsNotReportedSpeechToo()
    {
        var doc = new TestDoc("\"We will retake the town within days,\" the commander said.").Annotate();
        var q = Assert.Single(doc.Quotes);
        Assert.True(q.IsDirect);
    }

    [Fact]
    public void ReportedSpeech_DoesNotTurnAnEventIntoAClaim()
    {
        // Only a party to the conflict speaking makes a claim; rescue workers reporting it leave it asserted.
        const string text = "Rescue workers said a car bomb exploded in Azaz on Monday, killing 20 people.";
        var doc = new TestDoc(text).Time("on Monday", "2018-08-27").Place("Azaz").Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Single(doc.Quotes, q => !q.IsDirect);
    }
}
