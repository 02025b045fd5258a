using System.Text;
using Sitrep.Core;

namespace Sitrep.Pipeline.Tests;

/// <summary>Extractor that returns the raw bytes as text, with a stated date when the text starts with "DATE:yyyy-MM-dd".</summary>
internal sealed class PassThroughExtractor : IArticleExtractor
{
    public Article Extract(RawDocument raw)
    {
        var text = Encoding.UTF8.GetString(raw.Content);
        DateOnly? published = text.StartsWith("DATE:") ? DateOnly.Parse(text[5..15]) : null;
        if (text.Contains("EXPLODE")) throw new InvalidOperationException("extractor broke");
        return new Article { Text = text, Published = published, Title = "t" };
    }
}

/// <summary>Annotator with declared layers that records it ran, optionally throwing.</summary>
internal sealed class RecordingAnnotator(string name, string[] reads, string[] writes, bool throws = false) : IDocumentAnnotator
{
    public string Name => name;
    public IReadOnlyList<string> Reads => reads;
    public IReadOnlyList<string> Writes => writes;
    public Document Annotate(Document document)
    {
        if (throws) throw new InvalidOperationException($"{name} broke");
        return document with { Errors = [.. document.Errors, $"ran {name}"] };
    }
}

/// <summary>Annotator that adds one event per document, dated on the publication date.</summary>
internal sealed class OneEventAnnotator : IDocumentAnnotator
{
    public string Name => "one-event";
    public IReadOnlyList<string> Reads => [Layers.Text];
    public IReadOnlyList<string> Writes => [Layers.Events];
    public Document Annotate(Document document) => document with
    {
        Events =
        [
            new ConflictEvent
            {
                SubEventType = "Air/drone strike", Plover = "FIGHT:aerial", Cameo = "195", Trigger = new(0, 4),
                Date = document.Meta.Published is { } p ? ResolvedDate.Day(p, "publication") : ResolvedDate.Unresolved("none"),
                Evidence = [new(0, document.Text.Length)],
            },
            new ConflictEvent { SubEventType = "Armed clash", Trigger = new(0, 4), Modality = Modality.Planned },
        ],
    };
}

internal static class Raw
{
    public static RawDocument Text(string id, string text) => new(id, id + ".txt", ContentKind.Text, Encoding.UTF8.GetBytes(text));
}
