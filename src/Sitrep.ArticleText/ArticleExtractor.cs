using System.Buffers;
using Sitrep.Core;

namespace Sitrep.ArticleText;

/// <summary>
/// The article extractor: plain-text pages go to the line judge, HTML pages to the tree extractor. Stateless and
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
            var article = raw.Kind == ContentKind.Html ? ExtractHtml(bytes) : PlainTextExtractor.Extract(TextDecoder.Decode(bytes, out _));
            return truncated ? article with { Warnings = [ArticleWarnings.Truncated(raw.Content.Length), .. article.Warnings] } : article;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Content must never stop a run: a parser failure is a warning on an empty article.
            return Empty(ArticleWarnings.NotHtml + ": " + e.Message);
        }
    }

    /// <summary>HTML is decoded into a pooled buffer: the page text is parsed once and never kept.</summary>
    private static Article ExtractHtml(ReadOnlySpan<byte> bytes)
    {
        var buffer = TextDecoder.DecodePooled(bytes, out var length);
        try { return HtmlExtractor.Extract(buffer.AsSpan(0, length)); }
        finally { ArrayPool<char>.Shared.Return(buffer); }
    }

    private static Article Empty(string warning) => new() { Text = "", Warnings = [warning] };
}
