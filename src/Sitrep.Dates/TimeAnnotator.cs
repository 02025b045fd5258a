using Sitrep.Core;

namespace Sitrep.Dates;

/// <summary>Pipeline stage: finds time expressions in the text, resolved against the document's publication date.</summary>
public sealed class TimeAnnotator : IDocumentAnnotator
{
    private static readonly string[] ReadsLayers = [Layers.Text];
    private static readonly string[] WritesLayers = [Layers.Times];
    private readonly TimeExpressionRecognizer _recognizer;

    /// <summary>Creates the stage over <paramref name="recognizer"/> (a new one when null).</summary>
    public TimeAnnotator(TimeExpressionRecognizer? recognizer = null) => _recognizer = recognizer ?? new TimeExpressionRecognizer();

    /// <inheritdoc />
    public string Name => "dates";
    /// <inheritdoc />
    public IReadOnlyList<string> Reads => ReadsLayers;
    /// <inheritdoc />
    public IReadOnlyList<string> Writes => WritesLayers;

    /// <summary>Returns a copy of <paramref name="document"/> with <see cref="Document.Times"/> set.</summary>
    public Document Annotate(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Times = _recognizer.Find(document.Text, document.Meta.Published) };
    }
}
