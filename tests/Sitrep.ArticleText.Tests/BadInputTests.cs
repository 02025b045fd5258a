using System.Text;
using Sitrep.ArticleText;
using Sitrep.Core;

namespace Sitrep.ArticleText.Tests;

/// <summary>Hostile pages: each gives text or an empty article with a reason, never an exception or a hang.</summary>
public sealed class BadInputTests
{
    private const string P1 = "Government forces shelled the northern town of Kafr Nabl on Tuesday, killing three civilians, residents said.";
    private const string P2 = "The opposition said the attack came as rebels were preparing a counter-offensive, according to a local council.";

    private static Article Extract(byte[] html) =>
        new ArticleExtractor().Extract(new RawDocument("h", "h.html", ContentKind.Html, html));

    private static Article Extract(string html) => Extract(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void HundredThousandNestedDivs_AreNotParsed_AndTheTextIsStillFound()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + $"<p>{P1}</p><p>{P2}</p>"
                   + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        var a = Extract(html);
        Assert.Equal(P1 + "\n" + P2, a.Text);
        Assert.Contains(a.Warnings, w => w.Contains("deep", StringComparison.Ordinal));
    }

    [Fact]
    public void NestingJustUnderTheLimit_IsParsedNormally()
    {
        var depth = HtmlRules.MaxParsedDepth - 10;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + $"<p>{P1}</p><p>{P2}</p></body></html>";
        var a = Extract(html);
        Assert.Equal(P1 + "\n" + P2, a.Text);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void UnclosedParagraphsAndListItems_DoNotCountAsNesting()
    {
        var paragraphs = string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p>Line {i} of the report <li>item"));
        Assert.True(HtmlParser.Parse($"<html><body><div>{paragraphs}</div></body></html>").MaxDepth < 10);
    }

    [Fact]
    public void HundredMegabytePage_IsCutToTheReadLimit_AndGivesText()
    {
        var paragraph = Encoding.UTF8.GetBytes($"<p>{P1}</p>\n");
        var bytes = new byte[100 << 20];
        var head = Encoding.UTF8.GetBytes("<html><body><div>");
        head.CopyTo(bytes, 0);
        for (var at = head.Length; at < bytes.Length; at += paragraph.Length)
            paragraph.AsSpan(0, Math.Min(paragraph.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
        var a = Extract(bytes);
        Assert.StartsWith(P1, a.Text);
        Assert.Contains(a.Warnings, w => w.Contains("cut to", StringComparison.Ordinal));
        Assert.Contains(a.Warnings, w => w.Contains("over the parser's limit", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedHtml_StillGivesItsParagraphs()
    {
        var a = Extract($"<html><body><div class=\"story\"><p>{P1}<p>{P2}</b></i></span><div <p>a < b and c > d</div");
        Assert.Contains(P1, a.Text);
        Assert.Contains(P2, a.Text);
    }

    [Fact]
    public void BrokenUtf8_IsDecodedWithReplacements_NotRejected()
    {
        var good = Encoding.UTF8.GetBytes($"<html><head><meta charset=\"utf-8\"></head><body><div><p>{P1}</p><p>");
        byte[] broken = [0xC3, 0x28, 0xE2, 0x82, 0xFF];
        var tail = Encoding.UTF8.GetBytes($" {P2}</p></div></body></html>");
        var a = Extract([.. good, .. broken, .. tail]);
        Assert.Contains(P1, a.Text);
        Assert.Contains(P2, a.Text);
    }

    [Theory]
    [InlineData("<html><head><title>Nothing</title></head><body><script>var a = '<p>not text</p>';</script></body></html>")]
    [InlineData("<html><body><img src=a.png><div>   </div><br><hr></body></html>")]
    public void PageWithNoText_IsEmpty_WithAReason(string html)
    {
        var a = Extract(html);
        Assert.Equal("", a.Text);
        Assert.Contains(ArticleWarnings.NoText, a.Warnings);
    }

    [Fact]
    public void TagStripper_DropsScriptsAndHead_DecodesEntities_AndBreaksAtBlocks()
    {
        var lines = UnparsedHtml.Lines("<html><head><title>T</title><style>p{}</style></head><body><script>if (a < b) x();</script>" +
                                       "<p>Tom &amp; Jerry<br>met   <b>here</b></p><!-- <p>gone</p> --><div>a < b</div></body></html>");
        Assert.Equal("Tom & Jerry\nmet here\na < b\n", lines);
    }
}
