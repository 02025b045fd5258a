using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>The date chosen for an event and the mention it came from.</summary>
internal readonly record struct AttachedDate(ResolvedDate Date, TextRange? Evidence);

/// <summary>
/// Dates an event: the time expression nearest the trigger in its sentence (ones attached to a speech verb, "said
/// on Thursday", only as a last resort in the sentence); else the date of the nearest preceding sentence in the
/// same paragraph that carried one; else unresolved. Never the article's first date by default.
/// </summary>
internal static class DateAttacher
{
    public static AttachedDate Attach(DocumentView view, int s, TriggerMatch trigger)
    {
        var own = Nearest(view, s, trigger.StartToken, includeSpeech: false);
        if (own is { } o) return new(o.Mention.Date, o.Range);

        for (var p = s - 1; p >= 0 && view.Paragraph[p] == view.Paragraph[s]; p--)
        {
            var carried = Nearest(view, p, view.Doc.Sentence(p).EndToken, includeSpeech: false);
            if (carried is not { } c || !c.Mention.Date.IsResolved) continue;
            var d = c.Mention.Date;
            return new(d with { Reason = $"inherited from an earlier sentence: {d.Reason}" }, c.Range);
        }

        var speech = Nearest(view, s, trigger.StartToken, includeSpeech: true);
        if (speech is { } sp) return new(sp.Mention.Date with { Reason = $"date of the report: {sp.Mention.Date.Reason}" }, sp.Range);
        return new(ResolvedDate.Unresolved("no time expression in the sentence or earlier in its paragraph"), null);
    }

    private static Placed<TimeMention>? Nearest(DocumentView view, int s, int anchor, bool includeSpeech)
    {
        Placed<TimeMention>? best = null;
        var bestScore = int.MaxValue;
        var sentence = view.Doc.Sentence(s);
        foreach (var t in view.Times[s])
        {
            if (!includeSpeech && IsSpeechDate(view, sentence.FirstToken, sentence.EndToken, t)) continue;
            var distance = t.EndToken <= anchor ? anchor - t.EndToken : t.StartToken - anchor;
            // Resolved expressions beat unresolved ones; then proximity; ties go to the earlier one.
            var score = (t.Mention.Date.IsResolved ? 0 : 1000) + Math.Abs(distance) * 2 + (t.StartToken > anchor ? 1 : 0);
            if (score < bestScore) { bestScore = score; best = t; }
        }
        return best;
    }

    // "said on Thursday", "said Sunday", "on Thursday said": the day of the statement, not of the event.
    private static bool IsSpeechDate(DocumentView view, int first, int end, Placed<TimeMention> t)
    {
        for (var i = t.StartToken - 1; i >= first && i >= t.StartToken - 2; i--)
            if (view.In(i, EventLexicon.Speech)) return true;
        for (var i = t.EndToken; i < end && i <= t.EndToken + 1; i++)
            if (view.In(i, EventLexicon.Speech)) return true;
        return false;
    }
}
