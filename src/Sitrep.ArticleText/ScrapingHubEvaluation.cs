using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Core;

namespace Sitrep.ArticleText;

/// <summary>Shingle scores of one page: normalised TP/FP/FN and the page's precision and recall (null when undefined).</summary>
public sealed record PageScore(string Id, double Tp, double Fp, double Fn, double? Precision, double? Recall, bool ExactMatch);

/// <summary>ScrapingHub benchmark result: F1 of the mean per-page precision and recall.</summary>
public sealed record TextScore(double F1, double Precision, double Recall, double Accuracy, int Pages, IReadOnlyList<PageScore> PerPage);

/// <summary>
/// The ScrapingHub article-extraction benchmark metric: token 4-gram shingles per page (tokens are \w+ runs),
/// TP/FP/FN normalised per page, precision and recall averaged over pages, F1 of the two means.
/// </summary>
public static partial class ScrapingHubEvaluation
{
    /// <summary>Shingle length.</summary>
    public const int ShingleSize = 4;

    /// <summary>Runs <paramref name="extractor"/> over every page of the ground truth (html/&lt;id&gt;.html.gz) and scores it.</summary>
    public static TextScore Evaluate(string groundTruthJsonPath, string htmlDir, IArticleExtractor extractor)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(groundTruthJsonPath));
        var pages = new List<PageScore>();
        foreach (var item in json.RootElement.EnumerateObject())
        {
            var truth = Field(item.Value, "articleBody") ?? "";
            var path = Path.Combine(htmlDir, item.Name + ".html.gz");
            if (!File.Exists(path)) path = Path.Combine(htmlDir, item.Name + ".html");
            var predicted = File.Exists(path)
                ? extractor.Extract(new RawDocument(item.Name, path, ContentKind.Html, ReadMaybeGzip(path)) { Url = Field(item.Value, "url") }).Text
                : "";
            pages.Add(ScorePage(item.Name, truth, predicted));
        }
        return Aggregate(pages);
    }

    /// <summary>Scores one prediction against its truth.</summary>
    public static PageScore ScorePage(string id, string truth, string predicted)
    {
        var trueTokens = Tokenize(truth);
        var predTokens = Tokenize(predicted);
        var t = Shingles(trueTokens);
        var p = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (k, pc) in p)
        {
            var tc = t.GetValueOrDefault(k);
            tp += Math.Min(tc, pc);
            fp += Math.Max(0, pc - tc);
        }
        foreach (var (k, tc) in t) fn += Math.Max(0, tc - p.GetValueOrDefault(k));
        var sum = tp + fp + fn;
        if (sum > 0) { tp /= sum; fp /= sum; fn /= sum; }
        double? precision = tp + fp > 0 ? Ratio(tp, fp, fn, fp) : null;
        double? recall = tp + fn > 0 ? Ratio(tp, fp, fn, fn) : null;
        return new PageScore(id, tp, fp, fn, precision, recall, trueTokens.SequenceEqual(predTokens));
    }

    /// <summary>Means of the per-page scores and the F1 of the means.</summary>
    public static TextScore Aggregate(IReadOnlyList<PageScore> pages)
    {
        double ps = 0, rs = 0;
        int pn = 0, rn = 0, exact = 0;
        foreach (var s in pages)
        {
            if (s.Precision is { } pr) { ps += pr; pn++; }
            if (s.Recall is { } re) { rs += re; rn++; }
            if (s.ExactMatch) exact++;
        }
        var precision = pn == 0 ? 0 : ps / pn;
        var recall = rn == 0 ? 0 : rs / rn;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TextScore(f1, precision, recall, pages.Count == 0 ? 0 : (double)exact / pages.Count, pages.Count, pages);
    }

    // Precision (miss = fp) or recall (miss = fn), with the benchmark's conventions for degenerate pages.
    private static double Ratio(double tp, double fp, double fn, double miss)
    {
        if (fp == 0 && fn == 0) return 1;
        if (tp == 0 && miss == 0) return 0;
        return tp / (tp + miss);
    }

    private static List<string> Tokenize(string text)
    {
        var list = new List<string>();
        foreach (var m in Word().EnumerateMatches(text)) list.Add(text.Substring(m.Index, m.Length));
        return list;
    }

    /// <summary>Counts of 4-token shingles; a text shorter than that is one shingle of all its tokens.</summary>
    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < count; i++)
        {
            var end = Math.Min(tokens.Count, i + ShingleSize);
            if (end <= i) break;
            var key = string.Join('\u0001', tokens.GetRange(i, end - i));
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    private static byte[] ReadMaybeGzip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return bytes;
        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    private static string? Field(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
