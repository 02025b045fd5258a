using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>A reported count: the range the text gives, and where the number is.</summary>
internal readonly record struct CountRange(int? Min, int? Max, TextRange Range);

/// <summary>Casualties reported in one sentence.</summary>
internal readonly record struct Casualties(CountRange? Fatal, CountRange? Injured, bool CivilianVictims);

/// <summary>
/// Reads fatality and injury counts near casualty words: "killed at least 20", "6 civilians were killed",
/// "death toll rose to 37", "dozens dead", "No civilians were killed" (0). Ages, percentages, money, sorties
/// and dates are not counts. Vague words count as the least they admit (see <see cref="EventLexicon.VagueNumbers"/>).
/// </summary>
internal static class CasualtyCounter
{
    private const int BackWindow = 9;
    private const int ForwardWindow = 4;

    /// <summary>Counts in tokens [first, end) that belong to <paramref name="trigger"/>, not to another trigger nearer them.</summary>
    public static Casualties Count(DocumentView view, int first, int end, TriggerMatch trigger, List<TriggerMatch> triggers,
        IReadOnlyList<OntologyEntry> entries)
    {
        CountRange? fatal = null, injured = null;
        var civilians = false;
        for (var i = first; i < end; i++)
        {
            var isFatal = view.In(i, EventLexicon.Fatal);
            if (!isFatal && !view.In(i, EventLexicon.Injured)) continue;
            if (!BelongsTo(view, i, trigger, triggers, entries)) continue;
            var found = FindCount(view, first, end, i, ref civilians);
            if (found is not { } c) continue;
            if (isFatal) fatal = Larger(fatal, c); else injured = Larger(injured, c);
        }
        return new Casualties(fatal, injured, civilians);
    }

    // "After IS claimed the Paris attacks that killed 129, air strikes intensified": the 129 are the attacks'.
    private static bool BelongsTo(DocumentView view, int keyword, TriggerMatch trigger, List<TriggerMatch> triggers,
        IReadOnlyList<OntologyEntry> entries)
    {
        var own = Distance(keyword, trigger);
        var subType = entries[trigger.Entry].SubEventType;
        foreach (var t in triggers)
        {
            if (t.StartToken == trigger.StartToken || (t.StartToken <= keyword && keyword < t.EndToken)) continue;
            // "a suicide bomber ... blowing herself up and killing several people": same event, other words for it.
            if (entries[t.Entry].SubEventType == subType) continue;
            if (t.EndToken - t.StartToken == 1 && (view.In(t.StartToken, EventLexicon.Fatal) || view.In(t.StartToken, EventLexicon.Injured))) continue;
            if (Distance(keyword, t) < own) return false;
        }
        return true;
    }

    private static int Distance(int token, TriggerMatch t) =>
        token < t.StartToken ? t.StartToken - token : token >= t.EndToken ? token - t.EndToken + 1 : 0;

    // Several counts in one sentence ("killed 20 ... toll rose to 37") keep the largest lower bound.
    private static CountRange Larger(CountRange? a, CountRange b) =>
        a is not { } x ? b : (b.Min ?? -1) > (x.Min ?? -1) ? b : x;

    private static CountRange? FindCount(DocumentView view, int first, int end, int keyword, ref bool civilians)
    {
        if (view.Is(keyword, "toll"))
        {
            // "The death toll from the car bomb rose to 37": the count follows the verb, a few words on.
            for (var j = keyword + 1; j < end && j <= keyword + 10; j++)
            {
                if (view.Word(j) is "," or ";" or ".") break;
                if (view.In(j - 1, EventLexicon.CountLead) && TryNumberAt(view, first, end, j, out var t, out _)) return t;
            }
        }
        else if (!view.In(keyword, EventLexicon.FatalNoForward))
        {
            // Forward: "killed at least 20 people", "killing 6 civilians, including 2 women", "toll rose to 37".
            for (var j = keyword + 1; j < end && j <= keyword + ForwardWindow; j++)
            {
                if (TryNumberAt(view, first, end, j, out var c, out var numEnd))
                {
                    for (var k = numEnd; k < end && k < numEnd + 3; k++)
                        if (view.In(k, EventLexicon.Civilians)) civilians = true;
                    return c;
                }
                if (!view.In(j, EventLexicon.CountLead) && !IsQualifierWord(view, j)) break;
            }
        }
        // Backward: "6 civilians were killed", "20 dead", "No civilians were killed".
        var words = 0;
        var sawCivilian = false;
        var floor = keyword - BackWindow;
        for (var j = keyword - 1; j >= first && j >= floor; j--)
        {
            var w = view.Word(j);
            if (view.Is(j, "including"))
            {
                // "18 members of the same family, including five children and four women, were killed": the total
                // stands before the inclusion, however long the list; search on from there with a fresh budget.
                floor = Math.Min(floor, j - BackWindow);
                words = -InclusionHeadWords;
                continue;
            }
            if (EventLexicon.Civilians.Contains(w)) sawCivilian = true;
            if (EventLexicon.Zero.Contains(w) || (view.Is(j, "one") && j > first && view.Is(j - 1, "no")))
            {
                // "No civilians were killed": civilians were not the victims.
                var z = view.Is(j, "one") ? j - 1 : j;
                return new CountRange(0, 0, new TextRange(view.Doc.TokenStarts[z], view.Doc.TokenEnds[j]));
            }
            if (TryNumberAt(view, first, end, j, out var c, out _))
            {
                if (IsPartOfInclusion(view, first, j))
                {
                    // Reach back to the "including" that opened the list, and past it to the total.
                    floor = Math.Min(floor, j - InclusionListReach);
                    continue;
                }
                // "between 10 and 15 fighters": read the range from its first number.
                if (j - 2 >= first && (view.Is(j - 1, "and") || view.Is(j - 1, "to")) && TryNumberAt(view, first, end, j - 2, out var range, out _))
                    c = range;
                civilians |= sawCivilian;
                return c;
            }
            if (w is "." or ";" or ":" || EventLexicon.Fatal.Contains(w) && j < keyword - 3) break;
            if (w is "," or "and" or "or" || EventLexicon.Auxiliary.Contains(w) || EventLexicon.Fatal.Contains(w)
                || EventLexicon.Injured.Contains(w)) continue;
            if (char.IsLetter(w[0]) && ++words > 4) break;
        }
        return null;
    }

    // "6 civilians, including 2 women, were killed": the 2 is part of the 6 — also further into the list
    // ("including at least five children and four women").
    private static bool IsPartOfInclusion(DocumentView view, int first, int j)
    {
        for (var k = j - 1; k >= first && k >= j - 2; k--)
            if (view.In(k, EventLexicon.Including)) return true;
        for (var k = j - 3; k >= first && k >= j - InclusionListReach; k--)
        {
            var w = view.Word(k);
            if (w is "." or ";" or ":" || view.In(k, EventLexicon.Fatal) || view.In(k, EventLexicon.Injured)) return false;
            if (view.Is(k, "including")) return true;
        }
        return false;
    }

    // How far back from a number "including" may open the list it is in, and how many more words the head of an
    // inclusion ("18 members of the same family") may have than a plain count's.
    private const int InclusionListReach = 8;
    private const int InclusionHeadWords = 2;

    private static bool IsQualifierWord(DocumentView view, int j) =>
        view.In(j, EventLexicon.QualifierWords) || EventLexicon.Qualifiers.TryGet(view.Word(j), out _);

    /// <summary>Parses a count whose last number token is <paramref name="j"/> or starts at it; applies qualifiers before it.</summary>
    internal static bool TryNumberAt(DocumentView view, int first, int end, int j, out CountRange count, out int numEnd)
    {
        count = default;
        numEnd = j + 1;
        if (!TryValue(view, j, out var value, out var vague)) return false;
        var start = j;
        // "a dozen", "a few", "a couple", "two hundred"
        if (j > first && view.Is(j - 1, "a") && (view.Is(j, "dozen") || view.Is(j, "few") || view.Is(j, "couple") || view.Is(j, "hundred"))) start = j - 1;
        else if (j > first && (view.Is(j, "hundred") || view.Is(j, "thousand")) && TryValue(view, j - 1, out var mult, out _) && mult < 100)
        { value *= mult; start = j - 1; }
        if (j + 1 < end && (view.Is(j + 1, "hundred") || view.Is(j + 1, "thousand")) && value < 100)
        { value *= view.Is(j + 1, "hundred") ? 100 : 1000; numEnd = j + 2; }
        if (!IsCasualtyContext(view, first, end, start, numEnd)) return false;

        int? max = vague ? null : value;
        int? min = value;
        // "between 20 and 30", "20 to 30"
        if (numEnd + 1 < end && (view.Is(numEnd, "to") || view.Is(numEnd, "and")) && TryValue(view, numEnd + 1, out var upper, out _) && upper > value)
        { max = upper; numEnd += 2; }
        var q = QualifierBefore(view, first, start, out var qStart);
        switch (q)
        {
            case CountQualifier.AtLeast: max = null; start = qStart; break;
            case CountQualifier.AtMost: min = null; start = qStart; break;
            case CountQualifier.About: start = qStart; break;
        }
        count = new CountRange(min, max, new TextRange(view.Doc.TokenStarts[start], view.Doc.TokenEnds[numEnd - 1]));
        return true;
    }

    private static bool TryValue(DocumentView view, int j, out int value, out bool vague)
    {
        vague = false;
        var w = view.Word(j);
        if (w.Length > 0 && char.IsAsciiDigit(w[0]))
        {
            value = 0;
            foreach (var ch in w)
            {
                if (ch == ',') continue;
                if (!char.IsAsciiDigit(ch) || value > 10_000_000) return false;
                value = value * 10 + (ch - '0');
            }
            return true;
        }
        if (EventLexicon.NumberWords.TryGet(w, out value)) return true;
        var dash = w.IndexOf('-');
        if (dash > 0 && EventLexicon.NumberWords.TryGet(w[..dash], out var tens) && EventLexicon.NumberWords.TryGet(w[(dash + 1)..], out var units) && units < 10)
        { value = tens + units; return true; }
        if (EventLexicon.VagueNumbers.TryGet(w, out value)) { vague = true; return true; }
        return false;
    }

    private static bool IsCasualtyContext(DocumentView view, int first, int end, int start, int numEnd)
    {
        if (numEnd < end && (view.In(numEnd, EventLexicon.NotCasualtyAfter) || view.Word(numEnd).Contains("year", StringComparison.OrdinalIgnoreCase)))
            return false;
        if (start > first && (view.In(start - 1, EventLexicon.NotCasualtyBefore) || view.In(start - 1, EventLexicon.Months)))
            return false;
        // A number right before a month ("30 August") or a four-digit year is a date.
        if (numEnd < end && view.In(numEnd, EventLexicon.Months)) return false;
        var w = view.Word(start);
        if (w.Length == 4 && char.IsAsciiDigit(w[0]) && (w[0] == '1' || w[0] == '2') && w.IndexOf(',') < 0) return false;
        return true;
    }

    private static CountQualifier QualifierBefore(DocumentView view, int first, int start, out int qStart)
    {
        qStart = start;
        if (start - 2 >= first)
        {
            foreach (var (w1, w2, q2) in EventLexicon.TwoWordQualifiers)
                if (view.Is(start - 2, w1) && view.Is(start - 1, w2)) { qStart = start - 2; return q2; }
        }
        if (start - 3 >= first && view.Is(start - 3, "as") && view.Is(start - 2, "many") && view.Is(start - 1, "as"))
        { qStart = start - 3; return CountQualifier.AtMost; }
        if (start - 1 >= first && EventLexicon.Qualifiers.TryGet(view.Word(start - 1), out var q1)) { qStart = start - 1; return q1; }
        return CountQualifier.Exact;
    }
}
