using Sitrep.Core;
using Sitrep.Places;
namespace Sitrep.Places.Tests;
public class TmpDiag
{
    [Fact]
    public void Dump()
    {
        var ann = new PlaceAnnotator();
        foreach (var corpus in new[] { "lgl.xml", "GeoWebNews_GWN.xml" })
        {
            using var w = new StreamWriter($"/tmp/places_diag_{corpus}.tsv");
            foreach (var (id, text, tops) in GeoparsingEvaluation.ReadCorpus(Path.Combine(BenchData.Root!, "geoparsing-gritta", "corpora", corpus)))
            {
                var doc = PlainTokenizer.Tokenize(id, text);
                var res = ann.ResolveSpans(doc, tops.Select(t => t.Range).ToArray());
                for (var i = 0; i < tops.Count; i++)
                {
                    var phrase = text.Substring(tops[i].Range.Start, tops[i].Range.Length).Replace('\n', ' ');
                    var cands = ann.Gazetteer.Lookup(phrase);
                    var best = cands.Count == 0 ? double.NaN : cands.Min(c => c.Point.DistanceKm(tops[i].Point));
                    var m = res[i];
                    var err = m is null ? -1 : m.Place.Point.DistanceKm(tops[i].Point);
                    w.WriteLine($"{id}\t{phrase}\t{tops[i].Point.Latitude:F2},{tops[i].Point.Longitude:F2}\t{(m is null ? "-" : m.Place.Name + "/" + m.Place.CountryCode + "/" + m.Place.Admin1 + "/" + m.Place.Kind)}\t{err:F0}\t{cands.Count}\t{best:F0}\t{m?.Reason}");
                }
            }
        }
    }
}
