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
