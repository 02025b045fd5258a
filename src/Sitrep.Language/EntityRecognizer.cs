using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>
/// Rule-and-dictionary named-entity recognizer (v1). At each token, in order: a known phrase (actor alias written
/// with capitals -> ORG with its ActorId; lexicon LOC/ORG/MISC; demonyms -> MISC) wins; a title ("President",
/// "Col.", "spokesman") is skipped and makes the following capitalised run a PER; otherwise a run of capitalised
/// tokens (joined by name particles "al", "bin", "of") is classified by cues: an organisation word inside
/// ("Forces", "Ministry") -> ORG, a speech verb after ("said") -> PER, name particles -> PER, a place preposition
/// before ("in", "near") -> LOC, an all-caps acronym -> ORG, two or more words -> PER. A single unknown word at the
/// start of a sentence, and capitalised function words ("The", "However"), are not entities. Lines written mostly
/// in capitals or title case (headlines) only get known phrases.
/// </summary>
public sealed class EntityRecognizer : IEntityRecognizer
{
    private static readonly Lazy<EntityRecognizer> LazyDefault = new(() => new EntityRecognizer(NerLexicon.Default, ActorDictionary.Default));
    private readonly NerLexicon _lexicon;
    private readonly ActorDictionary _actors;

    /// <summary>Class given to a single capitalised word that no rule explains.</summary>
    public EntityType DefaultSingleWordType { get; init; } = EntityType.ORG;

    /// <summary>Creates a recognizer over a lexicon and an actor dictionary.</summary>
    public EntityRecognizer(NerLexicon lexicon, ActorDictionary actors)
    {
        _lexicon = lexicon;
        _actors = actors;
    }

    /// <summary>The recognizer over the embedded data.</summary>
    public static EntityRecognizer Default => LazyDefault.Value;

    /// <inheritdoc />
    public IReadOnlyList<EntityMention> Recognize(Document document) => Recognize(document, _actors.Match(document));

    /// <summary>Entities of <paramref name="document"/>, reusing actor matches already found for it.</summary>
    public IReadOnlyList<EntityMention> Recognize(Document document, IReadOnlyList<ActorMatch> actorMatches)
    {
        var result = new List<EntityMention>();
        if (document.TokenCount == 0) return result;
        var matchAt = new int[document.TokenCount];
        Array.Fill(matchAt, -1);
        for (var k = 0; k < actorMatches.Count; k++) matchAt[actorMatches[k].StartToken] = k;
        var ctx = new Context(document, actorMatches, matchAt, result);
        if (document.SentenceCount == 0) RecognizeSentence(ctx, 0, document.TokenCount);
        else
            for (var s = 0; s < document.SentenceCount; s++)
            {
                var sentence = document.Sentence(s);
                RecognizeSentence(ctx, sentence.FirstToken, sentence.EndToken);
            }
        return result;
    }

    private sealed record Context(Document Doc, IReadOnlyList<ActorMatch> Matches, int[] MatchAt, List<EntityMention> Result)
    {
        /// <summary>Words of the multi-word person names found so far in the document.</summary>
        public HashSet<string> PersonNameParts { get; } = new(StringComparer.Ordinal);
        public string Text => Doc.Text;
        public int[] Starts => Doc.TokenStarts;
        public int[] Ends => Doc.TokenEnds;
        public ReadOnlySpan<char> Token(int i) => Doc.Text.AsSpan(Doc.TokenStarts[i], Doc.TokenEnds[i] - Doc.TokenStarts[i]);
    }

    private void RecognizeSentence(Context c, int first, int limit)
    {
        var headline = IsHeadline(c, first, limit);
        var afterTitle = false;
        var i = first;
        while (i < limit)
        {
            var (lexEnd, phrase) = _lexicon.MatchPhrase(c.Text, c.Starts, c.Ends, i, limit, ignoreCase: headline);
            var actorEnd = -1;
            ActorMatch actor = default;
            if (c.MatchAt[i] >= 0)
            {
                actor = c.Matches[c.MatchAt[i]];
                if (actor.Source == AliasSource.Listed && !actor.Actor.IsGeneric && actor.EndToken <= limit
                    && (headline || AllCapitalised(c, i, actor.EndToken))) actorEnd = actor.EndToken;
            }
            var runEnd = headline ? -1 : RunEnd(c, i, limit);
            var knownEnd = Math.Max(lexEnd, actorEnd);
            if (knownEnd > i && !(runEnd > knownEnd && (_lexicon.RolesOf(c.Token(runEnd - 1)) & WordRole.OrgCue) != 0))
            {
                if (actorEnd >= lexEnd) Emit(c, i, actorEnd, EntityType.ORG, actor.Actor.Id);
                else Emit(c, i, lexEnd, phrase!.Type, null);
                i = knownEnd;
                afterTitle = false;
                continue;
            }
            if (!headline)
            {
                var titleEnd = _lexicon.MatchTitle(c.Text, c.Starts, c.Ends, i, limit);
                if (titleEnd > i)
                {
                    i = titleEnd;
                    afterTitle = true;
                    continue;
                }
            }
            if (runEnd <= i)
            {
                afterTitle = false;
                i++;
                continue;
            }
            // "Moderate Syrian rebels": a sentence's first word before a known phrase is not part of a name.
            if (runEnd > i + 1 && !afterTitle && IsSentenceInitial(c, i, first) && StartsKnownPhrase(c, i + 1, limit, headline))
            {
                i++;
                continue;
            }
            // A run standing right before a title is a department or country word ("Defense" Minister).
            var beforeTitle = runEnd < limit && _lexicon.MatchTitle(c.Text, c.Starts, c.Ends, runEnd, limit) > runEnd;
            // A run that is an actor alias on its own ("IS" in "IS militants") is that actor's organisation.
            var actorId = ResolveActor(c, i, runEnd);
            var type = actorId is null ? Classify(c, i, runEnd, first, limit, afterTitle) : EntityType.ORG;
            if (type is { } t && !beforeTitle) Emit(c, i, runEnd, t, actorId);
            afterTitle = false;
            i = runEnd;
        }
    }

    private EntityType? Classify(Context c, int start, int end, int first, int limit, bool afterTitle)
    {
        var n = end - start;
        var sentenceInitial = IsSentenceInitial(c, start, first);
        var speechAfter = end < limit && (_lexicon.RolesOf(c.Token(end)) & WordRole.PerCue) != 0;
        if (afterTitle || speechAfter) return EntityType.PER;
        if (n == 1 && sentenceInitial) return null;
        for (var k = start; k < end; k++)
            if ((_lexicon.RolesOf(c.Token(k)) & WordRole.OrgCue) != 0) return EntityType.ORG;
        if (n >= 2)
            for (var k = start; k < end; k++)
                if (IsNamePart(c.Token(k))) return EntityType.PER;
        if (start > first && (_lexicon.RolesOf(c.Token(start - 1)) & WordRole.LocCue) != 0) return EntityType.LOC;
        if (n == 1 && c.Token(start).Length <= 5 && PhraseTrie<int>.IsAcronym(c.Token(start))) return EntityType.ORG;
        if (n >= 2) return EntityType.PER;
        // A surname alone after the full name earlier in the document ("Vladimir Putin" ... "Putin").
        if (c.PersonNameParts.Contains(c.Token(start).ToString())) return EntityType.PER;
        return DefaultSingleWordType;
    }

    private bool StartsKnownPhrase(Context c, int i, int limit, bool headline) =>
        _lexicon.MatchPhrase(c.Text, c.Starts, c.Ends, i, limit, headline).End > i
        || (c.MatchAt[i] >= 0 && c.Matches[c.MatchAt[i]].Source == AliasSource.Listed && !c.Matches[c.MatchAt[i]].Actor.IsGeneric);

    private string? ResolveActor(Context c, int start, int end)
    {
        var actor = _actors.Resolve(c.Doc, start, end);
        return actor is { IsGeneric: false } ? actor.Id : null;
    }

    /// <summary>End of the capitalised run starting at <paramref name="i"/>, or -1 when token i does not start one.</summary>
    private int RunEnd(Context c, int i, int limit)
    {
        if (!IsCapitalised(c.Token(i)) || (_lexicon.RolesOf(c.Token(i)) & WordRole.Starter) != 0) return -1;
        var j = i + 1;
        while (j < limit)
        {
            var t = c.Token(j);
            var roles = _lexicon.RolesOf(t);
            if (IsCapitalised(t) && (roles & (WordRole.Starter | WordRole.Title)) == 0) { j++; continue; }
            // Lower-case particles join two capitalised words: "Bank of England", "Osama bin Laden".
            if ((roles & WordRole.Particle) != 0 && j + 1 < limit && IsCapitalised(c.Token(j + 1))
                && (_lexicon.RolesOf(c.Token(j + 1)) & (WordRole.Starter | WordRole.Title)) == 0) { j += 2; continue; }
            break;
        }
        return j;
    }

    private void Emit(Context c, int start, int end, EntityType type, string? actorId)
    {
        var range = new TextRange(c.Starts[start], c.Ends[end - 1]);
        c.Result.Add(new EntityMention(range, type, range.Slice(c.Text), actorId));
        if (type == EntityType.PER && end - start >= 2)
            for (var k = start; k < end; k++) c.PersonNameParts.Add(c.Token(k).ToString());
    }

    private static bool IsSentenceInitial(Context c, int i, int first)
    {
        for (var k = first; k < i; k++)
            foreach (var ch in c.Token(k))
                if (char.IsLetterOrDigit(ch)) return false;
        return true;
    }

    /// <summary>A line in capitals or title case (a headline), where capitals say nothing about names.</summary>
    private static bool IsHeadline(Context c, int first, int limit)
    {
        int words = 0, capitalised = 0, allCaps = 0;
        for (var k = first; k < limit; k++)
        {
            var t = c.Token(k);
            if (t.Length < 4 || !char.IsLetter(t[0])) continue;
            words++;
            if (char.IsUpper(t[0])) capitalised++;
            if (!t.ContainsAnyInRange('a', 'z')) allCaps++;
        }
        // Title case capitalises every longer word; running text almost never does.
        return (words >= 4 && capitalised == words) || (allCaps >= 3 && allCaps * 10 >= words * 7);
    }

    private bool AllCapitalised(Context c, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var t = c.Token(k);
            if (!IsCapitalised(t) && !(t.Length <= 3 && !char.IsLetter(t[0])) && !IsLowerParticle(t)) return false;
        }
        return IsCapitalised(c.Token(start));
    }

    /// <summary>Starts with a capital ("Raqqa", "ISIS"), or is a lower-case article glued to one ("al-Nusra").</summary>
    internal static bool IsCapitalised(ReadOnlySpan<char> t)
    {
        if (t.Length == 0 || !char.IsLetter(t[0])) return false;
        var lastDash = t.LastIndexOf('-');
        // "U.S.-led", "Isis-occupied", "London-based" describe, they do not name.
        if (lastDash > 0 && lastDash + 1 < t.Length && char.IsLower(t[lastDash + 1])) return false;
        if (char.IsUpper(t[0])) return true;
        var dash = t.IndexOf('-');
        return dash is > 0 and <= 3 && dash + 1 < t.Length && char.IsUpper(t[dash + 1]);
    }

    private bool IsLowerParticle(ReadOnlySpan<char> t) => t is "the" or "and" or "for" or "in" || (_lexicon.RolesOf(t) & WordRole.Particle) != 0;

    private bool IsNamePart(ReadOnlySpan<char> t)
    {
        if ((_lexicon.RolesOf(t) & WordRole.NamePart) != 0) return true;
        // "al-Marie", "el-Sisi": the Arabic article glued to a name.
        var dash = t.IndexOf('-');
        return dash is 2 or 3 && (_lexicon.RolesOf(t[..(dash + 1)]) & WordRole.NamePart) != 0;
    }
}
