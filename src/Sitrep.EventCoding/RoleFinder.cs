using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>Who acted and against whom, with the mentions they came from.</summary>
internal readonly record struct Roles(Placed<ActorMention>? Actor1, Placed<ActorMention>? Actor2);

/// <summary>
/// Assigns actor1/actor2 from the sentence around the trigger: active ("X jets struck Y"), passive ("were killed by
/// X"), nominal ("airstrikes by X on Y"), "against/targeting/on Y". Modifiers ("US-led", "Iran-backed") give way
/// to the actor they modify, and parentheticals (", backed by coalition jets,") are skipped.
/// </summary>
internal static class RoleFinder
{
    private const int Window = 14;
    private const int AgentReach = 4;
    private const int SpeakerReach = 4;

    public static Roles Find(DocumentView view, int s, int first, int end, TriggerMatch trigger, bool violent)
    {
        var actors = view.Actors[s];
        if (actors.Count == 0) return default;

        Placed<ActorMention>? agentAfterBy = null;
        var byToken = -1;
        // "killed by X", "airstrikes by X", "the strikes were carried out by X", "killed allegedly by X" — not "an
        // attack by X" further on.
        for (var i = trigger.EndToken; i < end && i <= trigger.EndToken + AgentReach; i++)
        {
            if (view.Is(i, "by")) { byToken = i; break; }
            if (!IsAdverb(view, i) && !view.In(i, EventLexicon.AgentBridge)) break;
        }
        if (byToken >= 0) agentAfterBy = FirstAfter(view, actors, byToken + 1, Math.Min(end, byToken + 7), null);

        // "were bombing", "have been shelling" are active: an auxiliary before an -ing form makes no passive.
        var progressive = view.Word(trigger.StartToken).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        var passive = byToken >= 0 || (!progressive && trigger.StartToken > first && view.In(trigger.StartToken - 1, EventLexicon.Passive))
            || (!progressive && trigger.StartToken > first + 1 && view.In(trigger.StartToken - 2, EventLexicon.Passive) && IsAdverb(view, trigger.StartToken - 1));
        var before = NearestBefore(view, actors, first, trigger.StartToken);

        Placed<ActorMention>? actor1, actor2;
        if (passive && agentAfterBy is not null && IsVerbal(view, trigger.StartToken - 1, first))
        {
            actor1 = agentAfterBy;
            actor2 = before;
        }
        else if (passive && agentAfterBy is null)
        {
            actor1 = null;
            actor2 = before;
        }
        else
        {
            actor1 = agentAfterBy ?? before;
            actor2 = TargetAfter(view, actors, trigger.EndToken, end, actor1);
            if (agentAfterBy is { } ag && actor2 is null && before is { } bf && !Same(bf, ag)) actor2 = before;
        }

        // Civilians do not attack: as the only actor of a violent event they are its victims.
        if (violent && actor1 is { } a1 && a1.Mention.Actor.Kind == ActorKind.Civilians)
        {
            if (actor2 is null) actor2 = actor1;
            actor1 = null;
        }
        if (actor1 is not null && actor2 is not null && Same(actor1.Value, actor2.Value)) actor2 = null;
        return new Roles(actor1, actor2);
    }

    private static bool Same(Placed<ActorMention> a, Placed<ActorMention> b) =>
        string.Equals(a.Mention.Actor.Id, b.Mention.Actor.Id, StringComparison.Ordinal);

    private static bool IsAdverb(DocumentView view, int i) => view.Word(i).EndsWith("ly", StringComparison.OrdinalIgnoreCase);

    // "were killed by X" (verbal) versus "airstrikes by X" (nominal): only the former makes the subject a victim.
    private static bool IsVerbal(DocumentView view, int beforeTrigger, int first) =>
        beforeTrigger >= first && (view.In(beforeTrigger, EventLexicon.Passive) || IsAdverb(view, beforeTrigger));

    /// <summary>The nearest head actor before the trigger, not past a speech verb and not inside a parenthetical.</summary>
    private static Placed<ActorMention>? NearestBefore(DocumentView view, List<Placed<ActorMention>> actors, int first, int trigger)
    {
        var stop = first;
        for (var i = trigger - 1; i >= first && i >= trigger - Window; i--)
        {
            if (view.In(i, EventLexicon.Speech) || view.Is(i, ";")) { stop = i + 1; break; }
            stop = i;
        }
        for (var k = actors.Count - 1; k >= 0; k--)
        {
            var a = actors[k];
            if (a.StartToken >= trigger || a.StartToken < stop) continue;
            if (IsModifier(view, actors, k)) continue;
            if (InParenthetical(view, a, first, trigger)) continue;
            return a;
        }
        return null;
    }

    /// <summary>The target after the trigger: after against/targeting/on when there is one, else the first actor.</summary>
    private static Placed<ActorMention>? TargetAfter(DocumentView view, List<Placed<ActorMention>> actors, int from, int end, Placed<ActorMention>? actor1)
    {
        var limit = Math.Min(end, from + Window);
        for (var i = from; i < limit; i++)
        {
            if (!view.In(i, EventLexicon.TargetPrepositions)) continue;
            var t = FirstAfter(view, actors, i + 1, Math.Min(end, i + 6), actor1);
            if (t is not null) return t;
        }
        return FirstAfter(view, actors, from, limit, actor1);
    }

    private static Placed<ActorMention>? FirstAfter(DocumentView view, List<Placed<ActorMention>> actors, int from, int limit, Placed<ActorMention>? not)
    {
        for (var k = 0; k < actors.Count; k++)
        {
            var a = actors[k];
            if (a.StartToken < from || a.StartToken >= limit) continue;
            if (not is { } n && Same(a, n)) continue;
            if (IsModifier(view, actors, k)) continue;
            // A speaker after the trigger ("..., said the army") is not a target.
            if (a.StartToken > 0 && view.In(a.StartToken - 1, EventLexicon.Speech)) continue;
            if (IsSource(view, a)) continue;
            return a;
        }
        return null;
    }

    /// <summary>"..., police and hospital sources said": the subject of a speech verb is a source, not a victim.</summary>
    private static bool IsSource(DocumentView view, Placed<ActorMention> a)
    {
        var stop = Math.Min(view.Doc.TokenCount, a.EndToken + SpeakerReach + 1);
        for (var i = a.EndToken; i < stop; i++)
        {
            if (view.In(i, EventLexicon.Speech) || view.In(i, EventLexicon.SourceNouns)) return true;
            if (view.Word(i) is "," or ";" or "." or ":") return false;
        }
        return false;
    }

    /// <summary>"US-led coalition": the US mention modifies the next actor and gives way to it.</summary>
    private static bool IsModifier(DocumentView view, List<Placed<ActorMention>> actors, int k)
    {
        var a = actors[k];
        if (k + 1 >= actors.Count || actors[k + 1].StartToken > a.EndToken + 3) return false;
        var text = view.Doc.Text;
        var end = a.Range.End;
        // "US-led" as one token or "US - led": the mention ends at a hyphen followed by a modifier word.
        var j = end;
        while (j < text.Length && text[j] is '-' or ' ') j++;
        var wordEnd = j;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd])) wordEnd++;
        return j > end && EventLexicon.ModifierSuffixes.Contains(text.AsSpan(j, wordEnd - j));
    }

    private static bool InParenthetical(DocumentView view, Placed<ActorMention> a, int first, int trigger)
    {
        // Look for ", <opener> ... a ... ," between the candidate and the trigger.
        int open = -1, close = -1;
        for (var i = a.StartToken - 1; i >= first && i >= a.StartToken - 5; i--)
            if (view.Is(i, ",")) { open = i; break; }
        if (open < 0 || open + 1 >= trigger || !view.In(open + 1, EventLexicon.ParentheticalOpeners)) return false;
        for (var i = a.EndToken; i < trigger; i++)
            if (view.Is(i, ",")) { close = i; break; }
        return close >= 0;
    }
}
