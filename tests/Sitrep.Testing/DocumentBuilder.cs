using System.Text.RegularExpressions;
using Sitrep.Core;

namespace Sitrep.Testing;

/// <summary>
/// Builds small documents by hand for stage tests, without the Language stage: tokens are words, numbers and
/// single punctuation marks; sentences end at '.', '!' or '?' followed by whitespace. Good enough for tests that
/// need token and sentence views over a sentence or two they wrote themselves.
/// </summary>
public sealed partial class DocumentBuilder
{
    private string _text = "";
    private DocumentMeta _meta = new("test-doc", "test.txt");

    /// <summary>Sets the text.</summary>
    public DocumentBuilder WithText(string text) { _text = text; return this; }

    /// <summary>Sets the publication date (yyyy-MM-dd).</summary>
    public DocumentBuilder PublishedOn(string isoDate)
    {
        _meta = _meta with { Published = DateOnly.ParseExact(isoDate, "yyyy-MM-dd") };
        return this;
    }

    /// <summary>Sets id and source.</summary>
    public DocumentBuilder From(string id, string? source = null)
    {
        _meta = _meta with { Id = id, Source = source };
        return this;
    }

    /// <summary>Builds the tokenized document.</summary>
    public Document Build()
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var sentenceStarts = new List<int>();
        var newSentence = true;
        foreach (Match m in TokenPattern().Matches(_text))
        {
            if (newSentence) { sentenceStarts.Add(starts.Count); newSentence = false; }
            starts.Add(m.Index);
            ends.Add(m.Index + m.Length);
            var atEnd = m.Index + m.Length >= _text.Length || char.IsWhiteSpace(_text[m.Index + m.Length]);
            if (m.Value is "." or "!" or "?" && atEnd) newSentence = true;
        }
        return new Document
        {
            Meta = _meta,
            Text = _text,
            Segments = [new TextRange(0, _text.Length)],
            TokenStarts = [.. starts],
            TokenEnds = [.. ends],
            SentenceStarts = [.. sentenceStarts],
        };
    }

    /// <summary>Shortcut: a tokenized document of <paramref name="text"/> published on <paramref name="published"/>.</summary>
    public static Document Of(string text, string? published = null)
    {
        var b = new DocumentBuilder().WithText(text);
        if (published is not null) b.PublishedOn(published);
        return b.Build();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*|\S")]
    private static partial Regex TokenPattern();
}
