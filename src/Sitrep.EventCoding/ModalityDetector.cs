using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>Whether the event took place, who claims it, and competing attributions.</summary>
/// <param name="ClaimantActed">True when the claimant claims to have done it ("claimed responsibility", "said it killed").</param>
internal readonly record struct ModalityFinding(Modality Modality, Placed<ActorMention>? Claimant,
    Placed<ActorMention>? Blamed, IReadOnlyList<string> Claims, TextRange? Cue, bool ClaimantActed = false);

/// <summary>
/// Reads the cues around a trigger. Negation of occurrence ("no strikes were launched") is hypothetical, as
/// <see cref="Modality.Hypothetical"/> says: not an event, kept for the record. Plans, threats and conditionals
/// come from the nearest cue before the trigger in the sentence. A party to the conflict saying it did something
/// is a claim; denying it is a denial — unless someone else blames them, which makes responsibility disputed:
/// the event is asserted, actor1 left open, and the competing attributions kept as claims.
/// </summary>
internal static class ModalityDetector
{
    private const int Window = 22;
    private const int AuxiliaryWindow = 6;
    private const int NegationWindow = 4;

    public static ModalityFinding Detect(DocumentView view, int s, int first, int end, TriggerMatch trigger)
    {
        var none = Array.Empty<string>();
        if (IsNegated(view, first, trigger)) return new(Modality.Hypothetical, null, null, none, Range(view, trigger.StartToken - 1));

        var blameAt = -1;
        var denyAt = -1;
        for (var i = first; i < end; i++)
        {
            if (blameAt < 0 && view.In(i, EventLexicon.Blame)) blameAt = i;
            if (denyAt < 0 && view.In(i, EventLexicon.Denial)) denyAt = i;
        }
        if (blameAt >= 0)
        {
            var blamer = ActorBefore(view, s, first, blameAt);
            var blamed = ActorAfter(view, s, blameAt + 1, end);
            var claims = new List<string>();
            if (blamed is { } b)
            {
                claims.Add($"{blamer?.Mention.Actor.Id ?? "unnamed sources"} blame {b.Mention.Actor.Id}");
                if (denyAt >= 0) claims.Add($"{b.Mention.Actor.Id} denies");
            }
            // Disputed responsibility is not a modality: the event happened, who did it is contested.
            return new(Modality.Asserted, null, denyAt >= 0 ? null : blamed, claims, Range(view, blameAt));
        }
        if (denyAt >= 0 && denyAt < trigger.StartToken)
            return new(Modality.Denied, null, null, none, Range(view, denyAt));

        for (var i = trigger.StartToken - 1; i >= first && i >= trigger.StartToken - Window; i--)
        {
            if (view.Is(i, ";")) break;
            var w = view.Word(i);
            if (EventLexicon.Claim.Contains(w) || EventLexicon.Speech.Contains(w))
            {
                var speaker = Speaker(view, s, first, end, i);
                var acted = EventLexicon.Claim.Contains(w) || (i + 1 < end && view.In(i + 1, EventLexicon.SelfReference));
                if (speaker is { } sp && SubTypeChooser.IsConflictParty(sp.Mention.Actor))
                    return new(Modality.Claimed, sp, null, none, Range(view, i), acted);
                if (EventLexicon.Claim.Contains(w) && speaker is not null)
                    return new(Modality.Claimed, speaker, null, none, Range(view, i), acted);
                // A neutral source reporting it: cues before the speech verb belong to the source, not the event.
                break;
            }
            if (EventLexicon.ModalCues.TryGet(w, out var modality))
            {
                if (EventLexicon.ModalAuxiliaries.Contains(w) && trigger.StartToken - i > AuxiliaryWindow) continue;
                // "may" as a month ("May 5") is no cue.
                if (w is "May" && i + 1 < end && char.IsAsciiDigit(view.Word(i + 1)[0])) continue;
                return new(modality, null, null, none, Range(view, i));
            }
            if (EventLexicon.PlannedBeforeTo.Contains(w) && i + 1 < trigger.StartToken && view.Is(i + 1, "to"))
                return new(Modality.Planned, null, null, none, Range(view, i));
        }

        // "forces battling to retake Raqqa", "voted to launch strikes": an infinitive is an aim, unless it was achieved
        // ("managed to retake").
        var to = trigger.StartToken - 1;
        if (to > first && view.In(to, EventLexicon.InfinitiveBridge) && view.Is(to - 1, "to")) to--;
        if (to > first && view.Is(to, "to") && !view.In(to - 1, EventLexicon.Completion) && !view.In(to - 1, EventLexicon.Passive))
            return new(Modality.Planned, null, null, none, Range(view, to));

        // "the offensive will be", "strikes could follow".
        for (var i = trigger.EndToken; i < end && i <= trigger.EndToken + 1; i++)
            if (EventLexicon.ModalAuxiliaries.Contains(view.Word(i)) && EventLexicon.ModalCues.TryGet(view.Word(i), out var after))
                return new(after, null, null, none, Range(view, i));

        // "..., according to the SDF" / "..., the army said" after the trigger.
        for (var i = trigger.EndToken; i < end; i++)
        {
            if (!view.In(i, EventLexicon.Speech) && !view.In(i, EventLexicon.Claim)) continue;
            var speaker = Speaker(view, s, first, end, i);
            if (speaker is { } sp && SubTypeChooser.IsConflictParty(sp.Mention.Actor))
                return new(Modality.Claimed, sp, null, none, Range(view, i));
            break;
        }
        return new(Modality.Asserted, null, null, none, null);
    }

    private static TextRange? Range(DocumentView view, int token) =>
        token >= 0 && token < view.Doc.TokenCount ? view.Doc.Token(token).Range : null;

    /// <summary>"no strikes", "no air strikes", "did not attack", "were not launched" — negation governing the trigger.</summary>
    private static bool IsNegated(DocumentView view, int first, TriggerMatch trigger)
    {
        for (var i = trigger.StartToken - 1; i >= first && i >= trigger.StartToken - NegationWindow; i--)
        {
            if (view.In(i, EventLexicon.Negation))
            {
                // "No civilians were killed" negates the victims (a count of 0), not the event.
                if (view.Is(i, "no") && i + 1 < trigger.StartToken && view.In(i + 1, EventLexicon.Civilians)) return false;
                return true;
            }
            if (view.Word(i) is "," or ";" or ".") return false;
        }
        return false;
    }

    private static Placed<ActorMention>? Speaker(DocumentView view, int s, int first, int end, int verb)
    {
        if (view.Is(verb, "according"))
            return ActorAfter(view, s, verb + 1, Math.Min(end, verb + 6));
        // "X said", "X claimed responsibility" — the actor right before; else "said X".
        var before = ActorBefore(view, s, Math.Max(first, verb - 4), verb);
        if (before is not null) return before;
        // Inverted "..., said the army" only after a comma or a closing quote.
        var inverted = verb > first && view.Word(verb - 1) is "," or "\"" or "”";
        return inverted ? ActorAfter(view, s, verb + 1, Math.Min(end, verb + 4)) : null;
    }

    private static Placed<ActorMention>? ActorBefore(DocumentView view, int s, int from, int to)
    {
        Placed<ActorMention>? found = null;
        foreach (var a in view.Actors[s])
            if (a.StartToken >= from && a.EndToken <= to) found = a;
        return found;
    }

    private static Placed<ActorMention>? ActorAfter(DocumentView view, int s, int from, int to)
    {
        foreach (var a in view.Actors[s])
            if (a.StartToken >= from && a.StartToken < to) return a;
        return null;
    }
}
