using System.Text;
using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Ingest.Tests;

public sealed class FeedReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-feed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static List<RawDocument> Read(params string[] inputs) => new InputReader().Read(inputs, new InputOptions()).ToList();

    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>Example Wire</title><link>https://wire.example/</link>
            <item>
              <title>Shelling hits Kafr Nabl</title>
              <link>https://wire.example/kafr-nabl</link>
              <guid>wire-1</guid>
              <pubDate>Tue, 05 Mar 2019 08:30:00 EST</pubDate>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>Government forces shelled the town on Tuesday.</p>]]></content:encoded>
            </item>
            <item>
              <title>Talks resume</title>
              <link>https://wire.example/talks</link>
              <pubDate>Wed, 6 Mar 2019 10:00:00 +0000</pubDate>
              <description>Negotiators met again in Geneva on Wednesday.</description>
            </item>
            <item><title>Link only</title><link>https://wire.example/link-only</link></item>
          </channel>
        </rss>
        """;

    [Fact]
    public void RssItems_BecomeDocuments_WithLinkTitleDateAndTheFullestText()
    {
        var docs = Read(Write("wire.rss", Rss));
        Assert.Equal(3, docs.Count);
        var first = docs[0];
        Assert.Equal(("wire-1", "https://wire.example/kafr-nabl", "Shelling hits Kafr Nabl", new DateOnly(2019, 3, 5)),
            (first.Id, first.Url, first.Title, first.Published!.Value));
        Assert.Equal(ContentKind.Html, first.Kind);
        Assert.Equal("<p>Government forces shelled the town on Tuesday.</p>", Encoding.UTF8.GetString(first.Content));
        Assert.Equal((ContentKind.Text, new DateOnly(2019, 3, 6)), (docs[1].Kind, docs[1].Published!.Value));
        Assert.Equal("wire#2", docs[1].Id);
    }

    [Fact]
    public void ItemWithoutText_IsReportedWithItsLink_NotDropped()
    {
        var last = Read(Write("wire.rss", Rss))[^1];
        Assert.True(last.Failed);
        Assert.Equal("https://wire.example/link-only", last.Url);
        Assert.Equal(IngestErrors.FeedItemWithoutText, Assert.Single(last.Errors));
    }

    [Fact]
    public void AtomEntries_UseTheAlternateLinkAndPublishedDate()
    {
        var atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
              <entry><id>tag:blog,2020:1</id><title>Convoy attacked</title>
                <link rel="edit" href="https://blog.example/edit/1"/><link rel="alternate" href="https://blog.example/1"/>
                <published>2020-01-02T09:00:00Z</published><updated>2020-01-03T09:00:00Z</updated>
                <content type="html">&lt;p&gt;A convoy was attacked near the border.&lt;/p&gt;</content></entry>
            </feed>
            """;
        var d = Assert.Single(Read(Write("blog.atom", atom)));
        Assert.Equal(("tag:blog,2020:1", "https://blog.example/1", new DateOnly(2020, 1, 2), ContentKind.Html),
            (d.Id, d.Url, d.Published!.Value, d.Kind));
        Assert.Contains("A convoy was attacked", Encoding.UTF8.GetString(d.Content));
    }

    [Fact]
    public void FeedSavedAsTxt_IsDetectedByItsContent()
    {
        var docs = Read(Write("saved.txt", Rss));
        Assert.Equal(3, docs.Count);
        Assert.Equal("https://wire.example/talks", docs[1].Url);
    }

    [Fact]
    public void XmlThatIsNotAFeed_IsOneErrorDocument()
    {
        var d = Assert.Single(Read(Write("config.xml", "<?xml version=\"1.0\"?><settings><a>1</a></settings>")));
        Assert.Equal(IngestErrors.NotAFeed, Assert.Single(d.Errors));
    }

    [Fact]
    public void XmlThatIsNotAFeed_InAFolder_IsSkipped_WhileFeedsAreRead()
    {
        Write("config.xml", "<?xml version=\"1.0\"?><settings><a>1</a></settings>");
        Write("wire.xml", Rss);
        var docs = Read(_dir);
        Assert.Equal(3, docs.Count);
        Assert.All(docs, d => Assert.EndsWith("wire.xml", d.Path.Split('#')[0], StringComparison.Ordinal));
    }

    [Fact]
    public void TruncatedFeed_YieldsTheItemsBeforeTheBreak_ThenAnError()
    {
        var docs = Read(Write("cut.rss", Rss[..Rss.IndexOf("<item><title>Link only", StringComparison.Ordinal)]));
        Assert.Equal(3, docs.Count);
        Assert.False(docs[0].Failed);
        Assert.False(docs[1].Failed);
        Assert.StartsWith("malformed feed", Assert.Single(docs[2].Errors));
    }

    [Fact]
    public void FeedWithADoctype_IsReadWithoutResolvingEntities()
    {
        var hostile = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                      "<rss><channel><item><title>T</title><description>Plain words here.</description></item></channel></rss>";
        var d = Assert.Single(Read(Write("doctype.rss", hostile)));
        Assert.Equal("Plain words here.", Encoding.UTF8.GetString(d.Content));
    }

    [Theory]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", 2003, 6, 10)]
    [InlineData("10 June 2003", 2003, 6, 10)]
    [InlineData("2003-06-10T04:00:00+02:00", 2003, 6, 10)]
    public void FeedDates_RFC822AndIso_GiveTheWrittenCalendarDate(string value, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), FeedReader.ParseDate(value));
}
