using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>
/// The default named-entity recognizer: the trained BIO tagger (<see cref="NerModel"/>, an averaged structured
/// perceptron) finds PER/ORG/LOC/MISC spans sentence by sentence, remembering across the document how words were
/// written and tagged; an entity whose whole span is an alias of a
/// non-generic actor of the actor dictionary carries that actor's id (and is an ORG rather than MISC). A few lexicon rules tidy what
/// CoNLL's Reuters text did not teach: a leading title or capitalised function word is not part of a name ("Col.",
/// "Later"), nor is a trailing lower-case word ("Middle East coast"), a descriptive hyphen compound ("U.S.-backed") is not a name, and a capitalised word right before a
/// speech verb ("Dillon said") is a person.
/// </summary>
public sealed class StatisticalEntityRecognizer : IEntityRecognizer
{
    private static readonly Lazy<StatisticalEntityRecognizer> LazyDefault = new(() =>
        new StatisticalEntityRecognizer(NerModel.Default, NerGazetteer.Default, ActorDictionary.Default, NerLexicon.Default, NerWordClusters.Default,
            NerModel.Default.UsesDense ? NerWordEmbeddings.Default : null));

    private readonly ThreadLocal<NerTagger> _taggers;
    private readonly ActorDictionary _actors;
    private readonly NerLexicon _lexicon;

    /// <summary>
    /// A recognizer over a model, the gazetteer, word clusters and word vectors its features were trained with (none when
    /// null), an actor dictionary and the rule lexicon.
    /// </summary>
    public StatisticalEntityRecognizer(NerModel model, NerGazetteer gazetteer, ActorDictionary actors, NerLexicon lexicon, NerWordClusters? clusters = null,
        NerWordEmbeddings? embeddings = null)
    {
        _lexicon = lexicon;
        var features = new NerFeatures(model.Bits, gazetteer, clusters, embeddings);
        _taggers = new ThreadLocal<NerTagger>(() => new NerTagger(model, features));
        _actors = actors;
    }

    /// <summary>The recognizer over the shipped model and embedded data, loaded once.</summary>
    public static StatisticalEntityRecognizer Default => LazyDefault.Value;

    /// <inheritdoc />
    public IReadOnlyList<EntityMention> Recognize(Document document)
    {
        var result = new List<EntityMention>();
        if (document.TokenCount == 0) return result;
        var tagger = _taggers.Value!;
        var tags = tagger.TagDocument(document.Text, document.TokenStarts, document.TokenEnds, document.SentenceStarts, document.TokenCount);
        if (document.SentenceCount == 0) RecognizeSentence(document, tagger, 0, tags, result);
        for (var s = 0; s < document.SentenceCount; s++)
        {
            var sentence = document.Sentence(s);
            if (sentence.EndToken > sentence.FirstToken)
                RecognizeSentence(document, tagger, sentence.FirstToken, tags[sentence.FirstToken..sentence.EndToken], result);
        }
        return result;
    }

    private void RecognizeSentence(Document doc, NerTagger tagger, int first, Span<int> tags, List<EntityMention> result)
    {
        var end = first + tags.Length;
        Tidy(doc, first, tags, tagger);
        var open = -1;
        for (var k = 0; k <= tags.Length; k++)
        {
            var t = k < tags.Length ? tags[k] : 0;
            // Odd tags are B-X, even non-zero tags I-X (the decoder only lets I-X continue its own type).
            if (open >= 0 && (t == 0 || (t & 1) == 1))
            {
                Emit(doc, first + open, first + k, first, end, (EntityType)((tags[open] - 1) / 2), result);
                open = -1;
            }
            if ((t & 1) == 1) open = k;
            else if (t == 0 && k < tags.Length && k + 1 < tags.Length && tags[k + 1] == 0 && SpeakerBeforeVerb(doc, first + k))
                Emit(doc, first + k, first + k + 1, first, end, EntityType.PER, result);
        }
    }

    /// <summary>
    /// Three corrections for conflict news, which Reuters' 1996 text rarely shows: a name the model calls a person
    /// right after a place noun and "of" ("the town of Maarat") is a place (CoNLL train tags 103 of 104 capitalised words
    /// after "town/city/village/province of" places); an Arabic article glued to a name ("al-Numan") continues the
    /// entity right before it ("Maarat al-Numan"); and a lone word the model calls a person that the gazetteer lists
    /// as a place and not as a first name ("shelled Douma") is that place, unless a speech verb follows it or the
    /// document names that person elsewhere ("President Bill Clinton ... Clinton").
    /// </summary>
    private void Tidy(Document doc, int first, Span<int> tags, NerTagger tagger)
    {
        const int BPer = 1, IPer = 2, BLoc = 5, ILoc = 6;
        var marks = tagger.GazetteerMarks.Slice(first, tags.Length);
        var persons = tagger.PersonCounts.Slice(first, tags.Length);
        for (var k = 0; k < tags.Length; k++)
        {
            if (tags[k] == BPer && k >= 2 && Token(doc, first + k - 1).SequenceEqual("of")
                && (_lexicon.RolesOf(Token(doc, first + k - 2)) & WordRole.PlaceNoun) != 0)
            {
                tags[k] = BLoc;
                for (var j = k + 1; j < tags.Length && tags[j] == IPer; j++) tags[j] = ILoc;
            }
            // O or B-X after an entity: an I- tag there would already continue it.
            if (k > 0 && tags[k - 1] != 0 && (tags[k] == 0 || (tags[k] & 1) == 1) && IsGluedArticleName(Token(doc, first + k)))
                tags[k] = 2 + 2 * ((tags[k - 1] - 1) / 2);
            else if (tags[k] == BPer && (k + 1 == tags.Length || tags[k + 1] != IPer)
                && (marks[k] & (NerGazetteer.PlaceStart | NerGazetteer.FirstNameStart)) == NerGazetteer.PlaceStart
                && (k + 1 == tags.Length || (_lexicon.RolesOf(Token(doc, first + k + 1)) & WordRole.PerCue) == 0)
                && persons[k] <= 1)
                tags[k] = BLoc;
        }
    }

    /// <summary>"al-Numan", "el-Sisi": a lower-case article of two or three letters, a dash, then a capital.</summary>
    private static bool IsGluedArticleName(ReadOnlySpan<char> t)
    {
        var dash = t.IndexOf('-');
        return dash is 2 or 3 && char.IsLower(t[0]) && dash + 1 < t.Length && char.IsUpper(t[dash + 1]);
    }

    /// <summary>A capitalised word ("Dillon", not "SDF" or "The") right before a speech verb ("said").</summary>
    private bool SpeakerBeforeVerb(Document doc, int k)
    {
        var t = Token(doc, k);
        return t.Length >= 2 && char.IsUpper(t[0]) && char.IsLower(t[1])
            && (_lexicon.RolesOf(t) & (WordRole.Starter | WordRole.Title)) == 0
            && (_lexicon.RolesOf(Token(doc, k + 1)) & WordRole.PerCue) != 0;
    }

    /// <summary>A word of lower-case letters only ("coast"; not "al-Numan", "iPhone" or "'s").</summary>
    private static bool IsPlainLowerWord(ReadOnlySpan<char> t)
    {
        foreach (var c in t)
            if (!char.IsLower(c)) return false;
        return t.Length > 0;
    }

    private static ReadOnlySpan<char> Token(Document doc, int k) => doc.Text.AsSpan(doc.TokenStarts[k], doc.TokenEnds[k] - doc.TokenStarts[k]);

    private void Emit(Document doc, int start, int end, int sentenceStart, int limit, EntityType type, List<EntityMention> result)
    {
        // Only a person's name sheds a title ("General Motors" keeps its "General"), and only a sentence's first
        // word its function word ("Later Putin left").
        if (end - start > 1 && start == sentenceStart && (_lexicon.RolesOf(Token(doc, start)) & WordRole.Starter) != 0) start++;
        var titleEnd = type == EntityType.PER ? _lexicon.MatchTitle(doc.Text, doc.TokenStarts, doc.TokenEnds, start, limit) : -1;
        if (titleEnd > start && titleEnd < end) start = titleEnd;
        // A name does not end in a plain lower-case word: "the Middle East coast" names "Middle East".
        while (end - start > 1 && IsPlainLowerWord(Token(doc, end - 1))) end--;
        var t = Token(doc, start);
        if (end - start == 1 && t.Contains('-') && !EntityRecognizer.IsCapitalised(t)) return;
        var range = new TextRange(doc.TokenStarts[start], doc.TokenEnds[end - 1]);
        var actor = _actors.Resolve(doc, start, end);
        string? actorId = null;
        if (actor is { IsGeneric: false })
        {
            actorId = actor.Id;
            // An actor is a group ("al-Nusra" is no nationality); a place name that is also an actor alias stays a place.
            if (type == EntityType.MISC) type = EntityType.ORG;
        }
        result.Add(new EntityMention(range, type, range.Slice(doc.Text), actorId));
    }
}
