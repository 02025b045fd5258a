using Sitrep.Places;
using Sitrep.Testing;
using Xunit.Abstractions;

namespace Sitrep.Places.Tests;

public class GeoparsingEvaluationTests(ITestOutputHelper output)
{
    private const string Corpus = """
        <?xml version="1.0" encoding="utf-8"?>
        <articles>
          <article docid="1"><text><![CDATA[Fighting in Mosul, Iraq. Later in Aleppo.]]></text>
            <toponyms>
              <toponym><start>12</start><end>17</end><phrase>Mosul</phrase>
                <gaztag geonameid="99072"><lat>36.335</lat><lon>43.1189</lon></gaztag></toponym>
              <toponym><start>19</start><end>23</end><phrase>Iraq</phrase>
                <gaztag geonameid="99237"><lat>33.0</lat><lon>43.5</lon></gaztag></toponym>
              <toponym><start>34</start><end>40</end><phrase>Aleppo</phrase>
                <gaztag geonameid="170063"><lat>40.0</lat><lon>-80.0</lon></gaztag></toponym>
            </toponyms></article>
        </articles>
        """;

    [Fact]
    public void LglFormat_GoldSpans_ScoresHitsAndMisses()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-places-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, Corpus);
        try
        {
            var score = GeoparsingEvaluation.Evaluate(path, new PlaceAnnotator(TinyGazetteer.Value, keepContainers: true));
            Assert.Equal(3, score.GoldToponyms);
            Assert.Equal(3, score.GoldResolved);
            Assert.Equal(2.0 / 3, score.AccuracyAt161, 3); // the Aleppo gold point is deliberately far away
            // No gazetteer Aleppo lies near that gold point either, so no resolver could do better here.
            Assert.Equal(2.0 / 3, score.GazetteerCeiling, 3);
            Assert.Equal(3, score.Matched);
            Assert.Equal(1.0, score.Precision);
        }
        finally { File.Delete(path); }
    }

    private const string Lgl = "bench/geoparsing-gritta/corpora/lgl.xml";
    private const string GeoWebNews = "bench/geoparsing-gritta/corpora/GeoWebNews_GWN.xml";

    [SharedDataFact(Lgl)]
    public void Lgl_EvaluationSet_Scores()
    {
        var score = GeoparsingEvaluation.Evaluate(SharedData.Require(Lgl));
        output.WriteLine(score.ToString());
        output.WriteLine(score.ToMetricLine());
        Assert.True(score.GoldToponyms > 4000);
        Assert.True(score.AccuracyAt161 > 0.5);
    }

    [SharedDataFact(GeoWebNews)]
    public void GeoWebNews_EvaluationSet_Scores()
    {
        var score = GeoparsingEvaluation.Evaluate(SharedData.Require(GeoWebNews));
        output.WriteLine(score.ToString());
        output.WriteLine(score.ToMetricLine());
        Assert.True(score.GoldToponyms > 1000);
        Assert.True(score.AccuracyAt161 > 0.5);
    }
}
