using System.Globalization;
using System.Text;
using System.Xml;
using Sitrep.Core;

namespace Sitrep.Dates;

/// <summary>
/// Extent and value scores of a recognizer on TimeML files. Gold: TIMEX3 of type DATE or TIME inside TEXT;
/// every prediction counts (one matching a gold DURATION is a false positive). Values are compared on relaxed
/// (overlapping) matches; for a gold TIME a day value that is its date part counts as correct.
/// </summary>
/// <param name="Documents">Files scored.</param>
/// <param name="Failed">Files that could not be read (skipped; see <see cref="Details"/>).</param>
/// <param name="Gold">Gold DATE/TIME expressions.</param>
/// <param name="Predicted">Our expressions (resolved or not).</param>
/// <param name="StrictMatches">Predictions with exactly the gold extent.</param>
/// <param name="RelaxedMatches">One-to-one overlapping prediction/gold pairs.</param>
/// <param name="ValueCorrect">Relaxed matches whose TIMEX3 value equals gold's.</param>
/// <param name="Details">Value errors, misses and false positives, one line each (capped), for error analysis.</param>
public sealed record TimeScore(int Documents, int Failed, int Gold, int Predicted, int StrictMatches, int RelaxedMatches,
    int ValueCorrect, IReadOnlyList<string> Details)
{
    public double StrictPrecision => Ratio(StrictMatches, Predicted);
    public double StrictRecall => Ratio(StrictMatches, Gold);
    public double StrictF1 => F1(StrictPrecision, StrictRecall);
    public double RelaxedPrecision => Ratio(RelaxedMatches, Predicted);
    public double RelaxedRecall => Ratio(RelaxedMatches, Gold);
    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);
    /// <summary>Share of relaxed matches with the gold TIMEX3 value.</summary>
    public double ValueAccuracy => Ratio(ValueCorrect, RelaxedMatches);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    /// <summary>The contract's last line: "metric=value ...".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"documents={Documents} gold={Gold} predicted={Predicted} strict_p={StrictPrecision:F3} strict_r={StrictRecall:F3} strict_f1={StrictF1:F3} relaxed_p={RelaxedPrecision:F3} relaxed_r={RelaxedRecall:F3} relaxed_f1={RelaxedF1:F3} value_accuracy={ValueAccuracy:F3}");
}

/// <summary>Scores a <see cref="TimeExpressionRecognizer"/> on a folder of TimeML (.tml) files, anchored at each file's DCT.</summary>
public static class TimeMlEvaluation
{
    private const int MaxDetails = 2000;

    private static string[] TimeMlFiles(string timemlDir)
    {
        var files = Directory.GetFiles(timemlDir, "*.tml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>
    /// The TEXT and creation date of every readable .tml file under <paramref name="timemlDir"/> with a creation date,
    /// in the order <see cref="Evaluate"/> reads them (for timing a recognizer on the same texts).
    /// </summary>
    public static IReadOnlyList<(string Text, DateOnly CreationDate)> ReadTexts(string timemlDir)
    {
        var files = TimeMlFiles(timemlDir);
        var texts = new List<(string, DateOnly)>(files.Length);
        foreach (var file in files)
            if (TimeMlDocument.Read(file) is { Error: null, Dct: { } dct } doc) texts.Add((doc.Text, dct));
        return texts;
    }

    /// <summary>Scores every .tml file under <paramref name="timemlDir"/> (recursively, in name order).</summary>
    public static TimeScore Evaluate(string timemlDir, TimeExpressionRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        var files = TimeMlFiles(timemlDir);
        int docs = 0, failed = 0, gold = 0, predicted = 0, strict = 0, relaxed = 0, correct = 0;
        var details = new List<string>();
        void Note(string line) { if (details.Count < MaxDetails) details.Add(line); }

        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var doc = TimeMlDocument.Read(file);
            if (doc.Error is not null) { failed++; Note($"{name}\tFAILED\t{doc.Error}"); continue; }
            docs++;
            var golds = new List<GoldTimex>();
            foreach (var g in doc.Timexes) if (g.Type is "DATE" or "TIME") golds.Add(g);
            var hits = recognizer.FindHits(doc.Text, doc.Dct);
            gold += golds.Count;
            predicted += hits.Count;
            var used = new bool[hits.Count];
            foreach (var g in golds)
            {
                var match = -1;
                for (var k = 0; k < hits.Count; k++)
                {
                    if (used[k] || !hits[k].Range.Overlaps(g.Range)) continue;
                    match = k;
                    if (hits[k].Range == g.Range) break;
                }
                if (match < 0) { Note($"{name}\tMISS\t{g.Range.Slice(doc.Text)}\t{g.Value}"); continue; }
                used[match] = true;
                relaxed++;
                var h = hits[match];
                if (h.Range == g.Range) strict++;
                var ours = TimexValue.Of(h.Date, h.Kind);
                if (ValueMatches(ours, g)) correct++;
                else Note($"{name}\tVALUE\t{g.Range.Slice(doc.Text)}\tgold={g.Value}\tours={ours ?? "-"}\t{h.Range.Slice(doc.Text)}\t{h.Date.Reason}");
            }
            for (var k = 0; k < hits.Count; k++)
                if (!used[k]) Note($"{name}\tFALSE\t{hits[k].Range.Slice(doc.Text)}\t{TimexValue.Of(hits[k].Date, hits[k].Kind) ?? "-"}");
        }
        return new TimeScore(docs, failed, gold, predicted, strict, relaxed, correct, details);
    }

    private static bool ValueMatches(string? ours, GoldTimex g)
    {
        if (ours is null) return false;
        if (string.Equals(ours, g.Value, StringComparison.Ordinal)) return true;
        // Times of day are not modelled: the right day for a gold TIME counts.
        return g.Type == "TIME" && ours.Length == 10 && g.Value.Length > 10 && g.Value.StartsWith(ours, StringComparison.Ordinal) && g.Value[10] == 'T';
    }
}

/// <summary>A gold TIMEX3: where it is in the document's TEXT, its type and value.</summary>
internal readonly record struct GoldTimex(TextRange Range, string Type, string Value);

/// <summary>The parts of a TimeML file the evaluation needs: TEXT as plain text, its TIMEX3s, and the DCT.</summary>
internal sealed record TimeMlDocument(string Text, DateOnly? Dct, IReadOnlyList<GoldTimex> Timexes, string? Error)
{
    /// <summary>Reads <paramref name="path"/>; a file that cannot be parsed comes back with <see cref="Error"/> set.</summary>
    public static TimeMlDocument Read(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = false });
            return Parse(reader);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return new TimeMlDocument("", null, [], e.Message);
        }
    }

    /// <summary>Parses TimeML from a string (tests).</summary>
    public static TimeMlDocument ParseString(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = false });
            return Parse(reader);
        }
        catch (XmlException e)
        {
            return new TimeMlDocument("", null, [], e.Message);
        }
    }

    private static TimeMlDocument Parse(XmlReader reader)
    {
        var text = new StringBuilder();
        var timexes = new List<GoldTimex>();
        DateOnly? dct = null;
        bool inText = false, inDct = false;
        int timexStart = -1;
        string type = "", value = "";
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Name == "TEXT" && !reader.IsEmptyElement) inText = true;
                    else if (reader.Name == "DCT") inDct = !reader.IsEmptyElement;
                    else if (reader.Name == "TIMEX3")
                    {
                        if (inDct || reader.GetAttribute("functionInDocument") == "CREATION_TIME")
                        {
                            var v = reader.GetAttribute("value");
                            if (dct is null && v is { Length: >= 10 } &&
                                DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                                dct = d;
                        }
                        else if (inText && !reader.IsEmptyElement)
                        {
                            timexStart = text.Length;
                            type = reader.GetAttribute("type") ?? "";
                            value = reader.GetAttribute("value") ?? "";
                        }
                    }
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Name == "TEXT") inText = false;
                    else if (reader.Name == "DCT") inDct = false;
                    else if (reader.Name == "TIMEX3" && timexStart >= 0)
                    {
                        timexes.Add(new GoldTimex(new TextRange(timexStart, text.Length), type, value));
                        timexStart = -1;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    if (inText) text.Append(reader.Value);
                    break;
            }
        }
        return new TimeMlDocument(text.ToString(), dct, timexes, null);
    }
}
