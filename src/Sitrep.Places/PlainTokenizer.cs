using Sitrep.Core;

namespace Sitrep.Places;

/// <summary>
/// A minimal tokenizer for evaluation corpora that arrive as raw text (the Language stage is not a dependency):
/// words with inner hyphens/apostrophes/periods, numbers, single punctuation; sentences end at . ! ? or a blank line.
/// </summary>
internal static class PlainTokenizer
{
    public static Document Tokenize(string id, string text)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var sentences = new List<int>();
        var newSentence = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' && i + 1 < text.Length && text[i + 1] is '\n' or '\r') newSentence = true;
                i++;
                continue;
            }
            var start = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < text.Length)
                {
                    if (char.IsLetterOrDigit(text[i])) { i++; continue; }
                    if (text[i] is '-' or '\'' or '’' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) { i += 2; continue; }
                    break;
                }
            }
            else i++;
            if (newSentence) { sentences.Add(starts.Count); newSentence = false; }
            starts.Add(start);
            ends.Add(i);
            if (c is '.' or '!' or '?' && (i >= text.Length || char.IsWhiteSpace(text[i]))) newSentence = true;
        }
        return new Document
        {
            Meta = new DocumentMeta(id, id),
            Text = text,
            Segments = [new TextRange(0, text.Length)],
            TokenStarts = [.. starts],
            TokenEnds = [.. ends],
            SentenceStarts = [.. sentences],
        };
    }
}
