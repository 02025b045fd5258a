using System.IO.Compression;
using System.Text;
using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Ingest.Tests;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-ingest-").FullName;
    private readonly InputReader _reader = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    private string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Gzip(string content)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(content));
        return ms.ToArray();
    }

    private List<RawDocument> Read(params string[] inputs) => _reader.Read(inputs, new InputOptions()).ToList();

    private static string Text(RawDocument d) => Encoding.UTF8.GetString(d.Content);

    [Fact]
    public void TextFile_IsOneTextDocument_IdIsNameWithoutExtension()
    {
        var path = Write("story.one.txt", "Shelling hit the town.");
        var d = Assert.Single(Read(path));
        Assert.Equal("story.one", d.Id);
        Assert.Equal(path, d.Path);
        Assert.Equal(ContentKind.Text, d.Kind);
        Assert.Equal("Shelling hit the town.", Text(d));
        Assert.Empty(d.Errors);
    }

    [Fact]
    public void HtmlGz_IsDecompressed_AndKindHtml()
    {
        var path = WriteBytes("page.html.gz", Gzip("<html><body><p>Hi</p></body></html>"));
        var d = Assert.Single(Read(path));
        Assert.Equal("page", d.Id);
        Assert.Equal(ContentKind.Html, d.Kind);
        Assert.Contains("<p>Hi</p>", Text(d));
    }

    [Fact]
    public void GzipMagic_IsSniffed_WithoutGzExtension()
    {
        var path = WriteBytes("plain.txt", Gzip("Clashes erupted."));
        Assert.Equal("Clashes erupted.", Text(Assert.Single(Read(path))));
    }

    [Fact]
    public void TruncatedGzipTextFile_IsAnErrorDocument()
    {
        var big = string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i} of a long report {i * 7919 % 1000}\n"));
        var gz = Gzip(big);
        var path = WriteBytes("cut.txt.gz", gz[..(gz.Length / 2)]);
        var d = Assert.Single(Read(path));
        Assert.True(d.Failed);
        Assert.Equal(IngestErrors.TruncatedGzip, Assert.Single(d.Errors));
    }

    [Fact]
    public void ConcatenatedGzipMembers_AreNotMistakenForTruncation()
    {
        var path = WriteBytes("two.txt.gz", [.. Gzip("first part, "), .. Gzip("second part")]);
        var d = Assert.Single(Read(path));
        Assert.Empty(d.Errors);
        Assert.Equal("first part, second part", Text(d));
    }

    [Fact]
    public void Directory_IsReadRecursively_InOrdinalOrder_SkippingUnknownFiles()
    {
        Write("b.txt", "B");
        Write("A.txt", "A");
        Write("sub/c.html", "<html><body>C</body></html>");
        Write("notes.md", "ignored");
        var ids = Read(_dir).Select(d => d.Id).ToList();
        Assert.Equal(["A", "b", "c"], ids);
    }

    [Fact]
    public void Jsonl_YieldsOneDocumentPerLine_WithFieldsAndIds()
    {
        Write("pages/p1.html", "<html><body><p>From path</p></body></html>");
        var path = Write("batch.jsonl",
            """
            {"id":"x1","text":"Text one","url":"http://a/1","source":"Outlet","published":"2018-08-31","title":"T"}
            {"html":"<p>Two</p>","published":"2019-01-02T23:30:00+03:00"}

            {"path":"pages/p1.html"}
            """);
        var docs = Read(path);
        Assert.Equal(3, docs.Count);
        Assert.Equal(("x1", ContentKind.Text, "Text one"), (docs[0].Id, docs[0].Kind, Text(docs[0])));
        Assert.Equal(("http://a/1", "Outlet", "T"), (docs[0].Url, docs[0].Source, docs[0].Title));
        Assert.Equal(new DateOnly(2018, 8, 31), docs[0].Published);
        Assert.Equal(path + ":1", docs[0].Path);
        Assert.Equal(("batch#2", ContentKind.Html), (docs[1].Id, docs[1].Kind));
        Assert.Equal(new DateOnly(2019, 1, 2), docs[1].Published);
        Assert.Equal("batch#4", docs[2].Id);
        Assert.Equal(path + ":4", docs[2].Path);
        Assert.Equal(ContentKind.Html, docs[2].Kind);
        Assert.Contains("From path", Text(docs[2]));
    }

    [Fact]
    public void Jsonl_BadLine_IsAnErrorDocument_AndTheRestContinues()
    {
        var path = Write("bad.jsonl", "{\"text\":\"ok\"}\n{not json\n{\"url\":\"only\"}\n{\"text\":\"last\"}\n");
        var docs = Read(path);
        Assert.Equal(4, docs.Count);
        Assert.False(docs[0].Failed);
        Assert.True(docs[1].Failed);
        Assert.StartsWith("bad JSON line", docs[1].Errors[0]);
        Assert.Equal(IngestErrors.NoContent, Assert.Single(docs[2].Errors));
        Assert.Equal("last", Text(docs[3]));
    }

    [Fact]
    public void Jsonl_MissingPathTarget_IsAnErrorDocumentNamingIt()
    {
        var path = Write("refs.jsonl", "{\"path\":\"nowhere.txt\"}\n");
        var d = Assert.Single(Read(path));
        Assert.True(d.Failed);
        Assert.Equal("nowhere.txt: " + IngestErrors.NotFound, d.Errors[0]);
    }

    [Fact]
    public void TruncatedJsonlGz_YieldsLinesRead_ThenAnError()
    {
        var lines = string.Concat(Enumerable.Range(0, 4000).Select(i => $"{{\"text\":\"report number {i} {i * 7919 % 997}\"}}\n"));
        var gz = Gzip(lines);
        var path = WriteBytes("cut.jsonl.gz", gz[..(gz.Length * 2 / 3)]);
        var docs = Read(path);
        Assert.True(docs.Count > 10);
        Assert.All(docs[..^1], d => Assert.False(d.Failed));
        Assert.Equal(IngestErrors.TruncatedGzip, Assert.Single(docs[^1].Errors));
    }

    private static string WarcRecord(string type, string uri, string block) =>
        $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";

    private static string Http(string contentType, string body) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\n\r\n{body}";

    [Fact]
    public void Warc_YieldsResponseRecordsOnly_WithoutHttpHeaders()
    {
        var warc = WarcRecord("warcinfo", "", "software: test\r\n")
                   + WarcRecord("request", "http://x/a", "GET /a HTTP/1.1\r\n\r\n")
                   + WarcRecord("response", "http://x/a", Http("text/html; charset=utf-8", "<html><body>Alpha</body></html>"))
                   + WarcRecord("response", "http://x/logo.png", Http("image/png", "PNG"))
                   + WarcRecord("response", "http://x/b", Http("text/html", "<html><body>Beta</body></html>"));
        var path = Write("crawl.warc", warc);
        var docs = Read(path);
        Assert.Equal(2, docs.Count);
        Assert.Equal(("crawl#3", "http://x/a", ContentKind.Html), (docs[0].Id, docs[0].Url, docs[0].Kind));
        Assert.Equal("<html><body>Alpha</body></html>", Text(docs[0]));
        Assert.Equal(("crawl#5", "http://x/b"), (docs[1].Id, docs[1].Url));
    }

    [Fact]
    public void WarcGz_PerRecordMembers_AreRead()
    {
        var r1 = Gzip(WarcRecord("response", "http://x/a", Http("text/html", "<html><body>A</body></html>")));
        var r2 = Gzip(WarcRecord("response", "http://x/b", Http("text/html", "<html><body>B</body></html>")));
        var docs = Read(WriteBytes("crawl.warc.gz", [.. r1, .. r2]));
        Assert.Equal(["crawl#1", "crawl#2"], docs.Select(d => d.Id));
        Assert.All(docs, d => Assert.Empty(d.Errors));
    }

    [Fact]
    public void Warc_TruncatedRecord_YieldsEarlierRecords_ThenAnError()
    {
        var warc = WarcRecord("response", "http://x/a", Http("text/html", "<html><body>A</body></html>"))
                   + WarcRecord("response", "http://x/b", Http("text/html", "<html><body>B is long enough</body></html>"));
        var docs = Read(Write("cut.warc", warc[..^30]));
        Assert.Equal(2, docs.Count);
        Assert.False(docs[0].Failed);
        Assert.Equal(IngestErrors.TruncatedWarc, Assert.Single(docs[1].Errors));
    }

    [Fact]
    public void MissingFile_IsAnErrorDocument_AndTheRunContinues()
    {
        var ok = Write("ok.txt", "fine");
        var docs = Read(Path.Combine(_dir, "missing.txt"), ok);
        Assert.Equal(2, docs.Count);
        Assert.Equal(IngestErrors.NotFound, Assert.Single(docs[0].Errors));
        Assert.True(docs[0].Failed);
        Assert.False(docs[1].Failed);
    }

    [Fact]
    public void BinaryFileGivenAsTxt_IsAnErrorDocument()
    {
        var d = Assert.Single(Read(WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A])));
        Assert.Equal(IngestErrors.Binary, Assert.Single(d.Errors));
        Assert.Empty(d.Content);
    }

    [Fact]
    public void Windows1252Text_IsKept()
    {
        var d = Assert.Single(Read(WriteBytes("latin.txt", [.. "Caf"u8, 0xE9, .. " bombed"u8])));
        Assert.Empty(d.Errors);
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("blank.html", "  \n\t ")]
    [InlineData("empty.jsonl", "\n\n")]
    public void EmptyFile_IsAnErrorDocument(string name, string content)
    {
        var d = Assert.Single(Read(Write(name, content)));
        Assert.Equal(IngestErrors.Empty, Assert.Single(d.Errors));
    }

    [Fact]
    public void Stdin_IsOneDocument_HtmlWhenItLooksLikeHtml()
    {
        var options = new InputOptions(OpenStdin: () => new MemoryStream("  <!DOCTYPE html><html><body>x</body></html>"u8.ToArray()));
        var d = Assert.Single(_reader.Read(["-"], options));
        Assert.Equal(("stdin", "-", ContentKind.Html), (d.Id, d.Path, d.Kind));
        var textOptions = new InputOptions(OpenStdin: () => new MemoryStream("Just words < and more."u8.ToArray()));
        Assert.Equal(ContentKind.Text, Assert.Single(_reader.Read(["-"], textOptions)).Kind);
    }

    [Fact]
    public void DefaultPublished_IsSetOnEveryDocument_PublishedOnlyFromJsonl()
    {
        var txt = Write("a.txt", "words");
        var jsonl = Write("b.jsonl", "{\"text\":\"t\"}\n");
        var docs = _reader.Read([txt, jsonl], new InputOptions(new DateOnly(2020, 5, 1))).ToList();
        Assert.All(docs, d => Assert.Equal(new DateOnly(2020, 5, 1), d.DefaultPublished));
        Assert.All(docs, d => Assert.Null(d.Published));
    }

    [Fact]
    public void SameFileNameInTwoFolders_GetsUniqueStableIds()
    {
        var a = Write("x/report.txt", "one");
        var b = Write("y/report.txt", "two");
        Assert.Equal(["report", "report~2"], Read(a, b).Select(d => d.Id));
    }

    [Fact]
    public void Reading_IsLazy()
    {
        var path = Write("a.txt", "one");
        using var e = _reader.Read([path, Path.Combine(_dir, "later.txt")], new InputOptions()).GetEnumerator();
        Assert.True(e.MoveNext());
        Write("later.txt", "created after the first document was read");
        Assert.True(e.MoveNext());
        Assert.False(e.Current.Failed);
    }
}
