using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Re-resolves tokens [<paramref name="startToken"/>, <paramref name="endToken"/>) of a document as an actor of
/// <paramref name="country"/> ("government forces" in a Syrian story), or null; the composition root supplies the
/// actor dictionary's resolver.
/// </summary>
public delegate Actor? CountryActorResolver(Document document, int startToken, int endToken, string country);

/// <summary>The ISO2 code of a country named by <paramref name="name"/> ("Russia", "the United States"), or null.</summary>
public delegate string? CountryNameResolver(string name);

/// <summary>
/// The event-coding stage: per sentence, finds ontology triggers, chooses one sub-type, and codes its actors,
/// casualties, date, place, modality and evidence; merges repeats within the document; finds direct quotes and
/// other attributions (<see cref="AttributionModel"/>).
/// One event per sentence: a second trigger in the same sentence is taken to describe the same event. A definite
/// mention of an event already told ("the strikes were carried out by Russian jets") adds to that event; talk about
/// violence in general is no event (<see cref="ReportFilter"/>); a later denial by the attributed party is kept as
/// competing claims.
/// </summary>
public sealed class EventAnnotator : IDocumentAnnotator
{
    private readonly EventOntology _ontology;
    private readonly SubTypeChooser _chooser;
    private readonly CountryActorResolver? _resolveInCountry;
    private readonly CountryNameResolver? _countryOfName;
    private readonly SubTypeModel? _subTypeModel;
    // Loaded on first use: a retrain after a feature change must not need the shipped model (of the old version).
    private readonly Lazy<AttributionModel?> _attributionModel;

    // Score margin (averaged-perceptron units) the classifier needs to name a sub-type when no trigger matched; a
    // round guess (not tuned): opinion text must stay unclassified, a clear report without a trigger word need not.
    private const float MinMarginWithoutTrigger = 8f;

    /// <summary>
    /// An annotator over <paramref name="ontology"/>; <paramref name="resolveInCountry"/> names generic forces by
    /// country, <paramref name="countryOfName"/> recognises a country named as a speaker ("Russia's defence ministry
    /// denied..."). Both come from other stages, so the pipeline passes them in. Without
    /// <paramref name="attributionModel"/> only direct quotes are found.
    /// </summary>
    public EventAnnotator(EventOntology ontology, CountryActorResolver? resolveInCountry = null, CountryNameResolver? countryOfName = null,
        SubTypeModel? subTypeModel = null, AttributionModel? attributionModel = null)
        : this(ontology, resolveInCountry, countryOfName, subTypeModel, new Lazy<AttributionModel?>(attributionModel))
    {
    }

    private EventAnnotator(EventOntology ontology, CountryActorResolver? resolveInCountry, CountryNameResolver? countryOfName,
        SubTypeModel? subTypeModel, Lazy<AttributionModel?> attributionModel)
    {
        _subTypeModel = subTypeModel;
        _attributionModel = attributionModel;
        _ontology = ontology;
        _chooser = new SubTypeChooser(ontology);
        _resolveInCountry = resolveInCountry;
        _countryOfName = countryOfName;
    }

    /// <summary>An annotator over the embedded ontology.</summary>
    public static EventAnnotator CreateDefault(CountryActorResolver? resolveInCountry = null, CountryNameResolver? countryOfName = null) =>
        new(EventOntology.LoadDefault(), resolveInCountry, countryOfName, SubTypeModel.LoadDefault(),
            new Lazy<AttributionModel?>(AttributionModel.LoadDefault));

    /// <inheritdoc />
    public string Name => "events";
    /// <inheritdoc />
    public IReadOnlyList<string> Reads { get; } = [Layers.Tokens, Layers.Sentences, Layers.Actors, Layers.Times, Layers.Places];
    /// <inheritdoc />
    public IReadOnlyList<string> Writes { get; } = [Layers.Events, Layers.Quotes];

    /// <summary>This annotator with another attribution model (to score a candidate model on held-out articles).</summary>
    public EventAnnotator WithAttributionModel(AttributionModel? model) =>
        new(_ontology, _resolveInCountry, _countryOfName, _subTypeModel, model) { SubTypeStrategy = SubTypeStrategy };

    /// <inheritdoc />
    public Document Annotate(Document document)
    {
        var view = new DocumentView(document);
        var quotes = QuoteFinder.Find(view);
        // Events are coded against direct quotes only: "officials said 20 people were killed" is a report of an
        // event, while talk in quotation marks may be rhetoric; reported speech is added for the record after.
        var events = Code(view, quotes);
        MarkQuotedClaims(view, events, quotes);
        AddAttributions(view, quotes);
        return document with { Events = events, Quotes = quotes };
    }

    /// <summary>The quotes <see cref="Annotate"/> finds, without coding events (to time the quote stage alone).</summary>
    public IReadOnlyList<Quote> FindQuotes(Document document)
    {
        var view = new DocumentView(document);
        var quotes = QuoteFinder.Find(view);
        AddAttributions(view, quotes);
        return quotes;
    }

    // Attributions are added after events are coded: claims of responsibility come from direct quotes only.
    private void AddAttributions(DocumentView view, List<Quote> quotes)
    {
        if (_attributionModel.Value is not { } model) return;
        quotes.AddRange(AttributionFinder.Find(view, model, quotes));
        quotes.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        AttributionFinder.ContinueSpeakers(quotes);
    }

    /// <summary>How <see cref="ClassifySubType(Document)"/> decides (default: chosen on the team's dev split).</summary>
    public SubTypeStrategy SubTypeStrategy { get; init; } = SubTypeStrategy.Classifier;

    /// <summary>
    /// The best sub-type for a short snippet (one or a few sentences), or null when nothing points to one. Counts
    /// every modality: a snippet about a planned offensive is still about an offensive.
    /// </summary>
    public string? ClassifySubType(Document document) => ClassifySubType(document, SubTypeStrategy);

    /// <summary>The best sub-type for a short snippet under <paramref name="strategy"/>, or null.</summary>
    public string? ClassifySubType(Document document, SubTypeStrategy strategy)
    {
        var view = new DocumentView(document);
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var features = SubTypeFeatures.Extract(view, _ontology, _chooser, out var best, candidates);
        if (strategy == SubTypeStrategy.Rules || _subTypeModel is not { } model) return best?.Entry.SubEventType;
        var scores = model.Scores(features);
        var restrict = strategy == SubTypeStrategy.ClassifierAmongRuleCandidates && candidates.Count > 0;
        int top = -1, second = -1;
        for (var k = 0; k < scores.Length; k++)
        {
            if (restrict && !candidates.Contains(model.Labels[k])) continue;
            if (top < 0 || scores[k] > scores[top]) { second = top; top = k; }
            else if (second < 0 || scores[k] > scores[second]) second = k;
        }
        if (top < 0) return best?.Entry.SubEventType;
        // Without any trigger the text may be about nothing at all: only a clear winner counts.
        if (candidates.Count == 0 && second >= 0 && scores[top] - scores[second] < MinMarginWithoutTrigger) return null;
        return model.Labels[top];
    }

    /// <summary>Features the sub-type classifier sees for <paramref name="document"/> (for training it).</summary>
    public IReadOnlyList<string> SubTypeFeaturesOf(Document document) =>
        SubTypeFeatures.Extract(new DocumentView(document), _ontology, _chooser, out _, new HashSet<string>(StringComparer.Ordinal));

    private List<ConflictEvent> Code(DocumentView view, List<Quote> quotes)
    {
        var doc = view.Doc;
        var events = new List<ConflictEvent>();
        var sentences = new List<int>();
        var matches = new List<TriggerMatch>();
        var viable = new List<TriggerMatch>();
        var lastSentence = -1;
        var country = MainCountry(doc);
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            matches.Clear();
            _ontology.Matcher.Find(doc, sentence.FirstToken, sentence.EndToken, matches);
            if (matches.Count == 0)
            {
                if (events.Count > 0) Coreference.AddDenial(view, s, events, sentences, _countryOfName);
                continue;
            }
            // "Airstrike", "Civilians reported killed": a label of a fact box or a list, not a report of anything.
            if (sentence.EndToken - sentence.FirstToken <= MaxLabelTokens && !EndsAsSentence(view, sentence.EndToken - 1)) continue;
            ReportFilter.RemoveBackground(view, sentence.FirstToken, sentence.EndToken, matches);
            if (_chooser.Choose(view, s, matches, viable) is not { } chosen) continue;
            var coded = CodeOne(view, s, chosen, viable, country);
            if (coded.Modality.IsCounted() && (ReportFilter.IsGeneralStatement(view, s, chosen.Match, quotes)
                || ReportFilter.IsTopic(view, s, chosen.Match, coded, Coreference.HasOwnPlace(view, s)))) continue;
            if (IsCasualtyReport(view, chosen))
            {
                // "Twelve people were killed." after an event of the same paragraph tells its toll, not a new event.
                if (lastSentence >= 0 && view.Paragraph[lastSentence] == view.Paragraph[s] && s - lastSentence <= 2)
                {
                    events[^1] = EventMerger.AddCasualties(events[^1], coded);
                    continue;
                }
                // "Multiple sources said at least five children were killed." later in a story about one strike:
                // a toll with no date, place, perpetrator or "separate incident" of its own adds to the latest
                // event rather than standing as an event nobody could date, map or merge.
                if (LatestCounted(events) is var latest and >= 0 && !HasOwnAnchor(view, s, coded))
                {
                    events[latest] = EventMerger.AddCasualties(events[latest], coded);
                    continue;
                }
                if (coded.FatalitiesMax == 0 || coded.InjuredMax == 0) continue;
            }
            if (Coreference.IsAnaphoric(view, s, chosen.Match))
            {
                if (Coreference.Antecedent(view, s, chosen.Match, coded, events) is var k and >= 0)
                {
                    events[k] = EventMerger.AddAnaphor(events[k], coded);
                    continue;
                }
            }
            else if (Coreference.SameAsViable(view, s, chosen, viable, coded, events) is var j and >= 0)
            {
                // "SDF fighters repelled the attack": the verb answers the event "the attack" points back at.
                events[j] = EventMerger.AddAnaphor(events[j], coded);
                continue;
            }
            if (coded.Place is not { Kind: PlaceKind.PopulatedPlace or PlaceKind.Admin2 or PlaceKind.Feature }
                && Coreference.NamesMainTown(view, s) && Coreference.MainPlace(view, events) is { } main)
                coded = coded with { Place = main.Place, GeoPrecision = main.Precision };
            events.Add(coded);
            sentences.Add(s);
            lastSentence = s;
        }
        return EventMerger.Merge(events, doc.Text);
    }

    // Sentences this short without closing punctuation are labels ("Airstrike", "Civilians reported killed").
    private const int MaxLabelTokens = 3;

    private static bool EndsAsSentence(DocumentView view, int lastToken) => view.Word(lastToken) is "." or "!" or "?" or "\"" or "”" or "'" or "’";

    private static int LatestCounted(List<ConflictEvent> events)
    {
        for (var k = events.Count - 1; k >= 0; k--)
            if (events[k].Modality.IsCounted()) return k;
        return -1;
    }

    /// <summary>True when a sentence dates, places or attributes its own report, or says it is another incident.</summary>
    private static bool HasOwnAnchor(DocumentView view, int s, ConflictEvent coded)
    {
        if (coded.Actor1 is not null || view.Times[s].Count > 0 || Coreference.HasOwnPlace(view, s)) return true;
        var sentence = view.Doc.Sentence(s);
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            if (view.In(i, EventLexicon.OtherIncident)) return true;
        return false;
    }

    /// <summary>The country most place mentions of the document are in, or null when it mentions none.</summary>
    private static string? MainCountry(Document doc)
    {
        if (doc.Places.Count == 0) return null;
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in doc.Places) votes[p.Place.CountryCode] = votes.GetValueOrDefault(p.Place.CountryCode) + 1;
        string? best = null;
        var bestVotes = 0;
        foreach (var (c, n) in votes)
            if (n > bestVotes || (n == bestVotes && string.CompareOrdinal(c, best) < 0)) (best, bestVotes) = (c, n);
        return best;
    }

    /// <summary>
    /// The actor a mention stands for in this document: "the militants" after "Islamic State militants" is the group
    /// named last; "Government forces shelled Douma" — a generic state force in a story set in one country is that
    /// country's force, as the actor dictionary names it (the event's own place decides before the main country).
    /// </summary>
    private string? ResolveActor(Document doc, Placed<ActorMention>? mention, string? country)
    {
        if (mention is not { } m) return null;
        var actor = m.Mention.Actor;
        if (actor.IsGeneric && IsNonState(actor.Kind) && Antecedent(doc, m) is { } named) return named.Id;
        if (!actor.IsGeneric || actor.Kind != ActorKind.StateForces || country is null || _resolveInCountry is null) return actor.Id;
        var resolved = _resolveInCountry(doc, m.StartToken, m.EndToken, country);
        return resolved is { IsGeneric: false } r && r.Country == country ? r.Id : actor.Id;
    }

    /// <summary>"We ambushed a convoy," said the SDF: a party's own account, quoted, is a claim.</summary>
    private static void MarkQuotedClaims(DocumentView view, List<ConflictEvent> events, List<Quote> quotes)
    {
        if (quotes.Count == 0) return;
        for (var k = 0; k < events.Count; k++)
        {
            var e = events[k];
            if (!e.Modality.IsCounted()) continue;
            foreach (var q in quotes)
            {
                if (!q.Range.Contains(e.Trigger) || q.SpeakerRange is not { } speaker) continue;
                foreach (var a in view.Doc.Actors)
                {
                    if (!a.Range.Overlaps(speaker) || !SubTypeChooser.IsConflictParty(a.Actor)) continue;
                    events[k] = e with { Modality = Modality.Claimed, Actor1 = e.Actor1 ?? a.Actor.Id, Evidence = [.. e.Evidence, speaker] };
                    break;
                }
                break;
            }
        }
    }

    private static bool IsNonState(ActorKind kind) => kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia;

    /// <summary>"...Islamic State militants... retook the city from the militants": the group named last before a definite generic mention.</summary>
    private static Actor? Antecedent(Document doc, Placed<ActorMention> m)
    {
        var start = m.Range.Start;
        if (m.StartToken == 0 || !TriggerMatcher.Word(doc, m.StartToken - 1).Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        for (var k = doc.Actors.Count - 1; k >= 0; k--)
        {
            var a = doc.Actors[k];
            if (a.Range.Start >= start) continue;
            if (!a.Actor.IsGeneric && IsNonState(a.Actor.Kind)) return a.Actor;
        }
        return null;
    }

    /// <summary>A trigger that is only a casualty word ("killed", "died") of low priority.</summary>
    private static bool IsCasualtyReport(DocumentView view, ChosenTrigger chosen)
    {
        var m = chosen.Match;
        if (chosen.Entry.Priority >= CasualtyOnlyPriority || m.EndToken - m.StartToken != 1) return false;
        return view.In(m.StartToken, EventLexicon.Fatal) || view.In(m.StartToken, EventLexicon.Injured);
    }

    // Rows at or above this priority name a kind of violence, not just its toll.
    private const int CasualtyOnlyPriority = 60;

    private static bool SameActor(Placed<ActorMention> a, Placed<ActorMention>? b) =>
        b is { } x && string.Equals(a.Mention.Actor.Id, x.Mention.Actor.Id, StringComparison.Ordinal);

    private ConflictEvent CodeOne(DocumentView view, int s, ChosenTrigger chosen, List<TriggerMatch> matches, string? mainCountry)
    {
        var doc = view.Doc;
        var sentence = doc.Sentence(s);
        int first = sentence.FirstToken, end = sentence.EndToken;
        var m = chosen.Match;
        var subType = chosen.Entry.SubEventType;
        var eventType = AcledTaxonomy.EventTypeOf[subType];
        var violent = eventType is AcledTaxonomy.Battles or AcledTaxonomy.ExplosionsRemoteViolence
            or AcledTaxonomy.ViolenceAgainstCivilians || subType == "Mob violence";

        var modality = ModalityDetector.Detect(view, s, first, end, m);
        var roles = RoleFinder.Find(view, s, first, end, m, violent);
        // A nominal trigger ("in an ambush") leaves roles open that a verb of the same sentence fills ("were killed by X").
        foreach (var other in matches)
        {
            if (roles.Actor1 is not null && roles.Actor2 is not null) break;
            if (other.StartToken == m.StartToken) continue;
            var more = RoleFinder.Find(view, s, first, end, other, violent);
            if (roles.Actor1 is null && more.Actor1 is { } a1 && !SameActor(a1, roles.Actor2)) roles = roles with { Actor1 = a1 };
            if (roles.Actor2 is null && more.Actor2 is { } a2 && !SameActor(a2, roles.Actor1)) roles = roles with { Actor2 = a2 };
        }
        var casualties = CasualtyCounter.Count(view, first, end, m, matches, _ontology.Entries);
        var date = DateAttacher.Attach(view, s, m);
        var place = PlaceAttacher.Attach(view, s, m);

        var country = place.Place?.CountryCode ?? mainCountry;
        var actor1 = ResolveActor(doc, roles.Actor1, country);
        if (modality.Claims.Count > 0) actor1 = ResolveActor(doc, modality.Blamed, country);
        else if (actor1 is null && modality.ClaimantActed && modality.Claimant is { } claimant) actor1 = ResolveActor(doc, claimant, country);
        var actor2 = ResolveActor(doc, roles.Actor2, country);
        if (actor2 is not null && actor2 == actor1) actor2 = null;

        var civilianTargeting = violent && (eventType == AcledTaxonomy.ViolenceAgainstCivilians
            || roles.Actor2?.Mention.Actor.Kind == ActorKind.Civilians || casualties.CivilianVictims
            || (chosen.Entry.Constraint & EventConstraint.Civilians) != 0);
        if (civilianTargeting && actor2 is null) actor2 = "Civilians";
        if (actor1 is not null && actor1 == actor2) actor2 = null;

        var trigger = new TextRange(doc.TokenStarts[m.StartToken], doc.TokenEnds[m.EndToken - 1]);
        var evidence = new List<TextRange>(8) { sentence.Range, trigger };
        void Add(TextRange? r) { if (r is { } x && !evidence.Contains(x)) evidence.Add(x); }
        Add(roles.Actor1?.Range);
        Add(roles.Actor2?.Range);
        Add(modality.Claimant?.Range);
        Add(modality.Blamed?.Range);
        Add(modality.Cue);
        Add(date.Evidence);
        Add(place.Evidence);
        Add(casualties.Fatal?.Range);
        Add(casualties.Injured?.Range);

        return new ConflictEvent
        {
            SubEventType = subType,
            Plover = chosen.Entry.Plover == "-" ? null : chosen.Entry.Plover,
            Cameo = chosen.Entry.Cameo == "-" ? null : chosen.Entry.Cameo,
            Trigger = trigger,
            Date = date.Date,
            Actor1 = actor1,
            Actor2 = actor2,
            Place = place.Place,
            GeoPrecision = place.GeoPrecision,
            FatalitiesMin = casualties.Fatal?.Min,
            FatalitiesMax = casualties.Fatal?.Max,
            InjuredMin = casualties.Injured?.Min,
            InjuredMax = casualties.Injured?.Max,
            CivilianTargeting = civilianTargeting,
            Modality = modality.Modality,
            Claims = modality.Claims,
            Evidence = evidence,
        };
    }
}
