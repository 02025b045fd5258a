using Sitrep.Core;

namespace Sitrep.EventCoding.Tests;

public class AttributionFeaturesTests
{
    // Names, pronouns, commas, dashes, quotation marks and parentheses between cues and candidates, sentences of
    // every length up to past the candidate reach, so every branch of the shared-hash source path is taken.
    private const string Text =
        "Ryan Dillon, a spokesman (for the coalition), said on Monday that “twelve targets” were struck near Raqqa. "
        + "\"We will not stop,\" he told reporters — according to Maria Lopez and Omar Haddad, who said they saw it. "
        + "The convoy was hit twice before dawn, according to the Syrian Observatory; officials in Damascus, Aleppo, Homs, "
        + "Hama, Idlib, Latakia, Tartus, Deir ez-Zor, Hasakah, Qamishli and Palmyra denied it, said Abu Omar; they argued "
        + "that the claims were false.\nBut she believes it.";

    private static Document Doc() => new TestDoc(Text).Person("Ryan Dillon").Person("Maria Lopez").Person("Omar Haddad")
        .Person("Abu Omar").Person("Syrian Observatory").Build();

    [Fact]
    public void SourceFeatures_EqualTheTemplatesHashedOneByOne_ForEveryCueAndCandidate()
    {
        var doc = Doc();
        using var features = new AttributionFeatures(doc, 19);
        Span<int> fast = stackalloc int[AttributionFeatures.MaxFeatures];
        Span<int> plain = stackalloc int[AttributionFeatures.MaxFeatures];
        var pairs = 0;
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            for (var c = sentence.FirstToken; c < sentence.EndToken; c++)
                for (var j = -1; j < sentence.EndToken; j++)
                {
                    if (j == c) continue;
                    var n = features.Source(j, c, sentence.FirstToken, sentence.EndToken, fast);
                    var m = features.SourceDirect(j, c, sentence.FirstToken, sentence.EndToken, plain);
                    Assert.Equal(plain[..m].ToArray(), fast[..n].ToArray());
                    pairs++;
                }
        }
        Assert.True(pairs > 1000, $"only {pairs} pairs");
    }

    [Fact]
    public void CueFeatures_EqualTheTemplatesHashedOneByOne_ForEveryToken()
    {
        var doc = Doc();
        using var features = new AttributionFeatures(doc, 19);
        Span<int> fast = stackalloc int[AttributionFeatures.MaxFeatures];
        Span<int> plain = stackalloc int[AttributionFeatures.MaxFeatures];
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            for (var c = sentence.FirstToken; c < sentence.EndToken; c++)
            {
                var n = features.Cue(c, sentence.FirstToken, sentence.EndToken, fast);
                var m = features.CueDirect(c, sentence.FirstToken, sentence.EndToken, plain);
                Assert.Equal(plain[..m].ToArray(), fast[..n].ToArray());
            }
        }
    }

    [Fact]
    public void CueFeaturesOfABatch_EqualEachTokensOwn_PunctuationLeftOut()
    {
        var doc = Doc();
        using var features = new AttributionFeatures(doc, 19);
        Span<int> one = stackalloc int[AttributionFeatures.MaxFeatures];
        var batch = new int[AttributionFeatures.MaxBatch * AttributionFeatures.MaxFeatures];
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            for (var from = sentence.FirstToken; from < sentence.EndToken; from += AttributionFeatures.MaxBatch)
            {
                var to = Math.Min(sentence.EndToken, from + AttributionFeatures.MaxBatch);
                Array.Fill(batch, -1);
                features.Cues(from, to, sentence.FirstToken, sentence.EndToken, batch);
                for (var i = from; i < to; i++)
                {
                    var got = batch.AsSpan((i - from) * AttributionFeatures.MaxFeatures, AttributionFeatures.CueFeatures).ToArray();
                    if (features.IsPunctuation(i)) { Assert.All(got, x => Assert.Equal(-1, x)); continue; }
                    var n = features.CueDirect(i, sentence.FirstToken, sentence.EndToken, one);
                    Assert.Equal(one[..n].ToArray(), got);
                }
            }
        }
    }

    [Theory]
    [InlineData("said")]
    [InlineData("Touting")]
    [InlineData("ACCUSED")]
    [InlineData("believes")]
    [InlineData("claims")]
    [InlineData("Wave")]
    [InlineData("as")]
    [InlineData("don’t")]
    [InlineData("Ärzte")]
    [InlineData("ÉTAIENT")]
    [InlineData("")]
    [InlineData("SINGING")]
    [InlineData("walked")]
    [InlineData("Buses")]
    [InlineData("walKİNG")]
    [InlineData("walkıng")]
    [InlineData("ﬁxed")]
    [InlineData("ｗａｌｋｉｎｇ")]
    public void WordAndStemHashes_InOnePass_EqualHashingWordAndStemApart(string word)
    {
        var h = AttributionFeatures.Hash(word, out var stem);
        Assert.Equal(Reference(word), h);
        Assert.Equal(Reference(ReferenceStem(word)), stem);
    }

    [Theory]
    [InlineData("said")]
    [InlineData("Raqqa")]
    [InlineData("ISIS")]
    [InlineData("F-16s")]
    [InlineData("2018")]
    [InlineData("3rd")]
    [InlineData("“")]
    [InlineData("A")]
    [InlineData("Ärzte")]
    [InlineData("ÉTAT")]
    [InlineData("٣٤")]
    [InlineData("ｗ")]
    [InlineData("")]
    public void WordShape_EqualsTheCharacterClassesOfTheFramework(string word)
    {
        ulong expected = 0;
        if (word.Length > 0)
        {
            ulong first = char.IsUpper(word[0]) ? 1UL : char.IsLower(word[0]) ? 2UL : char.IsDigit(word[0]) ? 3UL : 4UL;
            ulong rest = 0;
            for (var i = 1; i < word.Length; i++)
                rest |= char.IsUpper(word[i]) ? 1UL : char.IsLower(word[i]) ? 2UL : char.IsDigit(word[i]) ? 4UL : 8UL;
            expected = first * 16 + rest + (word.Length == 1 ? 100UL : 0UL);
        }
        Assert.Equal(expected, AttributionFeatures.Shape(word));
    }

    /// <summary>The stem rules as the model was trained with them, on the framework's ignore-case comparison.</summary>
    private static string ReferenceStem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return w[..^3];
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return w[..^2];
        if (w.Length > 4 && w.EndsWith("es", StringComparison.OrdinalIgnoreCase)) return w[..^2];
        if (w.Length > 3 && (w[^1] is 's' or 'S') && w[^2] is not ('s' or 'S')) return w[..^1];
        if (w.Length > 3 && (w[^1] is 'e' or 'E')) return w[..^1];
        return w;
    }

    /// <summary>FNV-1a over the invariant lower case, curly apostrophes straightened: the hash the model was trained with.</summary>
    private static ulong Reference(string w)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in w) h = (h ^ (ch == '’' ? '\'' : char.ToLowerInvariant(ch))) * 1099511628211UL;
        return h;
    }

    [Fact]
    public void GapsOfAllCandidates_EqualEachCandidatesOwnGap()
    {
        var doc = Doc();
        using var features = new AttributionFeatures(doc, 19);
        Span<byte> gaps = stackalloc byte[2 * AttributionFeatures.MaxSourceDistance + 1];
        var seen = new HashSet<(int, int, int)>();
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            for (var c = sentence.FirstToken; c < sentence.EndToken; c++)
            {
                var from = Math.Max(sentence.FirstToken, c - AttributionFeatures.MaxSourceDistance);
                var to = Math.Min(sentence.EndToken, c + AttributionFeatures.MaxSourceDistance + 1);
                features.Gaps(c, from, to, gaps);
                for (var j = from; j < to; j++)
                {
                    if (j == c) continue;
                    var g = gaps[j - from];
                    var expected = features.Gap(j, c);
                    Assert.Equal(expected, (g & 1, g >> 1 & 1, g >> 2));
                    seen.Add(expected);
                }
            }
        }
        // Commas, quotation marks and one and two mentions all occur between some cue and candidate.
        Assert.Contains(seen, g => g.Item1 == 1);
        Assert.Contains(seen, g => g.Item2 == 1);
        Assert.Contains(seen, g => g.Item3 == 1);
        Assert.Contains(seen, g => g.Item3 == 2);
    }
}
