using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>Roles a single word can play for the rule-based recognizer (data/language/ner_lexicon.tsv).</summary>
[Flags]
public enum WordRole
{
    None = 0,
    /// <summary>Comes before a person's name ("President", "Col.", "spokesman").</summary>
    Title = 1,
    /// <summary>Makes a capitalised phrase an organisation ("Forces", "Ministry").</summary>
    OrgCue = 2,
    /// <summary>A preposition before a place ("in", "near").</summary>
    LocCue = 4,
    /// <summary>A speech verb after a person ("said").</summary>
    PerCue = 8,
    /// <summary>A lower-case particle inside names ("al", "bin", "of").</summary>
    Particle = 16,
    /// <summary>A capitalised word that is not a name by itself ("The", "However", "Monday").</summary>
    Starter = 32,
    /// <summary>A word that marks a person's name ("Abu", "bin", "al-" names).</summary>
    NamePart = 64,
    /// <summary>A kind of settlement or region that names a place after "of" ("the town of Maarat al-Numan").</summary>
    PlaceNoun = 128,
}

/// <summary>A gazetteer phrase of the lexicon: its class and its tokens as written.</summary>
public sealed record LexiconPhrase(EntityType Type, string[] Tokens, string? Country = null);

/// <summary>
/// The recognizer's lexicon: gazetteer phrases (LOC, MISC, ORG, multi-word titles) and word roles, loaded once
/// from data/language/ner_lexicon.tsv; demonyms are added as MISC phrases.
/// </summary>
public sealed class NerLexicon
{
    private static readonly Lazy<NerLexicon> LazyDefault = new(() =>
    {
        using var r = EmbeddedData.Open("Sitrep.Language.ner_lexicon.tsv");
        return Load(r, Demonyms.Default, Tokenizer.Default);
    });

    private readonly Dictionary<string, WordRole> _roles;
    private readonly Dictionary<string, WordRole>.AlternateLookup<ReadOnlySpan<char>> _roleLookup;
    private readonly PhraseTrie<LexiconPhrase> _phrases;
    private readonly PhraseTrie<int> _titles;

    private NerLexicon(Dictionary<string, WordRole> roles, PhraseTrie<LexiconPhrase> phrases, PhraseTrie<int> titles)
    {
        _roles = roles;
        _roleLookup = roles.GetAlternateLookup<ReadOnlySpan<char>>();
        _phrases = phrases;
        _titles = titles;
    }

    /// <summary>The embedded lexicon plus the embedded demonyms, loaded once.</summary>
    public static NerLexicon Default => LazyDefault.Value;

    /// <summary>Number of gazetteer phrases.</summary>
    public int PhraseCount => _phrases.Count;

    /// <summary>Reads "category TAB entry" rows; demonyms become MISC phrases.</summary>
    public static NerLexicon Load(TextReader reader, Demonyms? demonyms, Tokenizer tokenizer)
    {
        var roles = new Dictionary<string, WordRole>(StringComparer.Ordinal);
        var phrases = new PhraseTrie<LexiconPhrase>();
        var titles = new PhraseTrie<int>();
        foreach (var (line, f) in EmbeddedData.Rows(reader))
        {
            if (f.Length < 2 || f[1].Length == 0) throw new FormatException($"LANG003: ner_lexicon line {line}: expected 'category<TAB>entry'.");
            var entry = f[1].Trim();
            var tokens = TokenStrings(tokenizer, entry);
            switch (f[0].Trim())
            {
                case "LOC": AddPhrase(phrases, EntityType.LOC, tokens); break;
                case "MISC": AddPhrase(phrases, EntityType.MISC, tokens); break;
                case "ORG": AddPhrase(phrases, EntityType.ORG, tokens); break;
                case "TITLE":
                    titles.Add(tokens, static _ => true, 0);
                    if (tokens.Length == 1) AddRole(roles, entry, WordRole.Title);
                    break;
                case "ORGCUE": AddRole(roles, entry, WordRole.OrgCue); break;
                case "LOCCUE": AddRole(roles, entry, WordRole.LocCue); break;
                case "PERCUE": AddRole(roles, entry, WordRole.PerCue); break;
                case "PARTICLE": AddRole(roles, entry, WordRole.Particle); break;
                case "STARTER": AddRole(roles, entry, WordRole.Starter); break;
                case "NAMEPART": AddRole(roles, entry, WordRole.NamePart); break;
                case "PLACENOUN": AddRole(roles, entry, WordRole.PlaceNoun); break;
                case var c: throw new FormatException($"LANG003: ner_lexicon line {line}: unknown category '{c}'.");
            }
        }
        if (demonyms is not null)
            foreach (var d in demonyms.Entries)
                // "US", "U.K." abbreviate the country's name: places, unlike "American".
                AddPhrase(phrases, PhraseTrie<int>.IsAcronym(d.Word) ? EntityType.LOC : EntityType.MISC, TokenStrings(tokenizer, d.Word), d.Country);
        return new NerLexicon(roles, phrases, titles);
    }

    /// <summary>The roles of <paramref name="word"/> (case-sensitive).</summary>
    public WordRole RolesOf(ReadOnlySpan<char> word) => _roleLookup.TryGetValue(word, out var r) ? r : WordRole.None;

    /// <summary>
    /// The longest gazetteer phrase starting at token <paramref name="from"/>; with <paramref name="ignoreCase"/>
    /// false every token must be written as in the lexicon (headlines in capitals pass true).
    /// </summary>
    public (int End, LexiconPhrase? Phrase) MatchPhrase(string text, int[] starts, int[] ends, int from, int limit, bool ignoreCase)
    {
        // The trie folds case; checking the longest phrase afterwards keeps this free of per-token allocations.
        var (end, values) = _phrases.LongestMatch(text, starts, ends, from, limit);
        if (values is null) return (-1, null);
        foreach (var v in values)
            if (ignoreCase || WrittenAs(v, text, starts, ends, from)) return (end, v);
        return (-1, null);
    }

    /// <summary>End token of a title phrase ("Prime Minister", "Lt. Col.") starting at <paramref name="from"/>, or -1.</summary>
    public int MatchTitle(string text, int[] starts, int[] ends, int from, int limit) =>
        _titles.LongestMatch(text, starts, ends, from, limit).End;

    private static bool WrittenAs(LexiconPhrase p, string text, int[] starts, int[] ends, int from)
    {
        for (var k = 0; k < p.Tokens.Length; k++)
            if (!text.AsSpan(starts[from + k], ends[from + k] - starts[from + k]).SequenceEqual(p.Tokens[k])) return false;
        return true;
    }

    private static void AddPhrase(PhraseTrie<LexiconPhrase> trie, EntityType type, string[] tokens, string? country = null) =>
        trie.Add(tokens, static _ => false, new LexiconPhrase(type, tokens, country));

    private static void AddRole(Dictionary<string, WordRole> roles, string word, WordRole role) =>
        roles[word] = roles.GetValueOrDefault(word) | role;

    internal static string[] TokenStrings(Tokenizer tokenizer, string phrase)
    {
        var spans = tokenizer.Tokenize(phrase);
        var tokens = new string[spans.Count];
        for (var i = 0; i < tokens.Length; i++) tokens[i] = phrase[spans.Starts[i]..spans.Ends[i]];
        return tokens;
    }
}
