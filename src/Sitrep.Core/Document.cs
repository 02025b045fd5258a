namespace Sitrep.Core;

/// <summary>
/// An article being annotated. The document owns its data in arrays (token offsets, sentence starts) and lists of
/// mentions; <see cref="Token"/> and <see cref="Sentence"/> are cheap views over it. Stages never mutate a document:
/// they return a copy with their layer set (<c>doc with { Times = ... }</c>).
/// </summary>
public sealed record Document
{
    /// <summary>Where the document came from and when it was published.</summary>
    public required DocumentMeta Meta { get; init; }
    /// <summary>The clean article text every offset points into.</summary>
    public required string Text { get; init; }
    /// <summary>Article segments (several articles on one page); one covering the text when not split.</summary>
    public IReadOnlyList<TextRange> Segments { get; init; } = [];

    /// <summary>Start offset of each token.</summary>
    public int[] TokenStarts { get; init; } = [];
    /// <summary>End offset (exclusive) of each token.</summary>
    public int[] TokenEnds { get; init; } = [];
    /// <summary>Index of the first token of each sentence, ascending; sentence i runs to the next one's start.</summary>
    public int[] SentenceStarts { get; init; } = [];

    /// <summary>Named entities (PER, ORG, LOC, MISC).</summary>
    public IReadOnlyList<EntityMention> Entities { get; init; } = [];
    /// <summary>Mentions resolved to actors of the actor dictionary, or generic armed actors ("gunmen").</summary>
    public IReadOnlyList<ActorMention> Actors { get; init; } = [];
    /// <summary>Time expressions with their resolved calendar ranges.</summary>
    public IReadOnlyList<TimeMention> Times { get; init; } = [];
    /// <summary>Toponyms resolved to gazetteer places.</summary>
    public IReadOnlyList<PlaceMention> Places { get; init; } = [];
    /// <summary>Direct and indirect quotes with their speakers.</summary>
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    /// <summary>Events coded from the text (all modalities; only asserted and claimed count).</summary>
    public IReadOnlyList<ConflictEvent> Events { get; init; } = [];
    /// <summary>Per-document problems that did not stop processing.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Number of tokens.</summary>
    public int TokenCount => TokenStarts.Length;
    /// <summary>Number of sentences.</summary>
    public int SentenceCount => SentenceStarts.Length;

    /// <summary>View of token <paramref name="index"/>.</summary>
    public Token Token(int index) => new(this, index);
    /// <summary>View of sentence <paramref name="index"/>.</summary>
    public Sentence Sentence(int index) => new(this, index);

    /// <summary>All sentences in order.</summary>
    public IEnumerable<Sentence> Sentences()
    {
        for (var i = 0; i < SentenceCount; i++) yield return new Sentence(this, i);
    }

    /// <summary>Index of the token containing or starting after <paramref name="offset"/>; TokenCount when none.</summary>
    public int TokenIndexAt(int offset)
    {
        var i = Array.BinarySearch(TokenEnds, offset);
        // BinarySearch over ends: an exact hit means the token ends at offset, so the next token is the one at it.
        i = i >= 0 ? i + 1 : ~i;
        return i;
    }

    /// <summary>Index of the sentence containing token <paramref name="tokenIndex"/>; -1 when there are no sentences.</summary>
    public int SentenceIndexOfToken(int tokenIndex)
    {
        if (SentenceCount == 0) return -1;
        var i = Array.BinarySearch(SentenceStarts, tokenIndex);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    /// <summary>Index of the sentence containing character <paramref name="offset"/>; -1 when there are no sentences.</summary>
    public int SentenceIndexAt(int offset) => SentenceIndexOfToken(Math.Min(TokenIndexAt(offset), Math.Max(0, TokenCount - 1)));

    /// <summary>The text covered by <paramref name="range"/>.</summary>
    public string Slice(TextRange range) => range.Slice(Text);
}

/// <summary>A view of one token of a <see cref="Document"/>.</summary>
public readonly struct Token(Document document, int index)
{
    /// <summary>Position in the document's token arrays.</summary>
    public int Index => index;
    public int Start => document.TokenStarts[index];
    public int End => document.TokenEnds[index];
    public TextRange Range => new(Start, End);
    /// <summary>The token's characters (allocates).</summary>
    public string Text => document.Text.Substring(Start, End - Start);
    /// <summary>The token's characters without allocating.</summary>
    public ReadOnlySpan<char> Chars => document.Text.AsSpan(Start, End - Start);
    public override string ToString() => Text;
}

/// <summary>A view of one sentence of a <see cref="Document"/>: tokens [FirstToken, EndToken).</summary>
public readonly struct Sentence(Document document, int index)
{
    public int Index => index;
    public int FirstToken => document.SentenceStarts[index];
    public int EndToken => index + 1 < document.SentenceCount ? document.SentenceStarts[index + 1] : document.TokenCount;
    public int TokenCount => EndToken - FirstToken;
    /// <summary>Characters from the first token's start to the last token's end.</summary>
    public TextRange Range => TokenCount == 0
        ? new(0, 0)
        : new(document.TokenStarts[FirstToken], document.TokenEnds[EndToken - 1]);
    public string Text => Range.Slice(document.Text);
    public Token Token(int i) => new(document, FirstToken + i);
    public override string ToString() => Text;
}
