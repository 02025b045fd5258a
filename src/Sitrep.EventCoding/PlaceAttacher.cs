using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>The place chosen for an event, its ACLED geo-precision and the mention it came from.</summary>
internal readonly record struct AttachedPlace(Place? Place, int GeoPrecision, TextRange? Evidence);

/// <summary>
/// Places an event: in its sentence, the first place after the trigger introduced by a locative ("in/near/at X",
/// "the village of X"), else any after it, else the nearest before it; otherwise the nearest place mentioned in the
/// same paragraph, at geo-precision 2 or coarser. "near/outside X" also makes it 2.
/// </summary>
internal static class PlaceAttacher
{
    public static AttachedPlace Attach(DocumentView view, int s, TriggerMatch trigger)
    {
        var places = view.Places[s];
        var sentence = view.Doc.Sentence(s);
        Placed<PlaceMention>? chosen = null;
        foreach (var p in places)
        {
            if (p.StartToken < trigger.EndToken || IsActorName(view, s, p)) continue;
            if (HasLocativeBefore(view, sentence.FirstToken, p.StartToken)) { chosen = p; break; }
        }
        if (chosen is null)
            foreach (var p in places)
                if (p.StartToken >= trigger.EndToken && !IsActorName(view, s, p)) { chosen = p; break; }
        if (chosen is null)
            for (var k = places.Count - 1; k >= 0; k--)
                if (places[k].EndToken <= trigger.StartToken && !IsActorName(view, s, places[k])) { chosen = places[k]; break; }
        if (chosen is { } c)
        {
            var precision = c.Mention.GeoPrecision;
            if (IsNear(view, sentence.FirstToken, sentence.EndToken, c)) precision = Math.Max(precision, 2);
            return new(c.Mention.Place, precision, c.Range);
        }

        // Nearest sentence of the paragraph with a place, earlier ones first on equal distance.
        for (var d = 1; d < view.Doc.SentenceCount; d++)
        {
            var before = FromSentence(view, s, s - d, out var inBefore);
            if (before is not null) return before.Value;
            var after = FromSentence(view, s, s + d, out var inAfter);
            if (after is not null) return after.Value;
            if (!inBefore && !inAfter) break;
        }
        return new(null, 3, null);
    }

    private static AttachedPlace? FromSentence(DocumentView view, int s, int o, out bool inParagraph)
    {
        inParagraph = o >= 0 && o < view.Doc.SentenceCount && view.Paragraph[o] == view.Paragraph[s];
        if (!inParagraph) return null;
        foreach (var p in view.Places[o])
            if (!IsActorName(view, o, p))
                return new(p.Mention.Place, Math.Max(p.Mention.GeoPrecision, 2), p.Range);
        return null;
    }

    private static bool HasLocativeBefore(DocumentView view, int first, int start)
    {
        for (var i = start - 1; i >= first && i >= start - 4; i--)
        {
            if (view.In(i, EventLexicon.Locatives)) return true;
            if (view.Word(i) is "," or ";") return false;
        }
        return false;
    }

    private static bool IsNear(DocumentView view, int first, int end, Placed<PlaceMention> p)
    {
        // "the X countryside", "X's outskirts"
        for (var i = p.EndToken; i < end && i <= p.EndToken + 1; i++)
            if (view.In(i, EventLexicon.NearLocatives)) return true;
        for (var i = p.StartToken - 1; i >= first && i >= p.StartToken - 6; i--)
        {
            if (view.In(i, EventLexicon.NearLocatives)) return true;
            if (view.Word(i) is "," or ";" or "in" or "at") return false;
        }
        return false;
    }

    // A toponym inside an actor name ("Syrian Democratic Forces", "Kobane Defence Units") locates nothing.
    private static bool IsActorName(DocumentView view, int s, Placed<PlaceMention> p)
    {
        foreach (var a in view.Actors[s])
            if (a.Range.Overlaps(p.Range)) return true;
        return false;
    }
}
