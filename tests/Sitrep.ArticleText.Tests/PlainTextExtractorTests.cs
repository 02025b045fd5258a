using System.Text;
using Sitrep.ArticleText;
using Sitrep.Core;

namespace Sitrep.ArticleText.Tests;

public sealed class PlainTextExtractorTests
{
    private static Article Extract(string page) =>
        new ArticleExtractor().Extract(new RawDocument("t", "t.txt", ContentKind.Text, Encoding.UTF8.GetBytes(page)));

    private const string Para1 = "Government forces shelled the northern town of Kafr Nabl on Tuesday, killing three civilians, residents said.";
    private const string Para2 = "The opposition said the attack came as rebels were preparing a counter-offensive in the area around the town.";
    private const string Para3 = "A spokesman for the army denied that its units had targeted residential buildings in the town that week.";

    [Fact]
    public void Banner_And_DonationCounters_AreDropped_HeadlineBecomesTitle()
    {
        var page = $"""
            0 $
            2,500 $
            3 DAYS LEFT UNTIL THE END OF SEPTEMBER
            ADVERTISEMENT

            Army Shells Kafr Nabl Ahead Of Rebel Offensive

            Support ExampleFront

            Army Shells Kafr Nabl Ahead Of Rebel Offensive

            Click to see full-size image, By the official account of the regional command.

            {Para1}

            {Para2}

            Support ExampleFront
            ExampleFront
            Subscribe
            """;
        var a = Extract(page);
        Assert.Equal("Army Shells Kafr Nabl Ahead Of Rebel Offensive", a.Title);
        Assert.Equal(Para1 + "\n" + Para2, a.Text);
        Assert.Equal([new TextRange(0, a.Text.Length)], a.Segments);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void StandaloneDateLine_IsThePublicationDate_AndNotText()
    {
        var a = Extract($"Army Shells Kafr Nabl\n\nAugust 7, 2017\n\n{Para1}\n");
        Assert.Equal(new DateOnly(2017, 8, 7), a.Published);
        Assert.Equal(Para1, a.Text);
    }

    [Fact]
    public void PublishedPhrase_IsThePublicationDate()
    {
        var a = Extract($"Army Shells Kafr Nabl\nPublished 10 Aug 2018\n{Para1}\n");
        Assert.Equal(new DateOnly(2018, 8, 10), a.Published);
        Assert.Equal(Para1, a.Text);
    }

    [Fact]
    public void CommentThread_IsCutFromItsStart()
    {
        var page = $"""
            {Para1}
            {Para2}
            Subscribe
            Notify of
            guest
            6 Comments
            Oldest
            Newest Most Voted
            KennyB
            Will someone please explain why the army keeps shelling the same town every single week, and why nobody stops it?
            Barba_Papa
            Because the whole story is a fable told by people who have never been anywhere near the front line, obviously.
            """;
        Assert.Equal(Para1 + "\n" + Para2, Extract(page).Text);
    }

    [Theory]
    [InlineData("No comments:\nPost a Comment")]
    [InlineData("Please enter your comment!\nPlease enter your name here\nComment moderation is enabled. Your comment may take some time to appear.")]
    [InlineData("Leave a Reply\nThis is a very long reply from a reader who disagrees with everything the article said today.")]
    public void CommentSectionMarkers_EndTheArticle(string tail)
    {
        Assert.Equal(Para1 + "\n" + Para2, Extract($"{Para1}\n{Para2}\n{tail}\n").Text);
    }

    [Fact]
    public void ScriptureBlock_IsDropped_WithItsVerse()
    {
        var page = $"""
            {Para1}
            {Para2}
            Joe 3:9
            Proclaim ye this among the Gentiles; Prepare war, wake up the mighty men, let all the men of war draw near.
            Job 18:11
            Terrors shall make him afraid on every side, and shall drive him to his feet.
            """;
        Assert.Equal(Para1 + "\n" + Para2, Extract(page).Text);
    }

    [Fact]
    public void TwoGluedArticles_WithAlsoMarker_AreTwoSegments_SplitHeadlineJoined()
    {
        var page = $"""
            {Para1}
            {Para2}
            (ALSO)
            Rebels in Idlib: Militant
            group vows revenge for the shelling of Kafr Nabl
            {Para3}
            """;
        var a = Extract(page);
        var second = "Rebels in Idlib: Militant group vows revenge for the shelling of Kafr Nabl\n" + Para3;
        Assert.Equal(Para1 + "\n" + Para2 + "\n\n" + second, a.Text);
        Assert.Equal(2, a.Segments.Count);
        Assert.Equal(Para1 + "\n" + Para2, a.Text[a.Segments[0].Start..a.Segments[0].End]);
        Assert.Equal(second, a.Text[a.Segments[1].Start..a.Segments[1].End]);
    }

    [Fact]
    public void SecondHeadlineWithItsOwnDate_StartsANewSegment_ButASubheadingDoesNot()
    {
        var page = $"""
            {Para1}
            Rebels prepare their answer
            {Para2}
            Army denies targeting homes in Kafr Nabl
            March 3, 2019
            {Para3}
            """;
        var a = Extract(page);
        Assert.Equal(2, a.Segments.Count);
        Assert.Equal(Para1 + "\nRebels prepare their answer\n" + Para2, a.Text[a.Segments[0].Start..a.Segments[0].End]);
        Assert.StartsWith("Army denies targeting homes in Kafr Nabl\n", a.Text[a.Segments[1].Start..]);
    }

    [Fact]
    public void TeaserHeadlines_BeforeAndAfterTheArticle_AreDropped()
    {
        var page = $"""
            Army Shells Kafr Nabl Ahead Of Rebel Offensive

            Rebels plan to take over the whole province by 2020
            Representational Image

            {Para1}
            {Para2}

            France, Russia strike the province; leaders to meet
            """;
        var a = Extract(page);
        Assert.Equal("Army Shells Kafr Nabl Ahead Of Rebel Offensive", a.Title);
        Assert.Equal(Para1 + "\n" + Para2, a.Text);
    }

    [Fact]
    public void RepeatedLines_AreKeptOnce_AndCookieNoticeDropped()
    {
        var a = Extract($"{Para1}\nWe use cookies to improve your experience. By continuing you accept our cookie policy.\n{Para2}\n{Para1}\n");
        Assert.Equal(Para1 + "\n" + Para2, a.Text);
    }

    [Fact]
    public void RelatedStoriesList_IsDropped()
    {
        var a = Extract($"{Para1}\nRelated stories:\nRebels retake hill near Kafr Nabl\nUN calls for ceasefire\n{Para2}\n");
        Assert.Equal(Para1 + "\n" + Para2, a.Text);
    }

    [Fact]
    public void PageWithNoArticle_HasEmptyTextAndAWarning()
    {
        var a = Extract("Home\nMenu\nSubscribe\nADVERTISEMENT\n");
        Assert.Equal("", a.Text);
        Assert.Equal([ArticleWarnings.NoText], a.Warnings);
        Assert.Empty(a.Segments);
    }

    [Fact]
    public void EmptyContent_HasAWarning_AndNoException()
    {
        var a = new ArticleExtractor().Extract(new RawDocument("t", "t.txt", ContentKind.Text, []));
        Assert.Equal("", a.Text);
        Assert.NotEmpty(a.Warnings);
    }

    [Fact]
    public void NonEnglishParagraphs_AreNotDroppedForLackOfEnglishStopWords()
    {
        const string arabic = "قصفت القوات الحكومية بلدة كفرنبل الشمالية يوم الثلاثاء مما أسفر عن مقتل ثلاثة مدنيين بحسب ما قال السكان المحليون.";
        Assert.Equal(arabic, Extract(arabic + "\n").Text);
    }

    [Fact]
    public void ShortLeadSentence_OpensTheArticle()
    {
        var a = Extract($"Army Shells Kafr Nabl\nTwo civilians were killed on Tuesday.\n{Para1}\n");
        Assert.Equal("Army Shells Kafr Nabl", a.Title);
        Assert.Equal("Two civilians were killed on Tuesday.\n" + Para1, a.Text);
    }

    [Fact]
    public void LinesThatOnlyBeginLikeFurniture_AreKept()
    {
        const string body = "Tagged fighters were seen moving towards the front line near Idlib on Sunday, residents said.";
        const string lead = "Advertising agencies in Damascus said business had collapsed since the shelling began last year.";
        var a = PlainTextExtractor.Extract("Tags: Syria\n" + body + "\n" + lead + "\nTags");
        Assert.Equal(body + "\n" + lead, a.Text);
    }

    [Fact]
    public void OddSpacesTabsAndZeroWidthCharacters_AreFoldedIntoSingleSpaces()
    {
        var a = Extract($"  {Para1.Replace(" town ", " \u00A0town\t ")}\u200B\r\n{Para2.Replace(" the ", "  the ")}\n{Para3}\n");
        Assert.Equal(string.Join("\n", Para1, Para2, Para3), a.Text);
    }

    [Theory]
    [InlineData("We use cookies to improve your experience on this site, to show you personalised advertising and to analyse our traffic. By continuing to browse the site you agree to our use of cookies and to our privacy policy and terms.")]
    [InlineData("Click here to read the full terms and conditions of our reader competition, including the rules on eligibility, the closing date, how the winners will be chosen from all the valid entries received and how we will contact them afterwards.")]
    public void LongFurnitureLines_BeyondTheShortPatternLength_AreStillDropped(string line)
    {
        Assert.True(line.Length > TextRules.ShortFurnitureMaxChars);
        var a = Extract($"{Para1}\n{line}\n{Para2}\n{Para3}\n");
        Assert.Equal(string.Join("\n", Para1, Para2, Para3), a.Text);
    }
}
