using System.Globalization;
using System.Xml.Linq;
using Sitrep.Core;

namespace Sitrep.Places;

/// <summary>Geoparsing scores on one corpus, with gold spans given and end to end.</summary>
/// <param name="Corpus">File name of the corpus.</param>
/// <param name="Articles">Articles read.</param>
/// <param name="GoldToponyms">Gold toponyms that carry coordinates.</param>
/// <param name="GoldResolved">Gold spans our gazetteer could resolve at all.</param>
/// <param name="AccuracyAt161">Share of gold toponyms resolved within 161 km (unresolved count as misses).</param>
/// <param name="MeanErrorKm">Mean error over resolved gold spans.</param>
/// <param name="MedianErrorKm">Median error over resolved gold spans.</param>
/// <param name="Detected">Toponyms found end to end.</param>
/// <param name="Matched">Detected toponyms overlapping a gold toponym (one to one).</param>
/// <param name="EndToEndAccuracyAt161">Share of matched toponyms within 161 km of the gold point.</param>
/// <param name="GazetteerCeiling">
/// Share of gold toponyms that were resolved within 161 km or for which some gazetteer entry of that name lies
/// within 161 km: roughly the acc@161 a resolver choosing perfectly among these candidates could reach.
/// </param>
public sealed record GeoScore(string Corpus, int Articles, int GoldToponyms, int GoldResolved, double AccuracyAt161,
    double MeanErrorKm, double MedianErrorKm, int Detected, int Matched, double EndToEndAccuracyAt161, double GazetteerCeiling = 0)
{
    /// <summary>Detection precision: matched / detected.</summary>
    public double Precision => Detected == 0 ? 0 : (double)Matched / Detected;
    /// <summary>Detection recall: matched / gold.</summary>
    public double Recall => GoldToponyms == 0 ? 0 : (double)Matched / GoldToponyms;
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The contract's last line: <c>metric=value ...</c>.</summary>
    public string ToMetricLine() => string.Create(CultureInfo.InvariantCulture,
        $"acc161={AccuracyAt161:F4} mean_km={MeanErrorKm:F1} median_km={MedianErrorKm:F1} gold={GoldToponyms} resolved={GoldResolved} e2e_precision={Precision:F4} e2e_recall={Recall:F4} e2e_f1={F1:F4} e2e_acc161={EndToEndAccuracyAt161:F4} gazetteer_ceiling={GazetteerCeiling:F4}");
}

/// <summary>
/// Scores the Places stage on the LGL / GeoWebNews / TR-News XML corpora (Gritta et al.): resolution of the gold
/// toponym spans (accuracy@161 km, mean and median error) and end-to-end detection plus resolution.
/// </summary>
public static class GeoparsingEvaluation
{
    private const double HitKm = 161;

    /// <summary>One gold toponym: where it is and where it points.</summary>
    internal readonly record struct GoldToponym(TextRange Range, GeoPoint Point);

    /// <summary>Evaluates <paramref name="annotator"/> (default gazetteer when null) on a corpus XML file.</summary>
    public static GeoScore Evaluate(string corpusXmlPath, PlaceAnnotator? annotator = null)
    {
        annotator ??= new PlaceAnnotator(keepContainers: true);
        var articles = ReadCorpus(corpusXmlPath);
        int gold = 0, resolved = 0, hits = 0, detected = 0, matched = 0, e2eHits = 0, reachable = 0;
        var errors = new List<double>();
        foreach (var (id, text, toponyms) in articles)
        {
            var doc = PlainTokenizer.Tokenize(id, text);
            var spans = new TextRange[toponyms.Count];
            for (var i = 0; i < spans.Length; i++) spans[i] = toponyms[i].Range;
            var answers = annotator.ResolveSpans(doc, spans);
            for (var i = 0; i < spans.Length; i++)
            {
                gold++;
                var answered = answers[i] is { } m && m.Place.Point.DistanceKm(toponyms[i].Point) <= HitKm;
                if (answered || AnyEntryNear(annotator.Gazetteer, spans[i].Slice(text), toponyms[i].Point)) reachable++;
                if (answers[i] is not { } a) continue;
                resolved++;
                var km = a.Place.Point.DistanceKm(toponyms[i].Point);
                errors.Add(km);
                if (km <= HitKm) hits++;
            }
            var found = annotator.FindPlaces(doc);
            detected += found.Count;
            var used = new bool[toponyms.Count];
            foreach (var f in found)
            {
                for (var i = 0; i < toponyms.Count; i++)
                {
                    if (used[i] || !toponyms[i].Range.Overlaps(f.Range)) continue;
                    used[i] = true;
                    matched++;
                    if (f.Place.Point.DistanceKm(toponyms[i].Point) <= HitKm) e2eHits++;
                    break;
                }
            }
        }
        errors.Sort();
        return new GeoScore(Path.GetFileName(corpusXmlPath), articles.Count, gold, resolved,
            gold == 0 ? 0 : (double)hits / gold,
            errors.Count == 0 ? 0 : errors.Average(),
            errors.Count == 0 ? 0 : errors[errors.Count / 2],
            detected, matched, matched == 0 ? 0 : (double)e2eHits / matched, gold == 0 ? 0 : (double)reachable / gold);
    }

    private static bool AnyEntryNear(Gazetteer gazetteer, string name, GeoPoint gold)
    {
        foreach (var p in gazetteer.Lookup(name))
            if (p.Point.DistanceKm(gold) <= HitKm) return true;
        return false;
    }

    /// <summary>Articles with their gold toponyms that carry coordinates; both corpus schemas are accepted.</summary>
    internal static List<(string Id, string Text, List<GoldToponym> Toponyms)> ReadCorpus(string path)
    {
        var xml = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        var result = new List<(string, string, List<GoldToponym>)>();
        var n = 0;
        foreach (var article in xml.Descendants("article"))
        {
            var text = (string?)article.Element("text") ?? "";
            var id = (string?)article.Attribute("docid") ?? (string?)article.Attribute("file") ?? (n++).ToString(CultureInfo.InvariantCulture);
            var list = new List<GoldToponym>();
            foreach (var t in article.Descendants("toponym"))
            {
                if (!int.TryParse((string?)t.Element("start"), out var start) || !int.TryParse((string?)t.Element("end"), out var end)) continue;
                if (start < 0 || end > text.Length || end <= start) continue;
                // LGL/TR-News: gaztag/lat,lon; GeoWebNews: latitude/longitude.
                var gaz = t.Element("gaztag");
                var lat = (string?)gaz?.Element("lat") ?? (string?)t.Element("latitude");
                var lon = (string?)gaz?.Element("lon") ?? (string?)t.Element("longitude");
                if (!TryCoordinate(lat, out var la) || !TryCoordinate(lon, out var lo)) continue;
                list.Add(new GoldToponym(new TextRange(start, end), new GeoPoint(la, lo)));
            }
            result.Add((id, text, list));
        }
        return result;
    }

    private static bool TryCoordinate(string? s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
