using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Sitrep.ArticleText;

namespace Sitrep.ArticleText.Tests;

/// <summary>Properties of the parser over generated markup: it always ends, never throws, and keeps the text in order.</summary>
public sealed class HtmlParserPropertyTests
{
    /// <summary>Pieces that stress the tokenizer and the tree rules, alone and cut anywhere.</summary>
    private static readonly string[] Pieces =
    [
        "<", ">", "/", "</", "/>", "<!", "<!--", "-->", "--", "<?", "=", "\"", "'", "&", "&amp;", "&#", "&#x", ";", " ", "\n",
        "a", "p", "word", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<table>", "</table>", "<tr>", "<td>", "</td>",
        "<div class=\"x\">", "</div>", "<a href=u>", "</a>", "<b>", "</b>", "<span>", "</span>", "<script>", "</script>",
        "<style>", "<title>", "</title>", "<textarea>", "<br>", "<br/>", "<img src=x>", "<svg/>", "<html>", "<body>",
        "</body>", "<head>", "<meta charset=utf-8>", "<h2>", "</h2>", "<dd>", "<dt>", "<option>", "<select>", "<tbody>",
        "<form>", "<button>", "<template>", "<math>", "é", "\u0000", "\uFFFD",
    ];

    private static readonly Gen<string> Markup =
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts));

    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(2000);

    [Fact]
    public async Task AnyMarkup_ParsesWithoutThrowing_IntoAWellFormedTree()
    {
        var run = Task.Run(() => Check.One(Cases, Prop.ForAll(Markup.ToArbitrary(), html =>
        {
            var doc = HtmlParser.Parse(html);
            return IsWellFormed(doc.DocumentElement, html.Length);
        })));
        // A hang is a failure too (TimeoutException): the generated pages are small, so any run longer than this is a loop.
        await run.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void AnyMarkup_ParsesUnderADepthLimit_WithoutPassingIt()
    {
        Check.One(Cases, Prop.ForAll(Markup.ToArbitrary(), html =>
        {
            var doc = HtmlParser.Parse(html, maxDepth: 4);
            return doc.MaxDepth <= 5 && (doc.TooDeep || doc.MaxDepth <= 4);
        }));
    }

    /// <summary>Complete tags around plain words, misnested at random: text is never lost, duplicated or reordered.</summary>
    [Fact]
    public void WellTokenizedMarkup_KeepsEveryWordInDocumentOrder()
    {
        string[] tags =
        [
            "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "<th>",
            "</td>", "<div>", "</div>", "<a href=u>", "</a>", "<b>", "</b>", "<i>", "</i>", "<span>", "</span>", "<h1>",
            "</h2>", "<dd>", "<dt>", "</dl>", "<br>", "<hr>", "<section>", "</section>", "<body>", "</body>", "</html>",
            "<caption>", "<tbody>", "</tbody>", "<form>", "</form>", "<option>", "<strong>", "</em>", "<em>",
        ];
        var words = Gen.Elements("alpha", "beta", "gamma", "delta", "x");
        var piece = Gen.Frequency((3, words), (2, Gen.Elements(tags)));
        var gen = piece.ArrayOf();
        Check.One(Cases, Prop.ForAll(gen.ToArbitrary(), parts =>
        {
            var html = string.Join(" ", parts);
            var expected = string.Concat(parts.Where(p => !p.StartsWith('<')));
            var actual = new string(HtmlParser.Parse(html).DocumentElement.TextContent.Where(c => !char.IsWhiteSpace(c)).ToArray());
            return actual == expected;
        }));
    }

    /// <summary>Parent and sibling links agree, no node is reached twice, and there are no more elements than characters.</summary>
    private static bool IsWellFormed(HtmlElement root, int chars)
    {
        var seen = new HashSet<HtmlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<HtmlElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (!seen.Add(e)) return false;
            HtmlNode? previous = null;
            for (var c = e.FirstChild; c is not null; c = c.NextSibling)
            {
                if (!ReferenceEquals(c.Parent, e) || !ReferenceEquals(c.PreviousSibling, previous)) return false;
                if (c is HtmlElement child) stack.Push(child);
                else if (!seen.Add(c)) return false;
                previous = c;
            }
            if (!ReferenceEquals(e.LastChild, previous)) return false;
        }
        // html, head and body, plus at most one element or text node per character (implied tbody/tr add two per cell).
        return seen.Count <= 3 + 3 * chars;
    }
}
