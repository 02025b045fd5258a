using System.Text;
using Sitrep.Core;

namespace Sitrep.Pipeline;

/// <summary>
/// Runs one raw document through article extraction and the annotators, in the order given. The order is checked
/// once, at construction: every layer a stage reads must be written by an earlier stage. A stage that throws on a
/// document is recorded as that document's error and the later stages still run on what there is — the document is
/// never lost.
/// </summary>
public sealed class DocumentPipeline
{
    private readonly IArticleExtractor _extractor;
    private readonly IReadOnlyList<IDocumentAnnotator> _annotators;

    /// <summary>Composes the pipeline; throws <see cref="ArgumentException"/> when the stage order is impossible.</summary>
    public DocumentPipeline(IArticleExtractor extractor, IReadOnlyList<IDocumentAnnotator> annotators)
    {
        _extractor = extractor;
        _annotators = annotators;
        var present = new HashSet<string> { Layers.Text };
        foreach (var stage in annotators)
        {
            var missing = stage.Reads.Where(l => !present.Contains(l)).ToList();
            if (missing.Count > 0)
                throw new ArgumentException(
                    $"Stage '{stage.Name}' reads {string.Join(", ", missing)}, which no earlier stage writes; put the stage that writes it first.",
                    nameof(annotators));
            present.UnionWith(stage.Writes);
        }
    }

    /// <summary>Names of the stages in order, for logs.</summary>
    public IEnumerable<string> StageNames => _annotators.Select(a => a.Name);

    /// <summary>Article text and metadata only, no language processing (the <c>text</c> verb).</summary>
    public ProcessedDocument ExtractText(RawDocument raw) => Run(raw, annotate: false);

    /// <summary>The full pipeline for one document.</summary>
    public ProcessedDocument Process(RawDocument raw) => Run(raw, annotate: true);

    /// <summary>
    /// Runs the annotators over text that is already clean (benchmark snippets, gold-standard articles), so every
    /// offset stays an offset into <paramref name="text"/>. Stage failures are recorded in <see cref="Document.Errors"/>.
    /// </summary>
    public Document Annotate(DocumentMeta meta, string text)
    {
        var doc = new Document { Meta = meta, Text = text, Segments = [new TextRange(0, text.Length)] };
        var errors = new List<string>();
        doc = RunAnnotators(doc, errors);
        return errors.Count == 0 ? doc : doc with { Errors = [.. errors, .. doc.Errors] };
    }

    /// <summary>Every annotator in order; a stage that throws is recorded in <paramref name="errors"/> and the rest still run.</summary>
    private Document RunAnnotators(Document doc, List<string> errors)
    {
        foreach (var stage in _annotators)
        {
            try
            {
                doc = stage.Annotate(doc);
            }
            catch (Exception ex)
            {
                errors.Add($"stage '{stage.Name}' failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
        return doc;
    }

    private ProcessedDocument Run(RawDocument raw, bool annotate)
    {
        if (raw.Failed)
            return new ProcessedDocument(raw.Id, raw.Path, DocumentStatus.Failed, null, raw.Errors);

        var errors = new List<string>(raw.Errors);
        Article article;
        try
        {
            article = _extractor.Extract(raw);
        }
        catch (Exception ex)
        {
            errors.Add($"article extraction failed: {ex.GetType().Name}: {ex.Message}");
            return new ProcessedDocument(raw.Id, raw.Path, DocumentStatus.Failed, null, errors);
        }
        errors.AddRange(article.Warnings);

        var doc = new Document
        {
            Meta = MetaOf(raw, article),
            Text = article.Text,
            Segments = article.Segments.Count > 0 ? article.Segments : [new TextRange(0, article.Text.Length)],
        };
        if (annotate) doc = RunAnnotators(doc, errors);
        // Stages may also record problems on the document itself; keep both, pipeline's first.
        IReadOnlyList<string> all = [.. errors, .. doc.Errors];
        return new ProcessedDocument(raw.Id, raw.Path, DocumentStatus.Processed, doc with { Errors = all }, all);
    }

    /// <summary>
    /// Metadata with the contract's precedence: what the input states (JSONL) wins over what the page states, which
    /// wins over the --published default.
    /// </summary>
    public static DocumentMeta MetaOf(RawDocument raw, Article article)
    {
        var (published, publishedSource) =
            raw.Published is { } p ? (p, "input")
            : article.Published is { } a ? (a, "page")
            : raw.DefaultPublished is { } d ? (d, "default")
            : ((DateOnly?)null, (string?)null);
        return new DocumentMeta(raw.Id, raw.Path)
        {
            Url = raw.Url ?? article.CanonicalUrl,
            Source = raw.Source ?? article.SiteName ?? HostOf(raw.Url ?? article.CanonicalUrl),
            Title = raw.Title ?? article.Title,
            Published = published,
            PublishedSource = publishedSource,
            ContentHash = ContentHash.Of(raw),
        };
    }

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;
}
