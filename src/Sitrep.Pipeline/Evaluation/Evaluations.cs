using System.Globalization;
using System.Text;
using Sitrep.ArticleText;
using Sitrep.Core;
using Sitrep.Dates;
using Sitrep.EventCoding;
using Sitrep.Language;
using Sitrep.Places;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>
/// <c>sitrep eval STAGE</c>: runs a stage's benchmark in its published format with the default engine and returns the
/// report lines; the last line is always <c>metric=value ...</c> so scripts can read it.
/// </summary>
public static class Evaluations
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>ScrapingHub article extraction: token-4-gram shingle precision/recall per page, F1 of the means.</summary>
    public static IEnumerable<string> Text(string truthJson, string htmlDir)
    {
        var s = ScrapingHubEvaluation.Evaluate(truthJson, htmlDir, new ArticleExtractor());
        yield return string.Format(Inv, "f1={0:0.0000} precision={1:0.0000} recall={2:0.0000} accuracy={3:0.0000} pages={4}",
            s.F1, s.Precision, s.Recall, s.Accuracy, s.Pages);
    }

    /// <summary>Entity-level NER scores with conlleval rules on any CoNLL-format file.</summary>
    public static IEnumerable<string> Ner(string conllPath, string? predictionsPath)
    {
        using var predictions = predictionsPath is null ? null : new StreamWriter(predictionsPath, false, new UTF8Encoding(false));
        var s = ConllEvaluation.Evaluate(conllPath, StatisticalEntityRecognizer.Default, predictions);
        foreach (var (type, t) in s.PerType.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            yield return string.Format(Inv, "{0,-5} precision={1:0.0000} recall={2:0.0000} f1={3:0.0000}", type, t.Precision, t.Recall, t.F1);
        yield return string.Format(Inv, "f1={0:0.0000} precision={1:0.0000} recall={2:0.0000} tokens={3} sentences={4}",
            s.Overall.F1, s.Overall.Precision, s.Overall.Recall, s.Tokens, s.Sentences);
    }

    /// <summary>TIMEX3 extent F1 (strict, relaxed) and value accuracy on TimeML files, anchored on each file's DCT.</summary>
    public static IEnumerable<string> Time(string timemlDir)
    {
        var s = TimeMlEvaluation.Evaluate(timemlDir, new TimeExpressionRecognizer());
        yield return string.Format(Inv,
            "value_accuracy={0:0.0000} strict_f1={1:0.0000} relaxed_f1={2:0.0000} relaxed_precision={3:0.0000} relaxed_recall={4:0.0000} gold={5} predicted={6} documents={7}",
            s.ValueAccuracy, s.StrictF1, s.RelaxedF1, s.RelaxedPrecision, s.RelaxedRecall, s.Gold, s.Predicted, s.Documents);
    }

    /// <summary>Toponym resolution on LGL/GeoWebNews-format XML: accuracy@161 km with gold spans, and end to end.</summary>
    public static IEnumerable<string> Places(string corpusXml)
    {
        yield return GeoparsingEvaluation.Evaluate(corpusXml).ToMetricLine();
    }

    /// <summary>CASE-2021 task 2: ACLED sub-type weighted F1 over the ACLED-25 rows, each snippet through the full pipeline.</summary>
    public static IEnumerable<string> Events(string tsvPath, SitrepEngine engine)
    {
        using var reader = new StreamReader(tsvPath);
        var s = Case2021.Evaluate(reader, engine.AnnotatedText, engine.EventCoder);
        foreach (var skipped in s.Skipped) yield return "skipped " + skipped;
        foreach (var l in s.Labels)
            yield return string.Format(Inv, "{0,-30} precision={1:0.000} recall={2:0.000} f1={3:0.000} support={4}", l.Label, l.Precision, l.Recall, l.F1, l.Support);
        yield return s.MetricLine();
    }

    /// <summary>Airwars incident pages through the whole pipeline: grade, casualty, date, place and actor agreement.</summary>
    public static IEnumerable<string> Incidents(string airwarsDir, SitrepEngine engine) =>
        AirwarsEvaluation.Evaluate(airwarsDir, path =>
        {
            var raw = engine.Read([path], null, () => Stream.Null).Single();
            var outcome = engine.Pipeline.Process(raw);
            return outcome.Document ?? throw new InvalidDataException(
                outcome.Errors.Count > 0 ? string.Join("; ", outcome.Errors) : outcome.SkipReason ?? "no document");
        }).Report();

    /// <summary>PolNeAR speaker attribution over a split folder (text/ and attributions/).</summary>
    public static IEnumerable<string> Quotes(string splitDir, SitrepEngine engine)
    {
        var articles = QuoteAttributionEvaluation.Articles(splitDir);
        var docs = articles.Select(a => engine.AnnotatedText(File.ReadAllText(a.TextPath))).ToList();
        var score = QuoteAttributionEvaluation.Score(articles.Select((a, i) => (QuoteAttributionEvaluation.ReadAnn(a.AnnPath), docs[i].Quotes)));
        // The quote stage alone (direct quotes and the attribution model) on the annotated articles, after one warm-up pass.
        var coder = engine.EventCoder;
        foreach (var d in docs) coder.FindQuotes(d);
        const int passes = 5;
        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
            foreach (var d in docs) coder.FindQuotes(d);
        var runs = passes * Math.Max(1, docs.Count);
        var wall = clock.Elapsed.TotalMicroseconds / runs;
        var cpuPer = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / runs;
        yield return string.Format(CultureInfo.InvariantCulture,
            "quote stage: {0:0} µs wall, {1:0} µs CPU per article ({2} passes over {3} articles, {4:0} tokens on average)",
            wall, cpuPer, passes, docs.Count, docs.Count == 0 ? 0 : docs.Average(d => d.TokenCount));
        yield return QuoteAttributionEvaluation.Report(score);
    }
}
