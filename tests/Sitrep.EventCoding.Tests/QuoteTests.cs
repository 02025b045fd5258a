using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class QuoteTests
{
    [Fact]
    public void QuoteFollowedByNameSaid_HasThatSpeaker()
    {
        const string text = "\"We've been ready for this for some time,\" Abu Talha said.";
        var q = Assert.Single(new TestDoc(text).Person("Abu Talha").Annotate().Quotes);
        Assert.Equal("Abu Talha", q.Speaker);
        Assert.Equal("We've been ready for this for some time", q.Text);
        Assert.Equal(Find(text, "We've been ready for this for some time"), q.Range);
    }

    [Fact]
    public void CurlyQuotes_WithSaidName_AfterTheQuote()
    {
        var q = Assert.Single(new TestDoc("“They are coming under increasing economic pressure,” said Strack.").Annotate().Quotes);
        Assert.Equal("Strack", q.Speaker);
    }

    [Fact]
    public void DoubledApostrophes_AreQuotationMarks_AsInArchivedNewYorkTimesText()
    {
        const string text = "''We need a big change from the economic policies of today,'' said Geoff Garin, a pollster.";
        var q = Assert.Single(new TestDoc(text).Person("Geoff Garin").Annotate().Quotes, q => q.IsDirect);
        Assert.Equal("Geoff Garin", q.Speaker);
        Assert.Equal("We need a big change from the economic policies of today", q.Text);
    }

    [Fact]
    public void DoubledApostrophes_QuoteInsideASentence_EndsAtTheClosingPair()
    {
        const string text = "Mr. Garin added, ''it becomes harder and harder for them to win,'' and left the stage.";
        var q = Assert.Single(new TestDoc(text).Person("Garin").Annotate().Quotes, q => q.IsDirect);
        Assert.Equal("it becomes harder and harder for them to win", q.Text);
        Assert.Equal("Garin", q.Speaker);
    }

    [Theory]
    [InlineData("he said ''yes", 8, true)]
    [InlineData("he said ''yes", 9, true)]
    [InlineData("he said ''yes", 10, false)]
    [InlineData("the Smiths' house", 10, false)]
    [InlineData("he said \"yes", 8, true)]
    public void QuoteMark_IsAStraightOrCurlyMarkOrEitherHalfOfADoubledApostrophe(string text, int offset, bool expected) =>
        Assert.Equal(expected, QuoteFinder.IsQuoteMark(text, offset));

    [Fact]
    public void PronounSpeaker_ResolvesToTheMostRecentPerson()
    {
        const string text = "Abu Omar left the group last year. \"I used to hope that they would fix their mistakes,\" he said.";
        var q = Assert.Single(new TestDoc(text).Person("Abu Omar").Annotate().Quotes);
        Assert.Equal("Abu Omar", q.Speaker);
        var he = Find(text, "he said");
        Assert.Equal(new TextRange(he.Start, he.Start + 2), q.SpeakerRange);
    }

    [Fact]
    public void DescriptionSpeaker_ResolvesToTheMostRecentPerson()
    {
        const string text = "Abu Omar fled in June. \"The French, they have so much control here,\" the defector said.";
        var q = Assert.Single(new TestDoc(text).Person("Abu Omar").Annotate().Quotes);
        Assert.Equal("Abu Omar", q.Speaker);
    }

    [Fact]
    public void SpeakerToldOutletColon_BeforeTheQuote()
    {
        const string text = "An al-Nusra source told Reuters: “There are hardline voices inside Nusra who are pushing for reconciliation.”";
        var q = Assert.Single(new TestDoc(text).Annotate().Quotes);
        Assert.Equal("An al-Nusra source", q.Speaker);
        Assert.Contains("hardline voices", q.Text);
    }

    [Fact]
    public void HeSaidColon_BeforeTheQuote_ResolvesThePronoun()
    {
        const string text = "Spokesman Hussam al-Marie spoke to the BBC. He said: \"The so-called Islamic State is our enemy.\"";
        var q = Assert.Single(new TestDoc(text).Person("Hussam al-Marie").Annotate().Quotes);
        Assert.Equal("Hussam al-Marie", q.Speaker);
    }

    [Fact]
    public void AccordingTo_AfterTheQuote()
    {
        var q = Assert.Single(new TestDoc("\"The city is surrounded on all sides,\" according to Rami Abdulrahman.")
            .Person("Rami Abdulrahman").Annotate().Quotes);
        Assert.Equal("Rami Abdulrahman", q.Speaker);
    }

    [Fact]
    public void ShortScareQuotes_AreNotQuotes() =>
        Assert.Empty(new TestDoc("The US got a \"military notification\" from Moscow.").Annotate().Quotes);

    [Fact]
    public void QuoteOpenAtParagraphEnd_ContinuesWithTheSameSpeaker()
    {
        const string text = "He said: \"The so-called Islamic State is our enemy.\n\"We want Syria free from dictatorship and terrorism.\"";
        var doc = new TestDoc("Hussam al-Marie spoke. " + text).Person("Hussam al-Marie").Annotate();
        Assert.Equal(2, doc.Quotes.Count);
        Assert.All(doc.Quotes, q => Assert.Equal("Hussam al-Marie", q.Speaker));
    }
}

public class QuoteAttributionTests
{
    [Fact]
    public void SecondQuoteOfAParagraph_WithoutAttribution_IsTheSameSpeakers()
    {
        var doc = new TestDoc("\"We've been ready for this for some time,\" Abu Talha said. \"We know that our bases are known to them.\"")
            .Person("Abu Talha").Annotate();
        Assert.Equal(2, doc.Quotes.Count);
        Assert.All(doc.Quotes, q => Assert.Equal("Abu Talha", q.Speaker));
    }

    [Fact]
    public void QuoteInsideAReportedClause_TakesTheSubjectOfTheVerb()
    {
        var q = Assert.Single(new TestDoc("An ISIS commander warned that the offensive will be \"a fire that burns the Cross and its people.\"")
            .Annotate().Quotes);
        Assert.Equal("An ISIS commander", q.Speaker);
    }

    [Fact]
    public void TheGroupWrote_ResolvesToTheMostRecentGroup()
    {
        var q = Assert.Single(new TestDoc("Islamic State issued a statement. \"There are no borders when establishing our state,\" the group wrote.")
            .Actor("Islamic State", IslamicState).Annotate().Quotes);
        Assert.Equal("Islamic State", q.Speaker);
    }
}
