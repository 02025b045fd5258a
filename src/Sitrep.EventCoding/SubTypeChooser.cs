using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>The sub-type chosen for a sentence: the winning ontology row and its trigger.</summary>
internal readonly record struct ChosenTrigger(OntologyEntry Entry, TriggerMatch Match);

/// <summary>
/// Picks one sub-type per sentence: of the patterns found, drop those inside a longer match ("hunger strike"
/// hides "strike"), drop rows whose constraint the sentence does not meet, keep the highest priority (earliest on ties).
/// </summary>
internal sealed class SubTypeChooser(EventOntology ontology)
{
    /// <summary>The winning trigger; <paramref name="viable"/> receives every match whose constraint holds.</summary>
    public ChosenTrigger? Choose(DocumentView view, int s, List<TriggerMatch> matches, List<TriggerMatch> viable)
    {
        viable.Clear();
        if (matches.Count == 0) return null;
        var sentence = view.Doc.Sentence(s);
        var sentenceFlags = SentenceFlags(view, s, sentence.FirstToken, sentence.EndToken);
        ChosenTrigger? best = null;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (IsInsideLonger(matches, i)) continue;
            var entry = ontology.Entries[m.Entry];
            var flags = sentenceFlags | (entry.Constraint & (EventConstraint.State | EventConstraint.NonState)) switch
            {
                EventConstraint.None => EventConstraint.None,
                _ => SideFlags(view, s, sentence.FirstToken, sentence.EndToken, m),
            };
            if ((flags & entry.Constraint) != entry.Constraint) continue;
            viable.Add(m);
            if (best is { } b && b.Entry.Priority >= entry.Priority) continue;
            best = new ChosenTrigger(entry, m);
        }
        return best;
    }

    private static bool IsInsideLonger(List<TriggerMatch> matches, int i)
    {
        var m = matches[i];
        foreach (var o in matches)
        {
            var longer = o.EndToken - o.StartToken > m.EndToken - m.StartToken;
            if (longer && o.StartToken <= m.StartToken && m.EndToken <= o.EndToken) return true;
        }
        return false;
    }

    /// <summary>Armed/civilians/protest/force: from actor mentions in the sentence, else from lexicon words.</summary>
    internal static EventConstraint SentenceFlags(DocumentView view, int s, int first, int end)
    {
        var flags = EventConstraint.None;
        foreach (var a in view.Actors[s])
        {
            var kind = a.Mention.Actor.Kind;
            if (IsArmed(kind)) flags |= EventConstraint.Armed;
            if (kind == ActorKind.Civilians) flags |= EventConstraint.Civilians;
            if (kind is ActorKind.Protesters or ActorKind.Rioters) flags |= EventConstraint.Protest;
            if (kind == ActorKind.StateForces) flags |= EventConstraint.Force;
        }
        for (var i = first; i < end; i++)
        {
            var w = view.Word(i);
            if (EventLexicon.Armed.Contains(w)) flags |= EventConstraint.Armed;
            if (EventLexicon.Civilians.Contains(w)) flags |= EventConstraint.Civilians;
            if (EventLexicon.Protest.Contains(w)) flags |= EventConstraint.Protest;
            if (EventLexicon.Force.Contains(w)) flags |= EventConstraint.Force;
            if (EventLexicon.Aircraft.Contains(w)) flags |= EventConstraint.Air;
        }
        return flags;
    }

    /// <summary>State or non-state: the nearest actor (mention or word) before the trigger, else after "by".</summary>
    internal static EventConstraint SideFlags(DocumentView view, int s, int first, int end, TriggerMatch m)
    {
        for (var i = m.StartToken - 1; i >= first; i--)
        {
            if (view.In(i, EventLexicon.Speech)) break;
            var side = SideAt(view, s, i);
            if (side != EventConstraint.None) return side;
        }
        for (var i = m.EndToken; i < end - 1 && i < m.EndToken + 3; i++)
        {
            if (!view.Is(i, "by")) continue;
            for (var k = i + 1; k < end && k < i + 6; k++)
            {
                var side = SideAt(view, s, k);
                if (side != EventConstraint.None) return side;
            }
        }
        return EventConstraint.None;
    }

    private static EventConstraint SideAt(DocumentView view, int s, int i)
    {
        if (view.ActorAt(s, i) is { } a)
        {
            var kind = a.Mention.Actor.Kind;
            if (kind is ActorKind.StateForces or ActorKind.ExternalForces) return EventConstraint.State;
            if (kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia) return EventConstraint.NonState;
        }
        var w = view.Word(i);
        if (EventLexicon.NonState.Contains(w)) return EventConstraint.NonState;
        if (EventLexicon.State.Contains(w)) return EventConstraint.State;
        return EventConstraint.None;
    }

    /// <summary>A named armed actor: a party to the conflict whose own account is a claim.</summary>
    internal static bool IsConflictParty(Actor actor) => !actor.IsGeneric && IsArmed(actor.Kind);

    /// <summary>True for actor kinds that fight (unknown counts: dictionary gaps are usually armed groups).</summary>
    internal static bool IsArmed(ActorKind kind) =>
        kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters);
}
