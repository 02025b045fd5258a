namespace Sitrep.Language;

/// <summary>
/// Finds sentence starts over tokens. A line break always ends a sentence (one paragraph or headline per line).
/// '.', '!', '?' and ellipses end one, with closing quotes and brackets glued to them, unless the next word starts
/// in lower case. A period that belongs to a title ("Col.") never ends one; a period of another abbreviation, an
/// initial or a dotted acronym ("Inc.", "J.", "U.S.") ends one only when the next word is a capitalised function
/// word that typically starts sentences ("The", "He", "However" — STARTER in ner_lexicon.tsv): "the U.S. President"
/// stays one sentence, "struck by the U.S. The next day" is two.
/// </summary>
public sealed class SentenceSplitter
{
    private static readonly Lazy<SentenceSplitter> LazyDefault = new(() => new SentenceSplitter(Abbreviations.Default, NerLexicon.Default));
    private readonly Abbreviations _abbreviations;
    private readonly NerLexicon _lexicon;

    /// <summary>Creates a splitter over an abbreviation list and the lexicon's sentence-starter words.</summary>
    public SentenceSplitter(Abbreviations abbreviations, NerLexicon lexicon)
    {
        _abbreviations = abbreviations;
        _lexicon = lexicon;
    }

    /// <summary>The splitter over the embedded lists.</summary>
    public static SentenceSplitter Default => LazyDefault.Value;

    /// <summary>Index of the first token of each sentence, ascending (empty when there are no tokens).</summary>
    public int[] Split(string text, TokenSpans tokens)
    {
        var count = tokens.Count;
        if (count == 0) return [];
        var starts = tokens.Starts;
        var ends = tokens.Ends;
        var result = new List<int>(Math.Max(4, count / 20)) { 0 };
        var i = 0;
        while (i < count)
        {
            var next = i + 1;
            if (next < count && HasLineBreak(text, ends[i], starts[next]))
            {
                Add(result, next);
                i = next;
                continue;
            }
            var kind = TerminalKind(text.AsSpan(starts[i], ends[i] - starts[i]));
            if (kind == Terminal.None) { i = next; continue; }
            // Closing quotes and brackets glued to the mark, and further marks (". ..."), belong to the ending sentence.
            var j = next;
            while (j < count && ((starts[j] == ends[j - 1] && IsCloser(text[starts[j]]))
                       || TerminalKind(text.AsSpan(starts[j], ends[j] - starts[j])) == Terminal.Certain)) j++;
            // A line break after the closers ends the sentence as any line break does ('locations."\nHe taunted').
            if (j < count && (HasLineBreak(text, ends[j - 1], starts[j]) || StartsSentence(text, starts[j], ends[j], kind))) Add(result, j);
            i = j;
        }
        return [.. result];
    }

    private enum Terminal { None, Certain, Ambiguous }

    private Terminal TerminalKind(ReadOnlySpan<char> token)
    {
        var last = token[^1];
        if (last is not ('.' or '!' or '?' or '…')) return Terminal.None;
        var allMarks = true;
        foreach (var c in token)
            if (c is not ('.' or '!' or '?' or '…')) { allMarks = false; break; }
        if (allMarks) return Terminal.Certain;
        if (last != '.') return Terminal.None;
        return _abbreviations.Find(token[..^1]) == AbbreviationKind.Title ? Terminal.None : Terminal.Ambiguous;
    }

    private bool StartsSentence(string text, int start, int end, Terminal kind)
    {
        var first = text[start];
        if (kind == Terminal.Certain) return !char.IsLower(first) && first is not (',' or ';' or ':' or ')' or ']' or '}');
        return (_lexicon.RolesOf(text.AsSpan(start, end - start)) & WordRole.Starter) != 0;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '’' or '”' or '»' or ')' or ']' or '}';

    private static bool HasLineBreak(string text, int from, int to) => text.AsSpan(from, to - from).IndexOfAny('\n', '\r') >= 0;

    private static void Add(List<int> result, int start)
    {
        if (result[^1] != start) result.Add(start);
    }
}
