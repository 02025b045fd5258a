using System.IO.Compression;
using System.Text;
using Sitrep.Core;
using Sitrep.Pipeline.Evaluation;
using Sitrep.Testing;

namespace Sitrep.Pipeline.Tests;

public class AirwarsEvaluationTests
{
    private const string Header =
        "Incidence_date,Incidence_id,Strike type,Civilians reported killed,Airwars civilian harm grading,Suspected belligerent,lat,long,Civilians reported injured,Suspected belligerents,Airwars_assessment\n";

    private static readonly Place Abasan = new("Abasan al Kabirah", new GeoPoint(31.32, 34.35), "PS", "Gaza Strip", PlaceKind.PopulatedPlace);

    [Fact]
    public void ReadIncidents_ParsesRangesDatesCoordinatesAndQuotedMultiLineFields()
    {
        var csv = Header +
                  "october-7-2023,ispt0001,Airstrike,4,Fair,Israeli Military,31.3,34.3,12–24,NA,\"On October 7th, a strike\nhit \"\"the\"\" home.\"\n" +
                  "october-12-2023,ispt0002,Airstrike and/or Artillery,Unknown,Contested,NA,NA,NA,NA,\"Israeli Military, Palestinian Militants\",x\n";
        var incidents = AirwarsEvaluation.ReadIncidents(new StringReader(csv));

        Assert.Equal(2, incidents.Count);
        var first = incidents[0];
        Assert.Equal("ispt0001", first.Id);
        Assert.Equal(new DateOnly(2023, 10, 7), first.Date);
        Assert.Equal((4, 4), first.Killed);
        Assert.Equal((12, 24), first.Injured);
        Assert.Equal(new GeoPoint(31.3, 34.3), first.Point);
        Assert.Equal(["Israeli Military"], first.Belligerents);

        var second = incidents[1];
        Assert.Null(second.Killed);
        Assert.Null(second.Injured);
        Assert.Null(second.Point);
        Assert.Equal(["Israeli Military", "Palestinian Militants"], second.Belligerents);
        Assert.Equal("Contested", second.Grade);
    }

    [Fact]
    public void Evaluate_GradesWithListedSourcesAndComparesCasualtiesDatePlaceAndActor()
    {
        var dir = Directory.CreateTempSubdirectory("airwars-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "html"));
        File.WriteAllText(Path.Combine(dir, "airwars_incidence.csv"), Header +
            "october-7-2023,ispt0001,Airstrike,4,Fair,Israeli Military,31.3,34.3,2,NA,x\n" +
            "october-8-2023,ispt0002,Airstrike,1,Weak,Israeli Military,NA,NA,NA,NA,x\n" +
            "october-9-2023,ispt0003,Airstrike,2,Fair,Israeli Military,NA,NA,NA,NA,x\n" +
            "october-9-2023,ispt0404,Airstrike,2,Fair,Israeli Military,NA,NA,NA,NA,x\n"); // no page: not evaluated
        WriteGzip(Path.Combine(dir, "html", "ispt0001.html.gz"), "<h2>Sources  (3) <span>collapse</span></h2>");
        File.WriteAllText(Path.Combine(dir, "html", "ispt0002.html"), "<p>one source</p>");
        File.WriteAllText(Path.Combine(dir, "html", "ispt0003.html"), "<p>nothing happened</p>");

        var score = AirwarsEvaluation.Evaluate(dir, path => Path.GetFileName(path) switch
        {
            "ispt0001.html.gz" => Page("ispt0001", Strike(new DateOnly(2023, 10, 7), killed: (3, 5), injured: (2, 2))),
            "ispt0002.html" => Page("ispt0002", Strike(new DateOnly(2023, 10, 9), killed: (1, 1), injured: null)),
            _ => Page("ispt0003"),
        });

        Assert.Equal(3, score.Pages.Count);
        Assert.Equal(2, score.Detected);
        var byId = score.Pages.ToDictionary(p => p.Gold.Id);
        Assert.Equal(3, byId["ispt0001"].ListedSources);
        Assert.Equal(IncidentGrade.Fair, byId["ispt0001"].Grade);
        Assert.Equal(IncidentGrade.Weak, byId["ispt0002"].Grade);
        Assert.Null(byId["ispt0003"].Grade);
        // Fair = Fair and Weak = Weak; the page without an event disagrees.
        Assert.Equal(2 / 3.0, score.GradeAgreement, 6);
        // Killed: 3–5 overlaps 4 but its best figure 3 is not 4; 1 is 1; no event on the third page.
        Assert.Equal(2 / 3.0, score.KilledOverlap, 6);
        Assert.Equal(1 / 3.0, score.KilledExact, 6);
        Assert.Equal(1.0, score.InjuredOverlap, 6);
        // Date: right on the first page, a day late on the second.
        Assert.Equal(1 / 3.0, score.DateAccuracy, 6);
        Assert.Equal(1.0, score.PlaceWithin(10), 6);
        Assert.Equal(2 / 3.0, score.Actor1Accuracy, 6);
        Assert.StartsWith("grade_agreement=0.667 ", score.Report().Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsBelligerent_MapsAirwarsSidesToActorNames()
    {
        Assert.True(AirwarsEvaluation.IsBelligerent("Military Forces of Israel", "Israeli Military"));
        Assert.True(AirwarsEvaluation.IsBelligerent("Hamas", "Palestinian Militants"));
        Assert.False(AirwarsEvaluation.IsBelligerent("Hamas", "Israeli Military"));
    }

    [SharedDataFact("bench/airwars-gaza-2023-incident-pages")]
    public void Benchmark_WholePipelineOnAirwarsPages_KeepsItsFloors()
    {
        var lines = Evaluations.Incidents(SharedData.Require("bench/airwars-gaza-2023-incident-pages"), SitrepEngine.Default).ToList();
        var metrics = lines.Last().Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => double.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture));
        // Floors a little under the figures in docs/RESULTS.md, so a regression fails here.
        Assert.True(metrics["detected"] >= 0.95, lines.Last());
        Assert.True(metrics["grade_agreement"] >= 0.88, lines.Last());
        Assert.True(metrics["date_accuracy"] >= 0.88, lines.Last());
        Assert.True(metrics["killed_overlap"] >= 0.53, lines.Last());
        Assert.True(metrics["place_within_25km"] >= 0.77, lines.Last());
    }

    private static ConflictEvent Strike(DateOnly day, (int, int)? killed, (int, int)? injured) => new()
    {
        SubEventType = "Air/drone strike",
        Trigger = new TextRange(0, 6),
        Date = ResolvedDate.Day(day, "test"),
        Actor1 = "Military Forces of Israel",
        Actor2 = "Civilians",
        Place = Abasan,
        GeoPrecision = 1,
        FatalitiesMin = killed?.Item1,
        FatalitiesMax = killed?.Item2,
        InjuredMin = injured?.Item1,
        InjuredMax = injured?.Item2,
        Evidence = [new TextRange(0, 20)],
    };

    private static Document Page(string id, params ConflictEvent[] events) =>
        new DocumentBuilder().WithText("Strike on a house in the town.").From(id, "airwars.org").Build() with { Events = events };

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
    }
}
