using System.Text;
using Sitrep.ArticleText;

namespace Sitrep.ArticleText.Tests;

/// <summary>The tolerant parser: the tree browsers would build for the markup the extractor cares about.</summary>
public sealed class HtmlParserTests
{
    /// <summary>A compact picture of a subtree: elements as name(children), text as 'text'.</summary>
    private static string Shape(HtmlElement e)
    {
        var sb = new StringBuilder(e.Name);
        if (e.FirstChild is null) return sb.ToString();
        sb.Append('(');
        for (var c = e.FirstChild; c is not null; c = c.NextSibling)
        {
            if (!ReferenceEquals(c, e.FirstChild)) sb.Append(' ');
            sb.Append(c is HtmlElement child ? Shape(child) : $"'{((HtmlTextNode)c).Data}'");
        }
        return sb.Append(')').ToString();
    }

    private static string Body(string html) => Shape(HtmlParser.Parse(html).Body!);

    [Fact]
    public void UnclosedParagraphs_AreClosedByTheNextParagraph()
    {
        Assert.Equal("body(p('a') p('b') p('c'))", Body("<p>a<p>b<p>c"));
    }

    [Fact]
    public void BlockStartTag_ClosesAnOpenParagraph_ButInlineStartTagDoesNot()
    {
        Assert.Equal("body(p('a' span('b')) div('c'))", Body("<p>a<span>b</span><div>c</div>"));
    }

    [Fact]
    public void UnclosedListItems_AreClosedByTheNextItem_NestedListsStayInside()
    {
        Assert.Equal("body(ul(li('a' ul(li('b'))) li('c')))", Body("<ul><li>a<ul><li>b</ul><li>c</ul>"));
    }

    [Fact]
    public void UnclosedDefinitionTermsAndDescriptions_CloseEachOther()
    {
        Assert.Equal("body(dl(dt('t') dd('d') dt('u')))", Body("<dl><dt>t<dd>d<dt>u</dl>"));
    }

    [Fact]
    public void UnclosedTableRowsAndCells_AreClosed_AndTheImpliedBodyIsAdded()
    {
        Assert.Equal("body(table(tbody(tr(td('a') td('b')) tr(td('c')))) p('after'))",
            Body("<table><tr><td>a<td>b<tr><td>c</table><p>after"));
    }

    [Fact]
    public void CellDirectlyInATable_GetsItsImpliedRow()
    {
        Assert.Equal("body(table(tbody(tr(td('a')))))", Body("<table><td>a</table>"));
    }

    [Fact]
    public void TableLeftOpen_AtTheEndOfThePage_KeepsItsText()
    {
        Assert.Equal("body(table(tbody(tr(td(p('a') p('b'))))))", Body("<table><tr><td><p>a<p>b"));
    }

    [Fact]
    public void StrayEndTags_AreIgnored()
    {
        Assert.Equal("body(p('x') 'y')", Body("</div></span><p>x</p></p></li></td></table>y"));
    }

    [Fact]
    public void BlockEndTag_ClosesTheInlineElementsAndParagraphsOpenedInsideIt()
    {
        Assert.Equal("body(div(p(span('x'))) 'y')", Body("<div><p><span>x</div>y"));
    }

    [Fact]
    public void InlineEndTag_NeverClosesABlockOpenedInsideIt()
    {
        Assert.Equal("body(span(div('x' 'y')))", Body("<span><div>x</span>y</div>"));
    }

    [Fact]
    public void EndTagInsideATableCell_DoesNotCloseAnElementOutsideTheTable()
    {
        Assert.Equal("body(div(table(tbody(tr(td('a' 'b'))))))", Body("<div><table><tr><td>a</div>b"));
    }

    [Fact]
    public void MisnestedLink_AroundAParagraph_MovesTheParagraphOut_AndTheTextAfterIsNotLinked()
    {
        Assert.Equal("body(a p(a('x') 'y'))", Body("<a href=u><p>x</a>y</p>"));
    }

    [Fact]
    public void LinksDoNotNest_TheSecondClosesTheFirst()
    {
        Assert.Equal("body(a('1') a('2'))", Body("<a href=1>1<a href=2>2"));
    }

    [Fact]
    public void HeadingsDoNotNest()
    {
        Assert.Equal("body(h2('a') h3('b'))", Body("<h2>a<h3>b</h3>"));
    }

    [Fact]
    public void VoidElements_HaveNoChildren_EvenWithoutSelfClosingSyntax()
    {
        Assert.Equal("body(p('a' br img 'b') hr 'c')", Body("<p>a<br><img src=x>b<hr>c"));
    }

    [Fact]
    public void SelfClosingSyntax_OnANonVoidElement_IsIgnored()
    {
        Assert.Equal("body(div(p('x')))", Body("<div/><p>x"));
    }

    [Fact]
    public void SelfClosingSyntax_InsideSvg_ClosesTheElement_AndStopsCountingOnceTheSvgIsClosed()
    {
        Assert.Equal("body(svg(g(path path)) div(p('x')))", Body("<svg><g><path/><path/></g></svg><div/><p>x"));
    }

    [Fact]
    public void ScriptAndStyle_KeepNoText_AndTheirMarkupIsNotParsed()
    {
        var doc = HtmlParser.Parse("<script>if (a<b) document.write('<p>x</p>')</script><style>p>a{}</style><p>y<script>a<b</script>");
        Assert.Equal("head(script style)", Shape(doc.Head));
        Assert.Equal("body(p('y' script))", Shape(doc.Body!));
    }

    [Fact]
    public void JsonLdScripts_AreTheOnlyScriptTextKept_OnTheDocument()
    {
        var doc = HtmlParser.Parse("<script>var a = 1;</script><script type=\"application/LD+JSON\">{\"datePublished\": \"2018-08-10\"}</script><p>x");
        Assert.Equal(["{\"datePublished\": \"2018-08-10\"}"], doc.JsonLd);
        Assert.Equal("head(script script)", Shape(doc.Head));
    }

    [Fact]
    public void ScriptEndTag_MatchesWithoutRegardToCase()
    {
        Assert.Equal("body(p('a') script p('y'))", Body("<p>a</p><SCRIPT>x</p></Script ><p>y"));
    }

    [Fact]
    public void TitleAndTextarea_AreTextWithEntitiesDecoded_NotMarkup()
    {
        var doc = HtmlParser.Parse("<title>A &amp; <b>B</title><textarea><p>x</textarea>");
        Assert.Equal("A & <b>B", doc.Title);
        Assert.Equal("body(textarea('<p>x'))", Shape(doc.Body!));
    }

    [Fact]
    public void CharacterReferences_AreDecodedInTextAndAttributes()
    {
        var doc = HtmlParser.Parse("<p title=\"Tom &amp; Jerry\">caf&eacute; &#8217;s &#x41;&lt;</p>");
        var p = doc.Body!.FirstElementChild!;
        Assert.Equal("Tom & Jerry", p.GetAttribute("title"));
        Assert.Equal("café ’s A<", p.TextContent);
    }

    [Fact]
    public void NamesAreLowerCased_ValuesKept_FirstOfARepeatedAttributeWins()
    {
        var div = HtmlParser.Parse("<DIV CLASS=Story id='a' class=\"other\" data-x = y hidden>").Body!.FirstElementChild!;
        Assert.Equal("div", div.Name);
        Assert.Equal("Story", div.GetAttribute("class"));
        Assert.Equal("a", div.Id);
        Assert.Equal("y", div.GetAttribute("data-x"));
        Assert.True(div.HasAttribute("hidden"));
    }

    [Fact]
    public void QuotedAttributeValue_MayHoldAnAngleBracket()
    {
        var a = HtmlParser.Parse("<a title=\"a > b\" href=x>link</a>").Body!.FirstElementChild!;
        Assert.Equal("a > b", a.GetAttribute("title"));
        Assert.Equal("link", a.TextContent);
    }

    [Fact]
    public void HeadContent_StaysInTheHead_AndTheFirstContentOpensTheBody()
    {
        var doc = HtmlParser.Parse("<!DOCTYPE html><meta name=a content=b><title>T</title><link rel=canonical href=u>text<p>x");
        Assert.Equal("head(meta title('T') link)", Shape(doc.Head));
        Assert.Equal("body('text' p('x'))", Shape(doc.Body!));
        Assert.Equal("T", doc.Title);
    }

    [Fact]
    public void ContentAfterTheBodyEndTag_StillBelongsToTheBody()
    {
        var doc = HtmlParser.Parse("<html><body class=b><p>x</p></body></html><p>late");
        Assert.Equal("body(p('x') p('late'))", Shape(doc.Body!));
        Assert.Equal("b", doc.Body!.GetAttribute("class"));
    }

    [Fact]
    public void Comments_Doctypes_AndProcessingInstructions_AreSkipped()
    {
        Assert.Equal("body(p('a' 'b' 'c'))", Body("<?xml version=\"1.0\"?><p>a<!-- <p>no</p> -->b<!-->c"));
    }

    [Fact]
    public void LoneAngleBrackets_AreText()
    {
        Assert.Equal("body(p('a ' '< b> c' '<' '</'))", Body("<p>a < b> c<</"));
    }

    [Fact]
    public void TagCutOffByTheEndOfThePage_IsDropped()
    {
        Assert.Equal("body(p('text'))", Body("<p>text</p><div class=\"abc"));
    }

    [Fact]
    public void PageNestedPastTheLimit_StopsTheParse_AndSaysSo()
    {
        var doc = HtmlParser.Parse(string.Concat(Enumerable.Repeat("<div>", 50)) + "x", maxDepth: 20);
        Assert.True(doc.TooDeep);
        Assert.Equal(21, doc.MaxDepth);
    }

    [Fact]
    public void TextContent_OfADeepTree_DoesNotOverflowTheStack()
    {
        var depth = 200_000;
        var doc = HtmlParser.Parse(string.Concat(Enumerable.Repeat("<span>", depth)) + "x");
        Assert.Equal(depth + 2, doc.MaxDepth);
        Assert.Equal("x", doc.DocumentElement.TextContent);
    }
}
