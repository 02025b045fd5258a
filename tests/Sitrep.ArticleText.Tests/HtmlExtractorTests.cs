using System.Text;
using Sitrep.ArticleText;
using Sitrep.Core;

namespace Sitrep.ArticleText.Tests;

public sealed class HtmlExtractorTests
{
    static HtmlExtractorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Article Extract(byte[] html) =>
        new ArticleExtractor().Extract(new RawDocument("h", "h.html", ContentKind.Html, html));

    private static Article Extract(string html) => Extract(Encoding.UTF8.GetBytes(html));

    private const string P1 = "Government forces shelled the northern town of Kafr Nabl on Tuesday, killing three civilians, residents said.";
    private const string P2 = "The opposition said the attack came as rebels were preparing a counter-offensive, according to a local council.";
    private const string P3 = "A spokesman for the army denied that its units had targeted residential buildings, saying only fighters were hit.";

    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>";

    private static readonly string Furnished = Page(
        """
        <title>Army shells Kafr Nabl | Example News</title>
        <meta property="og:title" content="Army shells Kafr Nabl">
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2019-03-05T08:30:00+02:00">
        <meta name="author" content="Jane Doe">
        <link rel="canonical" href="https://example.org/news/kafr-nabl">
        """,
        $"""
        <header><a href="/">Home</a> <a href="/world">World</a></header>
        <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></nav>
        <div class="cookie-banner">We use cookies to improve your experience on our site, accept them to continue reading.</div>
        <main><article>
          <h1>Army shells Kafr Nabl</h1>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
          <div class="story-body">
            <p>{P1}</p>
            <h2>Rebels prepare their answer</h2>
            <p>{P2}</p>
            <div class="advert">Advertisement: buy the best phones at low prices today only, limited offer, hurry.</div>
            <blockquote>{P3}</blockquote>
            <ul><li>Three civilians were killed in the shelling, a local council said.</li></ul>
          </div>
          <div class="newsletter-signup">Sign up for our daily newsletter with the latest news from the region and beyond.</div>
        </article></main>
        <aside><h3>Most read</h3><p>Another story entirely about something else that is popular with readers today.</p></aside>
        <section id="comments"><p>Reader one: I totally disagree with this reporting and I think the army is right, always.</p></section>
        <footer><p>Copyright Example News. All rights reserved, nothing may be reproduced without permission ever.</p></footer>
        """);

    [Fact]
    public void Furniture_IsRemoved_AndContentOrderKept()
    {
        var a = Extract(Furnished);
        var expected = string.Join("\n", P1, "Rebels prepare their answer", P2, P3,
            "Three civilians were killed in the shelling, a local council said.");
        Assert.Equal(expected, a.Text);
        Assert.Equal([new TextRange(0, a.Text.Length)], a.Segments);
    }

    [Fact]
    public void Metadata_IsReadFromMetaTags()
    {
        var a = Extract(Furnished);
        Assert.Equal("Army shells Kafr Nabl", a.Title);
        Assert.Equal(new DateOnly(2019, 3, 5), a.Published);
        Assert.Equal("Example News", a.SiteName);
        Assert.Equal("Jane Doe", a.Byline);
        Assert.Equal("https://example.org/news/kafr-nabl", a.CanonicalUrl);
    }

    [Fact]
    public void TitleFromTitleTag_LosesTheSiteSuffix()
    {
        var a = Extract(Page("<title>Army shells Kafr Nabl again - Example News</title>", $"<div><p>{P1}</p><p>{P2}</p></div>"));
        Assert.Equal("Army shells Kafr Nabl again", a.Title);
    }

    [Fact]
    public void PublishedDate_FromJsonLd()
    {
        var a = Extract(Page("""<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-08-31T10:00:00Z"}</script>""",
            $"<div><p>{P1}</p><p>{P2}</p></div>"));
        Assert.Equal(new DateOnly(2018, 8, 31), a.Published);
    }

    [Fact]
    public void PublishedDate_FromTimeElement()
    {
        var a = Extract(Page("", $"<article><time datetime=\"2020-01-02\">2 Jan</time><p>{P1}</p><p>{P2}</p></article>"));
        Assert.Equal(new DateOnly(2020, 1, 2), a.Published);
    }

    [Fact]
    public void PublishedDate_FromPublishedPhraseInText()
    {
        var a = Extract(Page("", $"<div><span>Published 10 Aug 2018</span><p>{P1}</p><p>{P2}</p></div>"));
        Assert.Equal(new DateOnly(2018, 8, 10), a.Published);
    }

    [Fact]
    public void Windows1252Charset_FromMetaTag_IsHonoured()
    {
        var html = Page("<meta charset=\"windows-1252\">", $"<div><p>Caf\u00e9 owners in Kafr Nabl said the \u201cshelling\u201d was heavy. {P1}</p><p>{P2}</p></div>");
        var a = Extract(Encoding.GetEncoding(1252).GetBytes(html));
        Assert.Contains("Café owners", a.Text);
        Assert.Contains("\u201cshelling\u201d", a.Text);
    }

    [Fact]
    public void Windows1256Charset_IsHonoured()
    {
        const string arabic = "قصفت القوات الحكومية بلدة كفرنبل الشمالية يوم الثلاثاء، مما أسفر عن مقتل ثلاثة مدنيين، بحسب السكان.";
        var html = Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">", $"<div><p>{arabic}</p><p>{arabic}</p><p>{arabic}</p></div>");
        var a = Extract(Encoding.GetEncoding(1256).GetBytes(html));
        Assert.Contains(arabic, a.Text);
    }

    [Fact]
    public void Utf8Bom_WinsOverAWrongDeclaration()
    {
        var html = Page("<meta charset=\"iso-8859-1\">", $"<div><p>Caf\u00e9 in Kafr Nabl. {P1}</p><p>{P2}</p><p>{P3}</p></div>");
        var a = Extract([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(html)]);
        Assert.Contains("Café in Kafr Nabl", a.Text);
    }

    [Fact]
    public void LinkLists_InsideTheArticle_AreDropped()
    {
        var a = Extract(Page("", $"""
            <div class="content"><p>{P1}</p><p>{P2}</p>
            <ul><li><a href="/1">Rebels retake hill near the town</a></li><li><a href="/2">UN calls for a ceasefire</a></li></ul>
            <p>{P3}</p></div>
            """));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Fact]
    public void PageWithoutClassNames_StillFindsTheDensestBlock()
    {
        var links = string.Concat(Enumerable.Range(0, 20).Select(i => $"<a href=\"/{i}\">Section {i}</a> "));
        var a = Extract(Page("", $"<div><div>{links}</div><div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div>{links}</div></div>"));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<<<>>> \u0001\u0002 garbage <div")]
    public void EmptyOrGarbagePage_YieldsEmptyTextWithAWarning(string html)
    {
        var a = Extract(html);
        Assert.Equal("", a.Text);
        Assert.NotEmpty(a.Warnings);
    }

    [Fact]
    public void DeeplyNestedPage_IsWalkedWithoutRecursion()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 3000)) + $"<p>{P1}</p><p>{P2}</p></body></html>";
        Assert.Equal(P1 + "\n" + P2, Extract(html).Text);
    }

    [Fact]
    public void TitleRepeatedAsFirstParagraph_IsNotText()
    {
        var a = Extract(Page("<meta property=\"og:title\" content=\"Army shells Kafr Nabl...\">",
            $"<div class=\"entry\"><h2>Army shells Kafr Nabl\u2026</h2><p>{P1}</p><p>{P2}</p></div>"));
        Assert.Equal(P1 + "\n" + P2, a.Text);
    }

    [Fact]
    public void OneExtractor_UsedFromManyThreads_GivesTheSameArticle()
    {
        var extractor = new ArticleExtractor();
        var raw = new RawDocument("h", "h.html", ContentKind.Html, Encoding.UTF8.GetBytes(Furnished));
        var expected = extractor.Extract(raw).Text;
        var texts = new string[64];
        Parallel.For(0, texts.Length, i => texts[i] = extractor.Extract(raw).Text);
        Assert.All(texts, t => Assert.Equal(expected, t));
    }

    [Fact]
    public void HttpStyleContentTypeLine_GivesTheCharset()
    {
        var html = "Content-Type: text/html; charset=windows-1252\r\n\r\n" + Page("", $"<div><p>Caf\u00e9 owners fled. {P1}</p><p>{P2}</p></div>");
        Assert.Contains("Café owners fled.", Extract(Encoding.GetEncoding(1252).GetBytes(html)).Text);
    }

    [Fact]
    public void TwoArticleElementsOnOnePage_AreTwoSegments()
    {
        const string q1 = "Police dispersed a protest outside the ministry in the capital on Monday, witnesses said.";
        const string q2 = "Dozens of teachers had gathered to demand unpaid wages for the third week in a row, organisers said.";
        var a = Extract(Page("", $"<main><article><h2>Shelling in Kafr Nabl</h2><p>{P1}</p><p>{P2}</p></article>" +
                                 $"<article><h2>Teachers protest</h2><p>{q1}</p><p>{q2}</p></article></main>"));
        Assert.Equal(string.Join("\n", "Shelling in Kafr Nabl", P1, P2) + "\n\n" + string.Join("\n", "Teachers protest", q1, q2), a.Text);
        Assert.Equal(2, a.Segments.Count);
        Assert.StartsWith("Teachers protest", a.Segments[1].Slice(a.Text));
        Assert.EndsWith(P2, a.Segments[0].Slice(a.Text));
    }

    [Theory]
    [InlineData("Protesters gathered outside the ministry on Monday (Image: GETTY )")]
    [InlineData("A man walks past a damaged building in Kafr Nabl on Tuesday. (AP Photo/Jane Roe, File)")]
    [InlineData("Army officers inspect the site of the blast in the town. (Photo by John Smith/Getty Images)")]
    [InlineData("Jane Doe covers Syria for Example News. Follow her on Twitter @janedoe.")]
    [InlineData("The contents of this site are ©2019 Example Publishing Corp.")]
    [InlineData("Advert")]
    [InlineData("Related Tags: Syria, Idlib")]
    [InlineData("Sharing is caring!")]
    [InlineData("0shares")]
    [InlineData("TRENDING:")]
    public void CaptionsCreditsAndFurnitureLines_InsideTheArticle_AreDropped(string furniture)
    {
        var a = Extract(Page("", $"<article><div class=\"story\"><p>{P1}</p><p>{furniture}</p><p>{P2}</p><p>{P3}</p></div></article>"));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Fact]
    public void TeaserExcerptsOfOtherStories_AreDropped()
    {
        var a = Extract(Page("", $"""
            <div class="content"><p>{P1}</p><p>{P2}</p><p>{P3}</p>
            <div class="row"><a href="/next"><h5>Rebels retake hill</h5></a><p class="row-excerpt">Fighters said they had pushed government troops back from the ridge overnight</p></div>
            </div>
            """));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Fact]
    public void CommentSectionHeader_EndsTheArticle()
    {
        var a = Extract(Page("", $"<div class=\"post\"><p>{P1}</p><p>{P2}</p><h3>3 Comments</h3><p>I was there and the shelling went on all night, nobody came to help us at all.</p></div>"));
        Assert.Equal(P1 + "\n" + P2, a.Text);
    }

    [Theory]
    [InlineData("wp-caption aligncenter", "wp-caption-text")]
    [InlineData("media", "InlineImage-imageEmbedCaption")]
    [InlineData("media", "image-credit")]
    public void CaptionAndCreditBlocks_AreFurniture(string outer, string inner)
    {
        var a = Extract(Page("", $"""
            <div class="story"><p>{P1}</p>
            <div class="{outer}"><img src="a.jpg"><p class="{inner}">Residents inspect a destroyed house in the town of Kafr Nabl on Tuesday, March 5, 2019.</p></div>
            <p>{P2}</p><p>{P3}</p></div>
            """));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Theory]
    [InlineData("Get the latest updates right in your inbox. Subscribe to our newsletters.")]
    [InlineData("Join our forums to keep talking about the latest news from the region!")]
    [InlineData("Like this story? Share it with a friend!")]
    [InlineData("Follow Example News on Facebook, Twitter and Instagram.")]
    public void CallToActionClosingTheArticle_IsDropped(string call)
    {
        var a = Extract(Page("", $"<div class=\"story\"><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{call}</p></div>"));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Fact]
    public void CallToActionOpeningTheArticle_IsDropped()
    {
        var a = Extract(Page("", $"<div class=\"story\"><p>Start your day with our briefing. Sign up for the free daily newsletter.</p><p>{P1}</p><p>{P2}</p></div>"));
        Assert.Equal(P1 + "\n" + P2, a.Text);
    }

    [Fact]
    public void SentenceMentioningSubscribers_InsideTheArticle_IsKept()
    {
        const string middle = "The channel said it would ask its subscribers to sign up for alerts about new shelling.";
        var a = Extract(Page("", $"<div class=\"story\"><p>{P1}</p><p>{middle}</p><p>{P2}</p></div>"));
        Assert.Equal(string.Join("\n", P1, middle, P2), a.Text);
    }

    [Theory]
    [InlineData("By Jane Doe - 11/18/19 11:04 PM EST")]
    [InlineData("Example News August 08, 2018")]
    [InlineData("By admin - 2018-09-16")]
    [InlineData("Updated 1:23 PM EST")]
    [InlineData("First Published: Tuesday, November 19, 2019 08:38 AM")]
    public void DateStampLines_AreNotText(string stamp)
    {
        var a = Extract(Page("", $"<div class=\"story\"><p>{stamp}</p><p>{P1}</p><p>{P2}</p></div>"));
        Assert.Equal(P1 + "\n" + P2, a.Text);
    }

    [Theory]
    [InlineData("— Jane Doe (@janedoe) November 18, 2019")]
    [InlineData("The ceasefire began on 9 March 2019 and held for a week.")]
    [InlineData("Scale model of the car, 1:24")]
    public void QuoteAttributionsSentencesAndRatios_AreNotDateStamps(string line)
    {
        var a = Extract(Page("", $"<div class=\"story\"><p>{P1}</p><p>{line}</p><p>{P2}</p></div>"));
        Assert.Equal(string.Join("\n", P1, line, P2), a.Text);
    }

    [Fact]
    public void RelatedPostsHeading_CutsOffTheTeasersAfterIt()
    {
        const string teaser = "Fighters said they had pushed government troops back from the ridge overnight, a monitor said.";
        var a = Extract(Page("", $"""
            <main><article class="post"><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
            <article class="post"><h3 class="relatedpoststitle">Leia também</h3>
              <article class="post"><p>{teaser}</p></article><article class="post"><p>{teaser} Again.</p></article>
              <article class="post"><p>{teaser} Once more.</p></article></article></main>
            """));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Fact]
    public void ArticleInsideAClassMarkedContainer_IsFoundByTheLenientPass()
    {
        // Every block carries a furniture class; the strict pass finds nothing and the lenient pass reads the same DOM.
        var a = Extract(Page("", $"<div class=\"sidebar-wide\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"));
        Assert.Equal(string.Join("\n", P1, P2, P3), a.Text);
    }

    [Fact]
    public void ScriptText_NeverReachesTheArticleOrThePublishedDate()
    {
        var a = Extract(Page("", $"<div class=\"story\"><script>var s = 'Published 10 Aug 2018';</script><p>{P1}</p><p>{P2}</p></div>"));
        Assert.Equal(P1 + "\n" + P2, a.Text);
        Assert.Null(a.Published);
    }

    [Fact]
    public void MapWidgetGeoJson_LongerThanTheStory_IsNotTheArticle()
    {
        var coordinates = string.Join(",", Enumerable.Range(0, 400).Select(k => $"[34.{5500 + k},31.{5200 + k}]"));
        var geoJson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" +
                      coordinates + "]]}}]}";
        var html = Page("<title>Strike</title>",
            $"<div class=\"incident\"><p>{P1}</p><p>{P2}</p></div><div class=\"map-data\">{geoJson}</div>");
        var article = Extract(html);
        Assert.Contains("Kafr Nabl", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("FeatureCollection", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"geometry\":{\"coordinates\":[[34.55,31.52],[34.54,31.52],[34.53,31.51]]}}]}", true)]
    [InlineData("[1, 2, 3] is how the list of the three towns that were shelled on Tuesday night was written in the army statement.", false)]
    [InlineData("Government forces shelled the northern town of Kafr Nabl on Tuesday, killing three civilians, residents said on Wednesday.", false)]
    public void IsMachineData_TellsDataFromProse(string text, bool data) => Assert.Equal(data, HtmlRules.IsMachineData(text));

    [Fact]
    public void LinkLeftOpenAcrossParagraphs_DoesNotTurnTheStoryIntoLinkText()
    {
        // "<a><p>...</a>" moves the paragraph out of the link; the paragraphs after it are plain text, not navigation.
        var a = Extract(Page("<title>T</title>", $"<div class=\"story\"><a href=\"/x\"><p>Read more</a>{P1}</p><p>{P2}</p><p>{P3}</p></div>"));
        Assert.Contains(P1, a.Text);
        Assert.Contains(P2, a.Text);
        Assert.Contains(P3, a.Text);
    }

    [Fact]
    public void UnclosedParagraphsAndCells_StillGiveSeparateParagraphs()
    {
        var a = Extract(Page("<title>T</title>", $"<table><tr><td><div class=\"story\"><p>{P1}<p>{P2}<p>{P3}</table>"));
        Assert.Equal(P1 + "\n" + P2 + "\n" + P3, a.Text);
    }
}
