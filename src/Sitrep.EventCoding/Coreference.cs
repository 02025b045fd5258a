using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Links later sentences to events already coded in the document: a definite mention of an event ("the strikes",
/// "the shelling", "the attack") is the same event, not a new one; a denial by the party an event is attributed to
/// ("Russia's defence ministry denied that its aircraft...") makes responsibility disputed; "the city" with no name
/// is the document's main town (the first event's town, else the dateline's).
/// </summary>
internal static class Coreference
{
    private const int ModifierReach = 2;
    private const int DenialReach = 2;
    private const int DatelineSentences = 5;

    /// <summary>True when the trigger is a noun introduced by a definite determiner ("the air strikes", "this attack").</summary>
    public static bool IsAnaphoric(DocumentView view, int s, TriggerMatch m)
    {
        // "the army shelled", "the town was shelled": a verb trigger is a new report, whatever precedes it.
        if (view.Word(m.StartToken).EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return false;
        var first = view.Doc.Sentence(s).FirstToken;
        for (var i = m.StartToken - 1; i >= first && i >= m.StartToken - ModifierReach; i--)
        {
            if (view.In(i, EventLexicon.Definite)) return true;
            // One adjective may sit between ("the deadly attack"), not a subject or an auxiliary ("the army would shell").
            var w = view.Word(i);
            if (!char.IsLower(w[0]) || view.In(i, EventLexicon.Passive) || view.In(i, EventLexicon.ModalAuxiliaries)
                || view.In(i, EventLexicon.Armed) || view.In(i, EventLexicon.Negation) || view.ActorAt(s, i) is not null) return false;
        }
        return false;
    }

    /// <summary>
    /// Index of the event a definite mention refers to: the latest counted one of the same sub-type (any sub-type for a
    /// general noun such as "the attack") whose date does not disagree and whose place does not disagree with a place
    /// named in the mention's own sentence; -1 when none.
    /// </summary>
    public static int Antecedent(DocumentView view, int s, TriggerMatch m, ConflictEvent mention, List<ConflictEvent> events)
    {
        var general = view.In(m.EndToken - 1, EventLexicon.GeneralEventNouns);
        var ownPlace = HasOwnPlace(view, s);
        for (var k = events.Count - 1; k >= 0; k--)
        {
            var e = events[k];
            if (!e.Modality.IsCounted()) continue;
            if (!general && !string.Equals(e.SubEventType, mention.SubEventType, StringComparison.Ordinal)) continue;
            if (e.Date.IsResolved && mention.Date.IsResolved && !e.Date.Overlaps(mention.Date)) continue;
            if (ownPlace && EventMerger.PlaceRelation(e.Place, mention.Place) < 0) continue;
            return k;
        }
        return -1;
    }

    /// <summary>
    /// Index of the event that another trigger of the sentence points back at with a definite mention of the same
    /// sub-type as <paramref name="coded"/> ("repelled the attack" after "fighters attacked positions"); -1 when none.
    /// </summary>
    public static int SameAsViable(DocumentView view, int s, ChosenTrigger chosen, List<TriggerMatch> viable, ConflictEvent coded, List<ConflictEvent> events)
    {
        if (events.Count == 0) return -1;
        foreach (var m in viable)
        {
            if (m.StartToken == chosen.Match.StartToken || !IsAnaphoric(view, s, m)) continue;
            var k = Antecedent(view, s, m, coded, events);
            if (k >= 0 && string.Equals(events[k].SubEventType, coded.SubEventType, StringComparison.Ordinal)) return k;
        }
        return -1;
    }

    /// <summary>
    /// A sentence without a trigger that denies, by the party the latest event is attributed to, shortly after it:
    /// the event stays asserted and the competing attributions become its claims.
    /// </summary>
    public static void AddDenial(DocumentView view, int s, List<ConflictEvent> events, List<int> sentences, CountryNameResolver? countryOfName = null)
    {
        var e = events[^1];
        if (e.Actor1 is not { } accused || !e.Modality.IsCounted() || s - sentences[^1] > DenialReach) return;
        var sentence = view.Doc.Sentence(s);
        var denyAt = -1;
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            if (view.In(i, EventLexicon.Denial)) { denyAt = i; break; }
        if (denyAt < 0 || !IsAccused(view, s, denyAt, accused, countryOfName)) return;

        var claims = new List<string>(e.Claims);
        var blame = $"unnamed sources blame {accused}";
        var denial = $"{accused} denies";
        if (!claims.Exists(c => c.Contains(" blame ", StringComparison.Ordinal))) claims.Add(blame);
        if (!claims.Contains(denial)) claims.Add(denial);
        var evidence = new List<TextRange>(e.Evidence);
        if (!evidence.Contains(sentence.Range)) evidence.Add(sentence.Range);
        evidence.Add(view.Doc.Token(denyAt).Range);
        events[^1] = e with { Claims = claims, Evidence = evidence };
    }

    // The denier is the accused actor itself, or its country ("Russia's defence ministry" for Russian jets).
    private static bool IsAccused(DocumentView view, int s, int denyAt, string accused, CountryNameResolver? countryOfName)
    {
        string? country = null;
        foreach (var a in view.Doc.Actors)
            if (string.Equals(a.Actor.Id, accused, StringComparison.Ordinal)) { country = a.Actor.Country; break; }
        foreach (var a in view.Actors[s])
        {
            if (a.StartToken >= denyAt) break;
            if (string.Equals(a.Mention.Actor.Id, accused, StringComparison.Ordinal)) return true;
            if (country is not null && a.Mention.Actor.Country == country && !a.Mention.Actor.IsGeneric) return true;
        }
        if (country is null) return false;
        foreach (var p in view.Places[s])
            if (p.StartToken < denyAt && p.Mention.Place.Kind == PlaceKind.Country && p.Mention.Place.CountryCode == country) return true;
        // A country named as the speaker is no place mention ("Russia's defence ministry"): ask by name.
        if (countryOfName is null) return false;
        foreach (var e in view.Doc.Entities)
            if (e.Range.Start < view.Doc.TokenStarts[denyAt] && view.Doc.SentenceIndexAt(e.Range.Start) == s
                && e.Type is EntityType.LOC or EntityType.ORG && countryOfName(e.Text) == country) return true;
        return false;
    }

    /// <summary>The document's main town: the first counted event's town, else the dateline's ("MOSUL, Iraq —").</summary>
    public static (Place Place, int Precision)? MainPlace(DocumentView view, List<ConflictEvent> events)
    {
        foreach (var e in events)
            if (e.Modality.IsCounted() && e.Place is { Kind: PlaceKind.PopulatedPlace } p) return (p, 1);
        for (var s = 0; s < view.Doc.SentenceCount && s < DatelineSentences; s++)
        {
            var first = view.Doc.Sentence(s).FirstToken;
            foreach (var p in view.Places[s])
                if (p.StartToken == first && p.Mention.Place.Kind == PlaceKind.PopulatedPlace && p.EndToken < view.Doc.TokenCount && view.Is(p.EndToken, ","))
                    return (p.Mention.Place, 1);
        }
        return null;
    }

    /// <summary>True when the sentence speaks of "the city" / "the town" without naming it ("the city of X" names it).</summary>
    public static bool NamesMainTown(DocumentView view, int s)
    {
        var sentence = view.Doc.Sentence(s);
        for (var i = sentence.FirstToken; i + 1 < sentence.EndToken; i++)
        {
            if (!view.Is(i, "the") || !view.In(i + 1, EventLexicon.SettlementNouns)) continue;
            if (i + 2 < sentence.EndToken && view.Is(i + 2, "of")) continue;
            return true;
        }
        return false;
    }

    /// <summary>True when the sentence names a place that is not part of an actor's name.</summary>
    public static bool HasOwnPlace(DocumentView view, int s)
    {
        foreach (var p in view.Places[s])
        {
            var inActor = false;
            foreach (var a in view.Actors[s])
                if (a.Range.Overlaps(p.Range)) { inActor = true; break; }
            if (!inActor) return true;
        }
        return false;
    }
}
