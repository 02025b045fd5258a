using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Sitrep.ArticleText;
using Sitrep.Core;
using Sitrep.Dates;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Benchmarks;

/// <summary>Test articles of news length (~600 words) built from the repository's own samples.</summary>
internal static class Articles
{
    public static readonly string SamplesDir = FindSamples();

    /// <summary>A ~600-word plain-text article: the sample page's paragraphs repeated with varied towns and numbers.</summary>
    public static string PlainText()
    {
        var towns = new[] { "Raqqa", "Deir ez-Zor", "Mosul", "Hajin", "Idlib", "Aleppo", "Kobane", "Tikrit" };
        var sb = new StringBuilder("Coalition Strikes Continue In Eastern Syria\n\n");
        var words = 0;
        for (var i = 0; words < 600; i++)
        {
            var para = $"Warplanes struck positions near {towns[i % towns.Length]} on Monday, killing at least {i + 3} fighters and wounding {2 * i + 1} others, according to the Syrian Observatory for Human Rights. " +
                       $"Local sources said government forces were preparing to launch an offensive on the area in the coming weeks, while Islamic State militants vowed to resist.\n\n";
            sb.Append(para);
            words += para.Split(' ').Length;
        }
        return sb.ToString();
    }

    public static RawDocument Raw(string id, string text, ContentKind kind = ContentKind.Text) =>
        new(id, id, kind, Encoding.UTF8.GetBytes(text)) { DefaultPublished = new DateOnly(2018, 8, 31) };

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")) && Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}

/// <summary>
/// Article text extraction of a clean 600-word plain-text article (what JSONL and .txt input costs: the whole-pipeline
/// target of 2,000 documents/s/core leaves this stage well under 0.1 ms), a noisy scraped page and an HTML page, and
/// the tree build of that HTML page on its own.
/// </summary>
[MemoryDiagnoser]
public class ArticleTextBenchmarks
{
    private readonly ArticleExtractor _extractor = new();
    private RawDocument _article = null!, _text = null!, _html = null!;
    private string _htmlSource = null!;

    [GlobalSetup]
    public void Setup()
    {
        _article = Articles.Raw("article", Articles.PlainText());
        _text = Articles.Raw("noisy", File.ReadAllText(Path.Combine(Articles.SamplesDir, "noisy-page.txt")) + Articles.PlainText());
        _htmlSource = File.ReadAllText(Path.Combine(Articles.SamplesDir, "strike-report.html"));
        _html = Articles.Raw("html", _htmlSource, ContentKind.Html);
    }

    [Benchmark] public Article PlainTextArticle() => _extractor.Extract(_article);
    [Benchmark] public Article PlainTextPage() => _extractor.Extract(_text);
    [Benchmark] public Article HtmlPage() => _extractor.Extract(_html);
    [Benchmark] public HtmlDocument HtmlParse() => HtmlParser.Parse(_htmlSource);
}

/// <summary>Tokens, sentences, entities and actors on a 600-word article (tokens/s = TokenCount / mean time).</summary>
[MemoryDiagnoser]
public class LanguageBenchmarks
{
    private readonly LanguageAnnotator _language = LanguageAnnotator.CreateDefault();
    private Document _doc = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = Articles.PlainText();
        _doc = new Document { Meta = new DocumentMeta("b", "b") { Published = new DateOnly(2018, 8, 31) }, Text = text };
        Console.WriteLine($"// tokens per article: {_language.Annotate(_doc).TokenCount}");
    }

    [Benchmark] public Document Annotate() => _language.Annotate(_doc);
}

/// <summary>Time expressions on a 600-word article.</summary>
[MemoryDiagnoser]
public class DatesBenchmarks
{
    private readonly TimeExpressionRecognizer _recognizer = new();
    private readonly string _text = Articles.PlainText();

    [Benchmark] public int Find() => _recognizer.Find(_text, new DateOnly(2018, 8, 31)).Count;
}

/// <summary>The whole pipeline, raw page to coded events, for one 600-word article (documents/s = 1 / mean time).</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly DocumentPipeline _pipeline = SitrepEngine.Default.Pipeline;
    private readonly RawDocument _raw = Articles.Raw("p", Articles.PlainText());

    [Benchmark] public ProcessedDocument ProcessArticle() => _pipeline.Process(_raw);
}

/// <summary>
/// The whole pipeline over real news: the first <see cref="Count"/> PolNeAR train articles (749 words on average), read
/// from the shared bench folder beside the repository (or where SITREP_SHARED points) and never copied into it. The
/// mean is per document (documents per second = 1 / mean), so it is comparable with `sitrep extract` over the same
/// texts without the process start-up. On a shared machine the wall-clock mean depends on the load, so the cleanup
/// also prints the process CPU time per document over every measured call (the first pass, which compiles, excluded).
/// </summary>
[MemoryDiagnoser]
public class RealArticlesPipelineBenchmarks
{
    private const int Count = 200;
    private readonly DocumentPipeline _pipeline = SitrepEngine.Default.Pipeline;
    private RawDocument[] _raws = [];
    private TimeSpan _cpuAtStart;
    private long _processed;

    [GlobalSetup]
    public void Setup()
    {
        var dir = SharedBench.Find("bench/polnear-attribution/train/text", nameof(RealArticlesPipelineBenchmarks));
        _raws = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Take(Count)
            .Select(f => Articles.Raw(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        if (_raws.Length < Count) throw new InvalidOperationException($"{dir} holds {_raws.Length} articles; the benchmark needs {Count}");
        ProcessRealArticle();
        _processed = 0;
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        Console.WriteLine($"// CPU per document: {cpu.TotalMicroseconds / _processed:F0} µs over {_processed} documents " +
                          $"({_processed / cpu.TotalSeconds:F0} documents per CPU-second, every thread of the process)");
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ProcessRealArticle()
    {
        var events = 0;
        foreach (var raw in _raws) events += _pipeline.Process(raw).Document?.Events.Count ?? 0;
        _processed += _raws.Length;
        return events;
    }
}
