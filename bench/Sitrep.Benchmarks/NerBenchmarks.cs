using BenchmarkDotNet.Attributes;
using Sitrep.Core;
using Sitrep.Language;

namespace Sitrep.Benchmarks;

/// <summary>
/// Tokenize + sentences + NER over a ~600-word news article, the figure behind "tokens per second per core" for
/// the statistical recognizer (divide <see cref="Tokens"/> by the mean time). The rule recognizer runs for scale.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private string _text = null!;
    private Document _tokenized = null!;

    /// <summary>Tokens in the benchmark article (printed at setup).</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Articles.PlainText();
        _tokenized = Tokenize();
        Tokens = _tokenized.TokenCount;
        Console.WriteLine($"// NER benchmark article: {Tokens} tokens");
        _ = StatisticalEntityRecognizer.Default.Recognize(_tokenized);
        _ = EntityRecognizer.Default.Recognize(_tokenized);
    }

    private Document Tokenize()
    {
        var spans = Tokenizer.Default.Tokenize(_text);
        return new Document
        {
            Meta = new DocumentMeta("bench", "bench"),
            Text = _text,
            TokenStarts = spans.Starts,
            TokenEnds = spans.Ends,
            SentenceStarts = SentenceSplitter.Default.Split(_text, spans),
        };
    }

    [Benchmark(Baseline = true)] public Document TokenizeAndSplit() => Tokenize();
    [Benchmark] public int TokenizeSplitAndModelNer() => StatisticalEntityRecognizer.Default.Recognize(Tokenize()).Count;
    [Benchmark] public int ModelNerOnly() => StatisticalEntityRecognizer.Default.Recognize(_tokenized).Count;
    [Benchmark] public int RuleNerOnly() => EntityRecognizer.Default.Recognize(_tokenized).Count;
}

/// <summary>
/// Tokenize + sentences + NER over varied news text: the 231 documents of CoNLL++ test (Reuters, Dec 1996; words
/// joined by spaces, sentences by newlines), read from the shared bench folder (../shared or SITREP_SHARED), never
/// copied into the repository. Divide <see cref="Tokens"/> by the mean time for tokens per second; on a shared
/// machine the minimum is the run least disturbed by other processes.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class NerVariedTextBenchmarks
{
    private string[] _texts = [];
    private Document[] _tokenized = [];

    /// <summary>Tokens in all documents (printed at setup).</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        using var reader = File.OpenText(SharedBench.Find("bench/conll2003/conllpp_test.txt", nameof(NerVariedTextBenchmarks)));
        _texts = NerTrainer.ReadConll(reader)
            .Select(d => string.Join("\n", d.Sentences.Select(s => string.Join(" ", s.Words))))
            .ToArray();
        _tokenized = _texts.Select(Tokenize).ToArray();
        Tokens = _tokenized.Sum(d => d.TokenCount);
        Console.WriteLine($"// NER varied-text benchmark: {_texts.Length} documents, {Tokens} tokens");
        foreach (var d in _tokenized) StatisticalEntityRecognizer.Default.Recognize(d);
    }

    private static Document Tokenize(string text)
    {
        var spans = Tokenizer.Default.Tokenize(text);
        return new Document
        {
            Meta = new DocumentMeta("bench", "bench"),
            Text = text,
            TokenStarts = spans.Starts,
            TokenEnds = spans.Ends,
            SentenceStarts = SentenceSplitter.Default.Split(text, spans),
        };
    }

    [Benchmark(Baseline = true)]
    public int TokenizeAndSplit()
    {
        var sentences = 0;
        foreach (var t in _texts) sentences += Tokenize(t).SentenceCount;
        return sentences;
    }

    [Benchmark]
    public int TokenizeSplitAndModelNer()
    {
        var entities = 0;
        foreach (var t in _texts) entities += StatisticalEntityRecognizer.Default.Recognize(Tokenize(t)).Count;
        return entities;
    }

    [Benchmark]
    public int ModelNerOnly()
    {
        var entities = 0;
        foreach (var d in _tokenized) entities += StatisticalEntityRecognizer.Default.Recognize(d).Count;
        return entities;
    }
}
