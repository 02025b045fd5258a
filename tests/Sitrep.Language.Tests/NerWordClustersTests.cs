using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class NerWordClustersTests
{
    private static readonly NerGazetteer NoNames = NerGazetteer.Empty;

    private static NerWordClusters Clusters(string rows) => NerWordClusters.Load(new StringReader("word\tpath\n" + rows));

    private static uint Path(NerWordClusters c, string word) => c.Lookup(NerGazetteer.LowerHash(word));

    private static int[] TokenIds(NerFeatures features, string sentence, int k, NerFeatures.Scratch? scratch = null)
    {
        var words = sentence.Split(' ');
        var starts = new int[words.Length];
        var ends = new int[words.Length];
        for (int i = 0, p = 0; i < words.Length; p += words[i].Length + 1, i++) { starts[i] = p; ends[i] = p + words[i].Length; }
        scratch ??= new NerFeatures.Scratch();
        features.Extract(sentence, starts, ends, 0, words.Length, scratch);
        return scratch.Ids[scratch.Offsets[k]..scratch.Offsets[k + 1]];
    }

    [Fact]
    public void Lookup_IgnoresCase_AndGivesUnknownForAnUnlistedWord()
    {
        var c = Clusters("paris\t0110\nlondon\t0111\n");
        Assert.NotEqual(NerWordClusters.Unknown, Path(c, "paris"));
        Assert.Equal(Path(c, "paris"), Path(c, "PARIS"));
        Assert.Equal(NerWordClusters.Unknown, Path(c, "Leeds"));
        Assert.Equal(NerWordClusters.Unknown, Path(NerWordClusters.Empty, "paris"));
    }

    [Fact]
    public void Prefix_SharedByWordsThatSplitLate_AndDistinctAfterTheSplit()
    {
        var c = Clusters("paris\t0110\nlondon\t0111\nrain\t1\n");
        Assert.Equal(NerWordClusters.Prefix(Path(c, "paris"), 3), NerWordClusters.Prefix(Path(c, "london"), 3));
        Assert.NotEqual(NerWordClusters.Prefix(Path(c, "paris"), 4), NerWordClusters.Prefix(Path(c, "london"), 4));
        Assert.NotEqual(NerWordClusters.Prefix(Path(c, "paris"), 1), NerWordClusters.Prefix(Path(c, "rain"), 1));
    }

    [Fact]
    public void Prefix_LongerThanThePath_IsTheWholePath_AndPathsOfDifferentLengthDiffer()
    {
        var c = Clusters("a\t01\nb\t1\n");
        Assert.Equal(Path(c, "a"), NerWordClusters.Prefix(Path(c, "a"), 16));
        // "01" and "1" have the same bits as numbers; their depth keeps them apart.
        Assert.NotEqual(Path(c, "a"), Path(c, "b"));
        Assert.Equal(NerWordClusters.Unknown, NerWordClusters.Prefix(NerWordClusters.Unknown, 4));
    }

    [Theory]
    [InlineData("foo\t012\n")]
    [InlineData("foo\t\n")]
    [InlineData("foo\t00000000000000001\n")]
    [InlineData("foo\n")]
    public void Load_MalformedRow_IsRefusedWithItsLineNumber(string row)
    {
        var e = Assert.Throws<FormatException>(() => Clusters("ok\t1\n" + row));
        Assert.Contains("LANG017", e.Message);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Features_OfTwoNames_ShareMoreWhenTheyAreInOneCluster()
    {
        var together = new NerFeatures(16, NoNames, Clusters("leeds\t0110101\nchelsea\t0110101\n"));
        var apart = new NerFeatures(16, NoNames, Clusters("leeds\t0110101\nchelsea\t1001010\n"));
        int Shared(NerFeatures f) => TokenIds(f, "fans of Leeds cheered", 2).Intersect(TokenIds(f, "fans of Chelsea cheered", 2)).Count();
        // The four path prefixes and the prefix with capitalisation are shared only when the paths agree.
        Assert.True(Shared(together) >= Shared(apart) + 5, $"{Shared(together)} shared in one cluster, {Shared(apart)} apart");
    }

    [Fact]
    public void Features_OfUnlistedWords_FallBackToTheirShape()
    {
        var f = new NerFeatures(16, NoNames, Clusters("rain\t1\n"));
        // Two unlisted words of one shape share the fallback cluster features; a word of another shape does not.
        var same = TokenIds(f, "met Xuzwq", 1).Intersect(TokenIds(f, "met Qarbz", 1)).Count();
        var other = TokenIds(f, "met Xuzwq", 1).Intersect(TokenIds(f, "met QARBZ", 1)).Count();
        Assert.True(same > other, $"{same} shared by same-shape words, {other} otherwise");
    }

    [Fact]
    public void DocumentMemory_ReusedForTheNextDocument_GivesTheFeaturesOfAFreshMemory()
    {
        // The memory keeps the neighbour words' clusters per document; a reused memory must not carry them over.
        var f = new NerFeatures(16, NoNames, Clusters("beat\t0101\nvisited\t1100\nfans\t0011\nlost\t0100\n"));
        int[] Ids(NerMemory memory, string text)
        {
            var words = text.Split(' ');
            var starts = new int[words.Length];
            var ends = new int[words.Length];
            for (int i = 0, p = 0; i < words.Length; p += words[i].Length + 1, i++) { starts[i] = p; ends[i] = p + words[i].Length; }
            memory.Reset(text, starts, ends, [0], words.Length);
            var scratch = new NerFeatures.Scratch();
            f.Extract(text, starts, ends, 0, words.Length, scratch, memory);
            return scratch.Ids[scratch.Offsets[1]..scratch.Offsets[2]];
        }
        var reused = new NerMemory();
        Ids(reused, "fans Leeds beat Chelsea");
        var second = Ids(reused, "we Leeds visited Rome");
        Assert.Equal(Ids(new NerMemory(), "we Leeds visited Rome"), second);
        Assert.NotEqual(Ids(new NerMemory(), "fans Leeds beat Chelsea"), second);
    }

    [Fact]
    public void Extract_WithTheShippedClusters_AllocatesNothingOnceWarm()
    {
        var f = NerFeatures.CreateDefault(20);
        var scratch = new NerFeatures.Scratch();
        const string sentence = "Fighters of the Syrian Democratic Forces entered Raqqa on Monday , a spokesman said .";
        TokenIds(f, sentence, 0, scratch);
        var words = sentence.Split(' ');
        var starts = new int[words.Length];
        var ends = new int[words.Length];
        for (int i = 0, p = 0; i < words.Length; p += words[i].Length + 1, i++) { starts[i] = p; ends[i] = p + words[i].Length; }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) f.Extract(sentence, starts, ends, 0, words.Length, scratch);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ShippedClusters_ListTheCommonWordsOfNews_AndGroupTheWeekdays()
    {
        var c = NerWordClusters.Default;
        Assert.True(c.Count >= 100_000, $"only {c.Count} words");
        // The package lists no numbers; they fall back to their shape.
        foreach (var w in new[] { "said", "monday", "reuters", "london", "germany" }) Assert.NotEqual(NerWordClusters.Unknown, Path(c, w));
        Assert.Equal(NerWordClusters.Prefix(Path(c, "monday"), 12), NerWordClusters.Prefix(Path(c, "tuesday"), 12));
    }
}
