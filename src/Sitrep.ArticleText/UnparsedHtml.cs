using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace Sitrep.ArticleText;

/// <summary>
/// The fallback for a page too long or too deep to parse: turns it into plain lines (one per block element) for the
/// line judge, in a single linear pass of <see cref="TagScanner"/>.
/// </summary>
internal static class UnparsedHtml
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Skipped = HtmlRules.SkippedContentTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Block = HtmlRules.BlockTags.GetAlternateLookup<ReadOnlySpan<char>>();

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
