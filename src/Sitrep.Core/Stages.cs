namespace Sitrep.Core;

/// <summary>
/// A stage that adds one layer of annotation to a document and returns the annotated copy.
/// It states which layers it reads and writes so the pipeline can check the order it is composed in.
/// </summary>
public interface IDocumentAnnotator
{
    /// <summary>Short stage name for logs and errors.</summary>
    string Name { get; }
    /// <summary>Layers that must be present before this stage runs (see <see cref="Layers"/>).</summary>
    IReadOnlyList<string> Reads { get; }
    /// <summary>Layers this stage sets.</summary>
    IReadOnlyList<string> Writes { get; }
    /// <summary>Returns a copy of <paramref name="document"/> with this stage's layers set.</summary>
    Document Annotate(Document document);
}

/// <summary>Names of the annotation layers of a <see cref="Document"/>.</summary>
public static class Layers
{
    public const string Text = "text";
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string Entities = "entities";
    public const string Actors = "actors";
    public const string Times = "times";
    public const string Places = "places";
    public const string Quotes = "quotes";
    public const string Events = "events";
}

/// <summary>Turns a raw input document into its article text and stated metadata.</summary>
public interface IArticleExtractor
{
    /// <summary>Extracts the article; never throws for bad content — problems go into <see cref="Article.Warnings"/>.</summary>
    Article Extract(RawDocument raw);
}
