using Sitrep.Core;

namespace Sitrep.ArticleText;

/// <summary>
/// The article extractor: plain-text pages go to the line judge, HTML pages to the DOM extractor. Stateless and
/// thread-safe; never throws for bad content (problems become <see cref="Article.Warnings"/>).
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    /// <inheritdoc />
    public Article Extract(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Content.Length == 0) return Empty(ArticleWarnings.EmptyInput);
        try
        {
            var bytes = raw.Content.AsSpan();
            var truncated = bytes.Length > HtmlRules.MaxPageBytes;
            if (truncated) bytes = bytes[..HtmlRules.MaxPageBytes];
            var text = TextDecoder.Decode(bytes, out _);
            var article = raw.Kind == ContentKind.Html ? HtmlExtractor.Extract(text) : PlainTextExtractor.Extract(text);
            return truncated ? article with { Warnings = [ArticleWarnings.Truncated(raw.Content.Length), .. article.Warnings] } : article;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Content must never stop a run: a parser failure is a warning on an empty article.
            return Empty(ArticleWarnings.NotHtml + ": " + e.Message);
        }
    }

    private static Article Empty(string warning) => new() { Text = "", Warnings = [warning] };
}
