using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Tells reports of one incident from talk about violence in general. ACLED codes an event only when it happened at
/// a specific time and place, so: a kind of event ("similar bombings", "such attacks") and a participle describing
/// background ("areas recaptured by Iraqi forces") are no triggers; a habit or campaign told without any time
/// expression ("jets that shake the city daily", "British war planes have been bombing the militants") is no event,
/// nor is a description of violence in the present ("US air strikes are a 'war against Islam'");
/// quoted speech is an event report only when it names an occasion (a time mention or "last night", "on Monday"),
/// since interviews and rhetoric ("We are fighting on two fronts") otherwise describe no incident.
/// </summary>
internal static class ReportFilter
{
    private const int DeterminerReach = 2;

    /// <summary>Removes the matches that name a kind of event or a background fact, in place.</summary>
    public static void RemoveBackground(DocumentView view, int first, int end, List<TriggerMatch> matches)
    {
        // "80 percent of ISIS attacks have been carried out by hidden explosives": a statistic about every trigger in it.
        foreach (var m in matches)
            if (IsCounted(view, first, m)) { matches.Clear(); return; }
        for (var k = matches.Count - 1; k >= 0; k--)
            if (IsGenericMention(view, first, matches[k]) || IsParticipleModifier(view, first, end, matches[k])) matches.RemoveAt(k);
    }

    /// <summary>
    /// True when the sentence around <paramref name="m"/> speaks of violence in general, not of one incident; asked
    /// only of triggers coded as asserted or claimed (a pledge to intensify strikes stays on record as a threat).
    /// </summary>
    public static bool IsGeneralStatement(DocumentView view, int s, TriggerMatch m, List<Quote> quotes)
    {
        var sentence = view.Doc.Sentence(s);
        int first = sentence.FirstToken, end = sentence.EndToken;
        // "has been pummeling ISIS targets over the past week": a campaign even with a time span.
        var progressive = Progressive(view, first, m);
        if (progressive == Aspect.PerfectProgressive) return true;
        if (IsCharacterised(view, end, m)) return true;
        if (view.Times[s].Count > 0) return false;
        if (progressive == Aspect.Progressive) return true;
        for (var i = first; i < end; i++)
            if (view.In(i, EventLexicon.Habitual)) return true;
        return IsQuoted(view, m, quotes) && !NamesOccasion(view, first, end);
    }

    private enum Aspect { Simple, Progressive, PerfectProgressive }

    private static bool IsGenericMention(DocumentView view, int first, TriggerMatch m)
    {
        if (view.In(m.EndToken - 1, EventLexicon.CampaignNouns)) return true;
        for (var i = m.StartToken - 1; i >= first && i >= m.StartToken - DeterminerReach; i--)
            if (view.In(i, EventLexicon.GenericDeterminers)) return true;
        return false;
    }

    // "80 percent of ISIS attacks", "most of the strikes".
    private static bool IsCounted(DocumentView view, int first, TriggerMatch m)
    {
        for (var i = m.StartToken - 1; i > first && i >= m.StartToken - DeterminerReach - 1; i--)
            if (view.Is(i, "of") && view.In(i - 1, EventLexicon.Proportion)) return true;
        return false;
    }

    // "in areas recaptured by Iraqi forces": a participle after a place noun, with its agent, is a relative clause.
    private static bool IsParticipleModifier(DocumentView view, int first, int end, TriggerMatch m)
    {
        if (m.StartToken <= first || m.EndToken >= end || !view.Is(m.EndToken, "by")) return false;
        if (!view.In(m.StartToken - 1, EventLexicon.ParticipleHeads)) return false;
        var w = view.Word(m.StartToken);
        return w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("en", StringComparison.OrdinalIgnoreCase);
    }

    // "has been pummeling", "have been bombing": a campaign; "was attacking Raqqa" with no time: an ongoing one.
    private static Aspect Progressive(DocumentView view, int first, TriggerMatch m)
    {
        if (!view.Word(m.StartToken).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return Aspect.Simple;
        for (var i = m.StartToken - 1; i >= first && i >= m.StartToken - 2; i--)
        {
            if (view.Is(i, "been")) return Aspect.PerfectProgressive;
            if (view.In(i, EventLexicon.Passive)) return Aspect.Progressive;
        }
        return Aspect.Simple;
    }

    /// <summary>
    /// "took precautions before coalition strikes", "denounced US air strikes": a bare plural after a topic word, in a
    /// sentence with no time, no place and no toll of its own, names a kind of event, not one.
    /// </summary>
    public static bool IsTopic(DocumentView view, int s, TriggerMatch m, ConflictEvent coded, bool hasOwnPlace)
    {
        if (view.Times[s].Count > 0 || hasOwnPlace || coded.FatalitiesMin is not null || coded.InjuredMin is not null) return false;
        var last = view.Word(m.EndToken - 1);
        if (last.Length < 3 || last[^1] is not ('s' or 'S') || last[^2] is 's' or 'S') return false;
        var first = view.Doc.Sentence(s).FirstToken;
        for (var i = m.StartToken - 1; i >= first && i >= m.StartToken - DeterminerReach; i--)
        {
            if (view.In(i, EventLexicon.TopicLeads)) return true;
            // Modifiers may sit between: "US air strikes", "indiscriminate killings"; a determiner or number ends it.
            if (view.In(i, EventLexicon.Definite) || !char.IsLetter(view.Word(i)[0]) || view.Is(i, "a") || view.Is(i, "an")) return false;
        }
        return false;
    }

    // "US air strikes are a 'war against Islam'": a trigger as the subject of a present-tense description is an opinion.
    private static bool IsCharacterised(DocumentView view, int end, TriggerMatch m)
    {
        var next = m.EndToken;
        if (next + 1 >= end || !(view.Is(next, "is") || view.Is(next, "are"))) return false;
        return view.Is(next + 1, "a") || view.Is(next + 1, "an") || view.Is(next + 1, "not");
    }

    private static bool IsQuoted(DocumentView view, TriggerMatch m, List<Quote> quotes)
    {
        var at = view.Doc.TokenStarts[m.StartToken];
        foreach (var q in quotes)
            if (q.Range.Start <= at && at < q.Range.End) return true;
        return false;
    }

    private static bool NamesOccasion(DocumentView view, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            if (view.In(i, EventLexicon.OccasionWords)) return true;
            // "May" and "March" only as names of months, not as "may" or "march".
            if (view.In(i, EventLexicon.Months) && char.IsUpper(view.Word(i)[0])) return true;
        }
        return false;
    }
}
