using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>How an alias came into the dictionary.</summary>
public enum AliasSource
{
    /// <summary>Written in actors.tsv (the canonical name or one of its aliases).</summary>
    Listed,
    /// <summary>Made from a demonym and a force noun ("Syrian troops").</summary>
    Demonym,
}

/// <summary>An actor mention found in tokenized text: tokens [StartToken, EndToken) name <see cref="Actor"/>.</summary>
public readonly record struct ActorMatch(int StartToken, int EndToken, Actor Actor, AliasSource Source);

/// <summary>
/// The actor dictionary (data/actors): canonical ACLED-style actors with aliases, validity dates and generic flags,
/// plus "&lt;demonym&gt; &lt;force noun&gt;" phrases. Finds the longest alias at each token; all-caps alias tokens
/// match only as written. When one alias names several actors, see data/actors/README.md for how one is chosen.
/// </summary>
public sealed class ActorDictionary
{
    private sealed record Target(Actor Actor, AliasSource Source);

    private static readonly Lazy<ActorDictionary> LazyDefault = new(LoadDefault);

    private readonly PhraseTrie<Target> _trie = new();
    private readonly Dictionary<string, Actor> _byId = new(StringComparer.Ordinal);
    private readonly List<Actor> _actors = [];
    private readonly Dictionary<string, string> _countryNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _countryNameLookup;
    private readonly Tokenizer _tokenizer;

    private ActorDictionary(Tokenizer tokenizer, Demonyms demonyms)
    {
        _tokenizer = tokenizer;
        Demonyms = demonyms;
        _countryNameLookup = _countryNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded dictionary (actors, demonyms, force nouns), loaded once.</summary>
    public static ActorDictionary Default => LazyDefault.Value;

    /// <summary>Every actor in file order.</summary>
    public IReadOnlyList<Actor> Actors => _actors;

    /// <summary>The demonym table the demonym phrases were made from.</summary>
    public Demonyms Demonyms { get; }

    /// <summary>Loads the embedded data files (a fresh instance; prefer <see cref="Default"/>).</summary>
    public static ActorDictionary LoadDefault()
    {
        using var actors = EmbeddedData.Open("Sitrep.Language.actors.tsv");
        using var nouns = EmbeddedData.Open("Sitrep.Language.force_nouns.txt");
        return Load(actors, Demonyms.Default, nouns, Tokenizer.Default);
    }

    /// <summary>
    /// Reads actors.tsv rows (canonical_name, inter, iso2, aliases, valid_from, valid_to, generic, note) and, when
    /// given, makes demonym phrases from <paramref name="demonyms"/> and force_nouns rows (kind TAB noun).
    /// </summary>
    public static ActorDictionary Load(TextReader actors, Demonyms? demonyms = null, TextReader? forceNouns = null, Tokenizer? tokenizer = null)
    {
        var dict = new ActorDictionary(tokenizer ?? Tokenizer.Default, demonyms ?? Demonyms.Load(new StringReader("demonym\tiso2\n")));
        foreach (var (line, f) in EmbeddedData.Rows(actors)) dict.AddRow(line, f);
        if (demonyms is not null && forceNouns is not null) dict.AddDemonymPhrases(forceNouns);
        return dict;
    }

    /// <summary>The actor with canonical name <paramref name="id"/>, or null.</summary>
    public Actor? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Every actor <paramref name="phrase"/> names as a whole, valid on <paramref name="published"/> when given.</summary>
    public IReadOnlyList<Actor> Lookup(string phrase, DateOnly? published = null)
    {
        var spans = _tokenizer.Tokenize(phrase);
        var (end, values) = _trie.LongestMatch(phrase, spans.Starts, spans.Ends, 0, spans.Count, t => IsValid(t.Actor, published));
        if (values is null || end != spans.Count) return [];
        var result = new List<Actor>();
        foreach (var t in values) if (IsValid(t.Actor, published)) result.Add(t.Actor);
        return result;
    }

    /// <summary>The one actor <paramref name="phrase"/> resolves to on <paramref name="published"/> in <paramref name="contextCountry"/>, or null.</summary>
    public Actor? Resolve(string phrase, DateOnly? published = null, string? contextCountry = null)
    {
        var spans = _tokenizer.Tokenize(phrase);
        var (end, values) = _trie.LongestMatch(phrase, spans.Starts, spans.Ends, 0, spans.Count, t => IsValid(t.Actor, published));
        return values is null || end != spans.Count ? null : Choose(values, published, contextCountry)?.Actor;
    }

    /// <summary>
    /// The one actor that tokens [<paramref name="startToken"/>, <paramref name="endToken"/>) of a tokenized document
    /// name as a whole, or null; checks validity against the publication date without allocating.
    /// </summary>
    public Actor? Resolve(Document document, int startToken, int endToken, string? contextCountry = null)
    {
        var (end, values) = _trie.LongestMatch(document.Text, document.TokenStarts, document.TokenEnds, startToken, endToken);
        return values is null || end != endToken ? null : Choose(values, document.Meta.Published, contextCountry)?.Actor;
    }

    /// <summary>
    /// Actor mentions in a tokenized document, left to right, longest first, never across sentences. Validity is
    /// checked against the publication date; ambiguous aliases use <paramref name="contextCountry"/>, or the
    /// country the document mentions most when null.
    /// </summary>
    public IReadOnlyList<ActorMatch> Match(Document document, string? contextCountry = null)
    {
        var text = document.Text;
        var starts = document.TokenStarts;
        var ends = document.TokenEnds;
        var published = document.Meta.Published;
        contextCountry ??= GuessCountry(document);
        var result = new List<ActorMatch>();
        Func<Target, bool> valid = t => IsValid(t.Actor, published);
        for (var s = 0; s < Math.Max(1, document.SentenceCount); s++)
        {
            var first = document.SentenceCount == 0 ? 0 : document.SentenceStarts[s];
            var limit = document.SentenceCount == 0 ? document.TokenCount : document.Sentence(s).EndToken;
            var i = first;
            while (i < limit)
            {
                var (end, values) = _trie.LongestMatch(text, starts, ends, i, limit, valid);
                var chosen = values is null ? null : Choose(values, published, contextCountry);
                if (chosen is null) { i++; continue; }
                result.Add(new ActorMatch(i, end, chosen.Actor, chosen.Source));
                i = end;
            }
        }
        return result;
    }

    /// <summary>
    /// The country a document is mostly about, judged by demonyms ("Syrian"), country names and country-bound
    /// actors it mentions; null when nothing points to one.
    /// </summary>
    public string? GuessCountry(Document document)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = document.Text;
        for (var i = 0; i < document.TokenCount; i++)
        {
            var token = text.AsSpan(document.TokenStarts[i], document.TokenEnds[i] - document.TokenStarts[i]);
            if (token.Length < 2 || !char.IsUpper(token[0])) continue;
            string? country = Demonyms.Find(token)?.Country;
            if (country is null && _countryNameLookup.TryGetValue(token, out var c)) country = c;
            if (country is null)
            {
                var (_, values) = _trie.LongestMatch(text, document.TokenStarts, document.TokenEnds, i, document.TokenCount);
                if (values is { Count: 1 } && values[0].Source == AliasSource.Listed && !values[0].Actor.IsGeneric) country = values[0].Actor.Country;
            }
            if (country is not null) votes[country] = votes.GetValueOrDefault(country) + 1;
        }
        string? best = null;
        var bestVotes = 0;
        foreach (var (country, n) in votes)
            if (n > bestVotes || (n == bestVotes && string.CompareOrdinal(country, best) < 0)) (best, bestVotes) = (country, n);
        return best;
    }

    private static Target? Choose(List<Target> values, DateOnly? published, string? contextCountry)
    {
        Target? only = null;
        var valid = 0;
        foreach (var t in values)
            if (IsValid(t.Actor, published)) { valid++; only ??= t; }
        if (valid <= 1) return only;
        if (contextCountry is not null)
            foreach (var t in values)
                if (IsValid(t.Actor, published) && t.Actor.Country == contextCountry) return t;
        foreach (var t in values)
            if (IsValid(t.Actor, published) && t.Actor.IsGeneric) return t;
        foreach (var t in values)
            if (IsValid(t.Actor, published) && t.Actor.Country != only!.Actor.Country) return null; // countries disagree: don't guess
        return only;
    }

    private static bool IsValid(Actor actor, DateOnly? published) =>
        published is not { } day || ((actor.ValidFrom is null || day >= actor.ValidFrom) && (actor.ValidTo is null || day <= actor.ValidTo));

    private void AddRow(int line, string[] f)
    {
        if (f.Length < 7) throw new FormatException($"LANG005: actors line {line}: expected 8 TAB-separated columns, found {f.Length}.");
        var id = f[0].Trim();
        if (id.Length == 0) throw new FormatException($"LANG005: actors line {line}: empty canonical name.");
        if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var inter) || inter is < 1 or > 8)
            throw new FormatException($"LANG005: actors line {line}: inter code '{f[1]}' is not 1-8.");
        var iso = f[2].Trim();
        if (iso.Length is not (0 or 2)) throw new FormatException($"LANG005: actors line {line}: iso2 '{iso}' is not two letters.");
        var generic = f[6].Trim() switch
        {
            "yes" => true,
            "no" or "" => false,
            var g => throw new FormatException($"LANG005: actors line {line}: generic flag '{g}' is not yes/no."),
        };
        if (_byId.ContainsKey(id)) throw new FormatException($"LANG005: actors line {line}: '{id}' is listed twice.");
        var actor = new Actor(id, (ActorKind)inter, iso.Length == 0 ? null : iso)
        {
            IsGeneric = generic,
            ValidFrom = ParseDate(f[4], line),
            ValidTo = ParseDate(f[5], line),
        };
        _byId[id] = actor;
        _actors.Add(actor);
        // A generic actor's label ("Unidentified Armed Group") is not something articles write.
        if (!generic) AddAlias(id, actor, AliasSource.Listed);
        foreach (var alias in f[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            AddAlias(alias, actor, AliasSource.Listed);
    }

    private void AddDemonymPhrases(TextReader forceNouns)
    {
        var military = new List<string>();
        var police = new List<string>();
        var modifiers = new List<string>();
        foreach (var (line, f) in EmbeddedData.Rows(forceNouns))
        {
            if (f.Length < 2) throw new FormatException($"LANG006: force_nouns line {line}: expected 'kind<TAB>noun'.");
            (f[0].Trim() switch
            {
                "military" => military,
                "police" => police,
                "modifier" => modifiers,
                var k => throw new FormatException($"LANG006: force_nouns line {line}: unknown kind '{k}'."),
            }).Add(f[1].Trim());
        }
        foreach (var d in Demonyms.Entries)
        {
            AddForces(d, d.StateForces, military, modifiers);
            AddForces(d, d.PoliceForces, police, modifiers);
            foreach (var id in d.StateForces)
            {
                // "Military Forces of the United States" -> "United States" names the country too.
                const string prefix = "Military Forces of ";
                var name = id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : null;
                if (name is null || d.Country is null) continue;
                if (name.StartsWith("the ", StringComparison.Ordinal)) name = name[4..];
                var paren = name.IndexOf(" (", StringComparison.Ordinal);
                if (paren > 0) name = name[..paren];
                if (!name.Contains(' ')) _countryNames.TryAdd(name, d.Country);
            }
        }
    }

    private void AddForces(DemonymEntry d, IReadOnlyList<string> actorIds, List<string> nouns, List<string> modifiers)
    {
        foreach (var id in actorIds)
        {
            var actor = Find(id) ?? throw new FormatException($"LANG006: demonym '{d.Word}' names unknown actor '{id}'.");
            foreach (var noun in nouns)
            {
                AddAlias($"{d.Word} {noun}", actor, AliasSource.Demonym);
                foreach (var m in modifiers) AddAlias($"{d.Word} {m} {noun}", actor, AliasSource.Demonym);
            }
        }
    }

    private void AddAlias(string alias, Actor actor, AliasSource source) =>
        _trie.Add(NerLexicon.TokenStrings(_tokenizer, alias), PhraseTrie<Target>.IsCaseSensitive, new Target(actor, source));

    private static DateOnly? ParseDate(string field, int line)
    {
        var s = field.Trim();
        if (s.Length == 0) return null;
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"LANG005: actors line {line}: date '{s}' is not yyyy-MM-dd.");
    }
}
