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
    private readonly ArticleExtractor _extractor = new();
    // Each part loads on first use: `text` needs only the extractor, `events` only country names, so neither pays
    // for the NER model, actor dictionary or event ontology.
    private readonly Lazy<Gazetteer> _gazetteer = new(Gazetteer.LoadDefault);
    private readonly Lazy<EventAnnotator> _events;
    private readonly Lazy<DocumentPipeline> _pipeline;
    private readonly Lazy<DocumentPipeline> _textOnly;
    private readonly Lazy<LanguageAnnotator> _language = new(LanguageAnnotator.CreateDefault);
    private readonly Lazy<DocumentPipeline> _beforeEvents;

    /// <summary>The shared default engine.</summary>
    public static SitrepEngine Default => LazyDefault.Value;

    /// <summary>Extraction and annotation for one document at a time.</summary>
    public DocumentPipeline Pipeline => _pipeline.Value;

    /// <summary>Article extraction only, with no annotator loaded (the <c>text</c> verb).</summary>
    public DocumentPipeline TextOnly => _textOnly.Value;

    private SitrepEngine()
    {
        // Generic forces ("government forces") take the event's country from the places the coder attaches.
        _events = new(() => EventAnnotator.CreateDefault(
            (doc, start, end, country) => ActorDictionary.Default.Resolve(doc, start, end, country),
            name => _gazetteer.Value.Lookup(name).FirstOrDefault(p => p.Kind == PlaceKind.Country)?.CountryCode));
        _pipeline = new(() => new DocumentPipeline(_extractor, [.. BeforeEvents(), _events.Value]));
        _beforeEvents = new(() => new DocumentPipeline(_extractor, BeforeEvents()));
        _textOnly = new(() => new DocumentPipeline(_extractor, []));
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

    /// <summary>
    /// The incidents <see cref="BuildIncidents(IEnumerable{ValueTuple{DocumentMeta, ConflictEvent}}, IReadOnlyDictionary{string, string})"/>
    /// gives, streamed from a store read a few documents and then one start date at a time, so memory does not grow
    /// with the number of events (see <see cref="IncidentBuilder.BuildStreaming"/> for what the readers return).
    /// </summary>
    public IEnumerable<Incident> BuildIncidents(
        Func<string?, IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)>> eventsOfDocumentsAfter,
        Func<DateOnly?, IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)>> eventsOnNextStartDate,
        IReadOnlyDictionary<string, string> duplicateOf) =>
        new IncidentBuilder().BuildStreaming(eventsOfDocumentsAfter, eventsOnNextStartDate, duplicateOf);

    /// <summary>The event coder, for evaluations that classify snippets.</summary>
    public EventAnnotator EventCoder => _events.Value;

    /// <summary>Clean text through the annotators only (offsets stay offsets into <paramref name="text"/>).</summary>
    public Document AnnotatedText(string text) => Pipeline.Annotate(new DocumentMeta("snippet", "snippet"), text);

    /// <summary>
    /// Clean text through every annotator before the event coder (tokens, sentences, entities, times, places): what
    /// training the attribution model reads, without loading the shipped attribution model it replaces.
    /// </summary>
    public Document AnnotatedTextBeforeEvents(string text) => _beforeEvents.Value.Annotate(new DocumentMeta("snippet", "snippet"), text);

    private IDocumentAnnotator[] BeforeEvents() => [_language.Value, new TimeAnnotator(), new PlaceAnnotator(_gazetteer.Value)];

    /// <summary>Quotes with speakers found in plain article text.</summary>
    public IReadOnlyList<Quote> FindQuotes(string text) => AnnotatedText(text).Quotes;

    /// <summary>Country name for an ISO 3166-1 alpha-2 code, when the gazetteer knows it.</summary>
    public string? CountryName(string iso2) => _gazetteer.Value.Country(iso2)?.Name;
}
