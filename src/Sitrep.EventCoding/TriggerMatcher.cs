using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>A trigger pattern found in the text: which ontology row, over which tokens [Start, End).</summary>
internal readonly record struct TriggerMatch(int Entry, int StartToken, int EndToken);

/// <summary>
/// Finds ontology patterns in token sequences. Every pattern word is expanded to its regular inflections at load
/// time, and patterns are indexed by their first word, so matching is one span lookup per token.
/// </summary>
internal sealed class TriggerMatcher
{
    private readonly WordMap<Pattern[]> _byFirstWord;

    private sealed record Pattern(int Entry, WordSet[] Words);

    public TriggerMatcher(IReadOnlyList<OntologyEntry> entries)
    {
        var byFirst = new Dictionary<string, List<Pattern>>(StringComparer.OrdinalIgnoreCase);
        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var text in entries[e].Patterns)
            {
                foreach (var words in Variants(text))
                {
                    var sets = new WordSet[words.Count];
                    for (var i = 0; i < words.Count; i++) sets[i] = new WordSet(Forms(words[i]));
                    var pattern = new Pattern(e, sets);
                    foreach (var form in Forms(words[0]))
                    {
                        if (!byFirst.TryGetValue(form, out var list)) byFirst[form] = list = [];
                        list.Add(pattern);
                    }
                }
            }
        }
        _byFirstWord = new WordMap<Pattern[]>(byFirst.Select(kv => new KeyValuePair<string, Pattern[]>(kv.Key, [.. kv.Value])));
    }

    /// <summary>Adds every match in tokens [first, end) to <paramref name="output"/>, in token order.</summary>
    public void Find(Document doc, int first, int end, List<TriggerMatch> output)
    {
        for (var i = first; i < end; i++)
        {
            if (!_byFirstWord.TryGet(Word(doc, i), out var patterns)) continue;
            foreach (var p in patterns)
            {
                var n = p.Words.Length;
                if (i + n > end) continue;
                var ok = true;
                for (var k = 1; k < n && ok; k++) ok = p.Words[k].Contains(Word(doc, i + k));
                if (ok) output.Add(new TriggerMatch(p.Entry, i, i + n));
            }
        }
    }

    internal static ReadOnlySpan<char> Word(Document doc, int i) =>
        doc.Text.AsSpan(doc.TokenStarts[i], doc.TokenEnds[i] - doc.TokenStarts[i]);

    // "air-strike" also matches when a tokenizer splits it into "air", "-", "strike".
    private static IEnumerable<List<string>> Variants(string pattern)
    {
        var words = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        yield return words;
        if (!words.Exists(w => w.Length > 2 && w.Contains('-'))) yield break;
        var split = new List<string>();
        foreach (var w in words)
        {
            if (w.Length > 2 && w.Contains('-'))
            {
                var parts = w.Split('-', StringSplitOptions.RemoveEmptyEntries);
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i > 0) split.Add("-=");
                    split.Add(parts[i]);
                }
            }
            else split.Add(w);
        }
        yield return split;
    }

    /// <summary>The word and its regular inflections; a trailing '=' means the exact word only.</summary>
    internal static IEnumerable<string> Forms(string word)
    {
        if (word.EndsWith('=')) { yield return word[..^1]; yield break; }
        var w = word.ToLowerInvariant();
        yield return w;
        if (w.Length < 3 || !char.IsLetter(w[^1])) yield break;
        yield return w + "s";
        yield return w + "es";
        yield return w + "ed";
        yield return w + "ing";
        var last = w[^1];
        if (last == 'e')
        {
            yield return w + "d";
            yield return w[..^1] + "ing";
        }
        if (last == 'y' && !IsVowel(w[^2]))
        {
            yield return w[..^1] + "ies";
            yield return w[..^1] + "ied";
        }
        if (!IsVowel(last) && IsVowel(w[^2]) && !IsVowel(w[^3]) && last is not ('w' or 'x' or 'y'))
        {
            yield return w + last + "ed";
            yield return w + last + "ing";
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
