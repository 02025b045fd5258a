using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace Sitrep.ArticleText;

/// <summary>
/// The guard in front of the DOM parser and the fallback behind it: measures how deep a page nests without parsing
/// it, and turns a page that may not be parsed into plain lines (one per block element) for the line judge.
/// Both are single linear passes of <see cref="TagScanner"/>.
/// </summary>
internal static class UnparsedHtml
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Void = HtmlRules.VoidTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParserClosed = HtmlRules.SelfClosingByParserTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Skipped = HtmlRules.SkippedContentTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Block = HtmlRules.BlockTags.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// How deep the page's elements nest, counting only elements the parser keeps open; stops counting once past
    /// <paramref name="limit"/> (the answer is then some depth above it).
    /// </summary>
    public static int Depth(ReadOnlySpan<char> html, int limit)
    {
        var scanner = new TagScanner(html);
        int depth = 0, max = 0;
        TagToken t;
        while ((t = scanner.Next()) != TagToken.End)
        {
            if (t == TagToken.Text) continue;
            var name = scanner.Name;
            if (Void.Contains(name) || ParserClosed.Contains(name)) continue;
            if (t == TagToken.Close) { if (depth > 0) depth--; continue; }
            if (Skipped.Contains(name)) { scanner.SkipPast(name); continue; }
            if (scanner.SelfClosing) continue;
            if (++depth > max && (max = depth) > limit) break;
        }
        return max;
    }

    /// <summary>The page's text with one line per block element and line break; scripts, styles and the head dropped.</summary>
    public static string Lines(ReadOnlySpan<char> html)
    {
        var sb = new StringBuilder(Math.Min(html.Length / 2, 1 << 20));
        var scanner = new TagScanner(html);
        var space = false;
        TagToken t;
        while ((t = scanner.Next()) != TagToken.End)
        {
            if (t == TagToken.Text)
            {
                var text = scanner.Text;
                if (text.Contains('&')) text = WebUtility.HtmlDecode(text.ToString());
                foreach (var c in text)
                {
                    if (char.IsWhiteSpace(c)) { space = true; continue; }
                    if (space && sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                    space = false;
                    sb.Append(c);
                }
                continue;
            }
            var name = scanner.Name;
            if (t == TagToken.Open && Skipped.Contains(name)) { scanner.SkipPast(name); continue; }
            if (Block.Contains(name) || name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                space = false;
            }
        }
        return sb.ToString();
    }
}
