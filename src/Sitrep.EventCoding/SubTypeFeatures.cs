using System.Globalization;
using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Turns a snippet into the sparse features of <see cref="SubTypeModel"/>: lowercased words, crude stems and
/// bigrams, word classes, the actor kinds of the actor layer, and what the trigger ontology says (every viable
/// sub-type, and the winner with its priority band), so the classifier can learn when to trust the rules.
/// </summary>
internal static class SubTypeFeatures
{
    // Closed word classes that generalise over the training phrasings; the classifier weighs them like any feature.
    private static readonly (string Class, WordSet Words)[] WordClasses =
    [
        ("killed", new WordSet(["killed", "killing", "dead", "died", "death", "deaths", "fatalities", "fatally", "lynched", "massacred", "executed"])),
        ("wounded", new WordSet(["wounded", "injured", "injuring", "wounding", "hurt", "injuries", "casualties"])),
        ("crowd", new WordSet(["protesters", "protestors", "demonstrators", "crowd", "rally", "march", "sit-in", "demonstration", "protest", "marchers"])),
        ("riot", new WordSet(["rioted", "rioters", "rioting", "stones", "tyres", "tires", "barricades", "molotov", "petrol", "vandalised", "vandalized", "torched"])),
        ("disperse", new WordSet(["dispersed", "disperse", "tear", "teargas", "water", "cannon", "rubber", "batons", "broke", "intervened"])),
        ("territory", new WordSet(["control", "town", "village", "villages", "district", "area", "city", "hill", "territory", "positions"])),
        ("defuse", new WordSet(["defused", "defuse", "intercepted", "intercept", "seized", "cache", "foiled", "thwarted", "dismantled", "neutralized", "neutralised", "disposal", "unexploded", "recovered", "shot"])),
        ("base", new WordSet(["base", "camp", "headquarters", "outpost", "post", "command", "centre", "center"])),
        ("deal", new WordSet(["agreement", "deal", "ceasefire", "truce", "signed", "exchanged", "exchange", "swap", "accord", "reconciliation", "negotiated"])),
        ("group", new WordSet(["leader", "merger", "merged", "split", "faction", "recruitment", "recruited", "defected", "formed", "relocated", "deployed", "reinforced"])),
    ];

    /// <summary>
    /// Features of <paramref name="view"/>'s whole document, deduplicated, in a stable order; <paramref name="best"/>
    /// receives the rules' choice and <paramref name="candidates"/> every sub-type whose trigger is viable.
    /// </summary>
    public static List<string> Extract(DocumentView view, EventOntology ontology, SubTypeChooser chooser,
        out ChosenTrigger? best, HashSet<string> candidates)
    {
        var doc = view.Doc;
        var features = new HashSet<string>(StringComparer.Ordinal) { "bias" };
        var matches = new List<TriggerMatch>();
        var viable = new List<TriggerMatch>();
        best = null;
        candidates.Clear();
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            string? previous = "<s>";
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var w = Normalize(view.Word(i), i == sentence.FirstToken);
                if (w is null) { previous = null; continue; }
                features.Add("w=" + w);
                features.Add("s=" + Stem(w));
                if (previous is not null) features.Add("b=" + previous + "_" + w);
                previous = w;
                foreach (var (cls, words) in WordClasses)
                    if (words.Contains(w)) features.Add("c=" + cls);
            }
            foreach (var a in view.Actors[s]) features.Add("a=" + a.Mention.Actor.Kind);
            matches.Clear();
            ontology.Matcher.Find(doc, sentence.FirstToken, sentence.EndToken, matches);
            var chosen = chooser.Choose(view, s, matches, viable);
            foreach (var m in viable)
            {
                candidates.Add(ontology.Entries[m.Entry].SubEventType);
                features.Add("r=" + ontology.Entries[m.Entry].SubEventType);
            }
            if (chosen is { } c && (best is null || c.Entry.Priority > best.Value.Entry.Priority)) best = c;
        }
        if (best is { } b)
        {
            features.Add("top=" + b.Entry.SubEventType);
            features.Add(string.Create(CultureInfo.InvariantCulture, $"topband={b.Entry.SubEventType}/{b.Entry.Priority / 20}"));
        }
        else features.Add("top=none");
        var list = features.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>
    /// Lowercased word; digits become "#"; capitalised words inside a sentence are names, kept only as "&lt;name&gt;"
    /// (town and group names in the training data are random fillers and must not be learnt); punctuation is null.
    /// </summary>
    internal static string? Normalize(ReadOnlySpan<char> token, bool sentenceStart)
    {
        if (token.Length == 0) return null;
        var hasLetter = false;
        var hasDigit = false;
        foreach (var ch in token)
        {
            if (char.IsLetter(ch)) hasLetter = true;
            else if (char.IsDigit(ch)) hasDigit = true;
        }
        if (!hasLetter) return hasDigit ? "#" : null;
        var allUpper = true;
        foreach (var ch in token) if (char.IsLower(ch)) { allUpper = false; break; }
        // Acronyms ("IED", "RPG") carry meaning; title-case words inside a sentence are names.
        if (!sentenceStart && char.IsUpper(token[0]) && !(allUpper && token.Length <= 5)) return "<name>";
        return token.ToString().ToLowerInvariant();
    }

    /// <summary>A crude suffix stripper: "clashes", "clashed", "clashing" all give "clash".</summary>
    internal static string Stem(string w)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal)) return w[..^suffix.Length];
        return w;
    }
}
