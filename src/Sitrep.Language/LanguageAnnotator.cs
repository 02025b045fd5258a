using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>
/// The Language stage: tokens, sentences, actor mentions (named, aliased, demonym-led and generic) and named
/// entities. Actor resolution uses the publication date for validity and the country the document is mostly about
/// for ambiguous aliases.
/// </summary>
public sealed class LanguageAnnotator : IDocumentAnnotator
{
    private static readonly Lazy<LanguageAnnotator> LazyDefault = new(() => new LanguageAnnotator(
        Tokenizer.Default, SentenceSplitter.Default, ActorDictionary.Default, StatisticalEntityRecognizer.Default));

    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;
    private readonly ActorDictionary _actors;
    private readonly IEntityRecognizer _recognizer;

    /// <summary>Composes the stage from its parts (swap <paramref name="recognizer"/> for a trained model).</summary>
    public LanguageAnnotator(Tokenizer tokenizer, SentenceSplitter splitter, ActorDictionary actors, IEntityRecognizer recognizer)
    {
        _tokenizer = tokenizer;
        _splitter = splitter;
        _actors = actors;
        _recognizer = recognizer;
    }

    /// <summary>The stage over the embedded data, loaded once and shared.</summary>
    public static LanguageAnnotator CreateDefault() => LazyDefault.Value;

    /// <inheritdoc />
    public string Name => "language";

    /// <inheritdoc />
    public IReadOnlyList<string> Reads { get; } = [Layers.Text];

    /// <inheritdoc />
    public IReadOnlyList<string> Writes { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities, Layers.Actors];

    /// <inheritdoc />
    public Document Annotate(Document document)
    {
        var tokens = _tokenizer.Tokenize(document.Text);
        var split = document with
        {
            TokenStarts = tokens.Starts,
            TokenEnds = tokens.Ends,
            SentenceStarts = _splitter.Split(document.Text, tokens),
        };
        var matches = _actors.Match(split);
        var entities = _recognizer is EntityRecognizer rules ? rules.Recognize(split, matches) : _recognizer.Recognize(split);
        var actors = new ActorMention[matches.Count];
        for (var k = 0; k < matches.Count; k++)
        {
            var m = matches[k];
            var range = new TextRange(tokens.Starts[m.StartToken], tokens.Ends[m.EndToken - 1]);
            actors[k] = new ActorMention(range, range.Slice(document.Text), m.Actor);
        }
        return split with { Entities = entities, Actors = actors };
    }
}
