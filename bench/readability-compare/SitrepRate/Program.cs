using System.Diagnostics;
using System.IO.Compression;
using Sitrep.ArticleText;
using Sitrep.Core;

// Pages per second of Sitrep's ArticleExtractor over a folder of .html/.html.gz pages, on one thread: the same
// work readability-rate.mjs times for readability.js (pages read and gunzipped first; decode + parse + extract timed).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SitrepRate HTML_DIR [PASSES] [GROUND_TRUTH_JSON]");
    return 1;
}
var passes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
var pages = Directory.GetFiles(args[0])
    .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".html.gz", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)
    .Select(f => new RawDocument(Path.GetFileName(f), f, ContentKind.Html, Read(f)))
    .ToArray();
var extractor = new ArticleExtractor();
// Warm-up: .NET's tiered JIT is still promoting our hot methods during the second pass over these
// pages (5 timed passes after 1 warm-up pass: 94 pages per CPU second; after 10 passes: 124), so the steady state a
// long ingest run works in is reached only after a few passes.
const int WarmUpPasses = 3;
for (var i = 0; i < WarmUpPasses; i++)
    foreach (var p in pages) extractor.Extract(p);
long chars = 0;
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
for (var i = 0; i < passes; i++)
    foreach (var p in pages) chars += extractor.Extract(p).Text.Length;
var seconds = clock.Elapsed.TotalSeconds;
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
var n = pages.Length * passes;
// CPU seconds (all threads, GC included) say what a page costs when the machine is busy and wall time is not ours.
Console.WriteLine(FormattableString.Invariant($"sitrep pages={n} seconds={seconds:F2} pages_per_s={n / seconds:F1} cpu_seconds={cpuSeconds:F2} pages_per_cpu_s={n / cpuSeconds:F1} chars={chars}"));
// Where a page's time goes (three more passes, Stopwatch per phase): decoding bytes, building the tree, reading
// metadata, marking furniture, collecting the strict pass's paragraphs, and the rest (scoring, selection, the lenient
// passes when needed, output). Each phase is timed on its own, so "rest" is the full extraction minus the others.
const int ProfilePasses = 3;
var ticks = new long[6];
for (var pass = 0; pass < ProfilePasses; pass++)
    foreach (var p in pages)
    {
        var t0 = Stopwatch.GetTimestamp();
        var buffer = TextDecoder.DecodePooled(p.Content, out var length);
        var t1 = Stopwatch.GetTimestamp();
        var doc = HtmlExtractor.Parse(buffer.AsSpan(0, length));
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        var t2 = Stopwatch.GetTimestamp();
        HtmlMetadata.Read(doc);
        var t3 = Stopwatch.GetTimestamp();
        var root = doc.Body ?? doc.DocumentElement;
        var furniture = HtmlFurniture.Mark(root!);
        var t4 = Stopwatch.GetTimestamp();
        HtmlParagraphs.Collect(root!, furniture, strict: true);
        var t5 = Stopwatch.GetTimestamp();
        HtmlExtractor.FromTree(doc);
        var t6 = Stopwatch.GetTimestamp();
        ticks[0] += t1 - t0;
        ticks[1] += t2 - t1;
        ticks[2] += t3 - t2;
        ticks[3] += t4 - t3;
        ticks[4] += t5 - t4;
        ticks[5] += (t6 - t5) - (t5 - t2);
    }
double Ms(long t) => t * 1000.0 / Stopwatch.Frequency / (pages.Length * ProfilePasses);
Console.WriteLine(FormattableString.Invariant(
    $"per_page_ms decode={Ms(ticks[0]):F2} parse={Ms(ticks[1]):F2} metadata={Ms(ticks[2]):F2} furniture={Ms(ticks[3]):F2} paragraphs={Ms(ticks[4]):F2} rest={Ms(ticks[5]):F2}"));
if (args.Length > 2)
{
    // Accuracy on the same pages, for tuning runs: the ScrapingHub metric over the ground truth.
    var score = ScrapingHubEvaluation.Evaluate(args[2], args[0], extractor);
    Console.WriteLine(FormattableString.Invariant($"f1={score.F1:F4} precision={score.Precision:F4} recall={score.Recall:F4} accuracy={score.Accuracy:F4}"));
    if (Environment.GetEnvironmentVariable("SITREP_PAGE_SCORES") is { Length: > 0 } perPage)
        File.WriteAllLines(perPage, score.PerPage.Select(p => FormattableString.Invariant($"{p.Id}\t{p.Precision:F3}\t{p.Recall:F3}")));
    if (Environment.GetEnvironmentVariable("SITREP_TEXT_DIR") is { Length: > 0 } textDir)
        foreach (var p in pages) File.WriteAllText(Path.Combine(textDir, p.Id.Replace(".html.gz", ".txt", StringComparison.Ordinal)), extractor.Extract(p).Text);
}
return 0;

static byte[] Read(string path)
{
    var bytes = File.ReadAllBytes(path);
    if (!path.EndsWith(".gz", StringComparison.Ordinal)) return bytes;
    using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
    using var ms = new MemoryStream();
    gz.CopyTo(ms);
    return ms.ToArray();
}
