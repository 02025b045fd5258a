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
// Warm-up: .NET's tiered JIT is still promoting AngleSharp's and our hot methods during the second pass over these
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
// Where a page's time goes (one more pass, Stopwatch per phase): decoding bytes, the DOM build, everything else.
long decodeTicks = 0, parseTicks = 0, restTicks = 0;
foreach (var p in pages)
{
    var t0 = Stopwatch.GetTimestamp();
    var html = TextDecoder.Decode(p.Content, out _);
    var t1 = Stopwatch.GetTimestamp();
    HtmlExtractor.Parse(html);
    var t2 = Stopwatch.GetTimestamp();
    HtmlExtractor.Extract(html);
    var t3 = Stopwatch.GetTimestamp();
    decodeTicks += t1 - t0;
    parseTicks += t2 - t1;
    restTicks += (t3 - t2) - (t2 - t1);
}
double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / pages.Length;
Console.WriteLine(FormattableString.Invariant($"per_page_ms decode={Ms(decodeTicks):F2} parse={Ms(parseTicks):F2} extract_after_parse={Ms(restTicks):F2}"));
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
