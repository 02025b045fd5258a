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
            var text = TextDecoder.Decode(raw.Content, out _);
            return raw.Kind == ContentKind.Html ? HtmlExtractor.Extract(text) : PlainTextExtractor.Extract(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Content must never stop a run: a parser failure is a warning on an empty article.
            return Empty(ArticleWarnings.NotHtml + ": " + e.Message);
        }
    }

    private static Article Empty(string warning) => new() { Text = "", Warnings = [warning] };
}
