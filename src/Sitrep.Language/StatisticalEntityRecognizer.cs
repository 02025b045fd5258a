using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>
/// The default named-entity recognizer: the trained BIO tagger (<see cref="NerModel"/>, an averaged structured
/// perceptron) finds PER/ORG/LOC/MISC spans sentence by sentence, remembering across the document how words were
/// written and tagged; an entity whose whole span is an alias of a
/// non-generic actor of the actor dictionary carries that actor's id.
/// </summary>
public sealed class StatisticalEntityRecognizer : IEntityRecognizer
{
    private static readonly Lazy<StatisticalEntityRecognizer> LazyDefault = new(() =>
        new StatisticalEntityRecognizer(NerModel.Default, NerGazetteer.Default, ActorDictionary.Default));

    private readonly ThreadLocal<NerTagger> _taggers;
    private readonly ActorDictionary _actors;

    /// <summary>A recognizer over a model, the gazetteer its features were trained with, and an actor dictionary.</summary>
    public StatisticalEntityRecognizer(NerModel model, NerGazetteer gazetteer, ActorDictionary actors)
    {
        var features = new NerFeatures(model.Bits, gazetteer);
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
        ReadOnlySpan<int> whole = [0];
        tagger.Memory.Reset(document.Text, document.TokenStarts, document.TokenEnds,
            document.SentenceCount == 0 ? whole : document.SentenceStarts, document.TokenCount);
        if (document.SentenceCount == 0) RecognizeSentence(document, tagger, 0, document.TokenCount, result);
        for (var s = 0; s < document.SentenceCount; s++)
        {
            var sentence = document.Sentence(s);
            RecognizeSentence(document, tagger, sentence.FirstToken, sentence.EndToken, result);
        }
        return result;
    }

    private void RecognizeSentence(Document doc, NerTagger tagger, int first, int end, List<EntityMention> result)
    {
        if (end <= first) return;
        var tags = tagger.Tag(doc.Text, doc.TokenStarts, doc.TokenEnds, first, end, tagger.Memory);
        var open = -1;
        for (var k = 0; k <= tags.Length; k++)
        {
            var t = k < tags.Length ? tags[k] : 0;
            // Odd tags are B-X, even non-zero tags I-X (the decoder only lets I-X continue its own type).
            if (open >= 0 && (t == 0 || (t & 1) == 1))
            {
                Emit(doc, first + open, first + k, (EntityType)((tags[open] - 1) / 2), result);
                open = -1;
            }
            if ((t & 1) == 1) open = k;
        }
    }

    private void Emit(Document doc, int start, int end, EntityType type, List<EntityMention> result)
    {
        var range = new TextRange(doc.TokenStarts[start], doc.TokenEnds[end - 1]);
        var actor = type == EntityType.MISC ? null : _actors.Resolve(doc, start, end);
        result.Add(new EntityMention(range, type, range.Slice(doc.Text), actor is { IsGeneric: false } ? actor.Id : null));
    }
}
