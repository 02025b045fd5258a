using Sitrep.ArticleText;
using Sitrep.Core;
using Sitrep.Dates;
using Sitrep.EventCoding;
using Sitrep.Incidents;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Places;

namespace Sitrep.Pipeline;

/// <summary>
/// The composition root: the default stages with their embedded data, wired in order. Loaded once per process
/// (the gazetteer and models are the expensive part) and shared; every stage is thread-safe.
/// </summary>
public sealed class SitrepEngine
{
    private static readonly Lazy<SitrepEngine> LazyDefault = new(() => new SitrepEngine());

    private readonly InputReader _reader = new();
    private readonly Gazetteer _gazetteer;
    private readonly EventAnnotator _events;

    /// <summary>The shared default engine.</summary>
    public static SitrepEngine Default => LazyDefault.Value;

    /// <summary>Extraction and annotation for one document at a time.</summary>
    public DocumentPipeline Pipeline { get; }

    private SitrepEngine()
    {
        _gazetteer = Gazetteer.LoadDefault();
        // Generic forces ("government forces") take the event's country from the places the coder attaches.
        _events = EventAnnotator.CreateDefault(
            (doc, start, end, country) => ActorDictionary.Default.Resolve(doc, start, end, country),
            name => _gazetteer.Lookup(name).FirstOrDefault(p => p.Kind == PlaceKind.Country)?.CountryCode);
        Pipeline = new DocumentPipeline(new ArticleExtractor(),
        [
            LanguageAnnotator.CreateDefault(),
            new TimeAnnotator(),
            new PlaceAnnotator(_gazetteer),
            _events,
        ]);
    }

    /// <summary>Reads inputs (files, directories, "-") lazily as raw documents, failures included.</summary>
    public IEnumerable<RawDocument> Read(IReadOnlyList<string> inputs, DateOnly? defaultPublished, Func<Stream> openStdin) =>
        _reader.Read(inputs, new InputOptions(defaultPublished, openStdin));

    /// <summary>
    /// Merges stored events into incidents across documents; <paramref name="duplicateOf"/> maps a syndicated copy's
    /// document id to its original, so copies never count as corroboration.
    /// </summary>
    public IReadOnlyList<Incident> BuildIncidents(IEnumerable<(DocumentMeta Document, ConflictEvent Event)> events,
        IReadOnlyDictionary<string, string> duplicateOf) =>
        new IncidentBuilder().Build(events.Select(e => new SourcedEvent(e.Document, e.Event)), duplicateOf);

    /// <summary>The event coder, for evaluations that classify snippets.</summary>
    public EventAnnotator EventCoder => _events;

    /// <summary>Clean text through the annotators only (offsets stay offsets into <paramref name="text"/>).</summary>
    public Document AnnotatedText(string text) => Pipeline.Annotate(new DocumentMeta("snippet", "snippet"), text);

    /// <summary>Quotes with speakers found in plain article text.</summary>
    public IReadOnlyList<Quote> FindQuotes(string text) => AnnotatedText(text).Quotes;

    /// <summary>Country name for an ISO 3166-1 alpha-2 code, when the gazetteer knows it.</summary>
    public string? CountryName(string iso2) => _gazetteer.Country(iso2)?.Name;
}
