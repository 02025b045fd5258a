using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Pipeline.Tests;

public class IncidentExportTests
{
    private static readonly Place Hajin = new("Hajin", new GeoPoint(34.69, 40.83), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 37000, 170000);

    private static Incident Strike(string id, Place? place, int? min = 3, int? max = 5) => new()
    {
        IncidentId = id,
        Event = new ConflictEvent
        {
            SubEventType = "Air/drone strike", Trigger = new(0, 5), Place = place, GeoPrecision = 1,
            Date = ResolvedDate.Day(new DateOnly(2018, 8, 30), "explicit"), Actor1 = "Coalition (US-led)", Actor2 = "Islamic State, \"IS\"",
        },
        Sources = [new IncidentSource("d1", "Outlet A", "https://a.example/1"), new IncidentSource("d2", "Outlet B", null)],
        SourceCount = 2, Grade = IncidentGrade.Fair, GradeReason = "two independent sources",
        FatalitiesMin = min, FatalitiesMax = max,
    };

    [Fact]
    public void GeoJson_IsAFeatureCollectionOfPoints_LonLatOrder_SkippingIncidentsWithoutPlace()
    {
        var sw = new StringWriter();
        IncidentExport.Write(sw, [Strike("i1", Hajin), Strike("i2", null)], ExportFormat.GeoJson);
        var root = JsonDocument.Parse(sw.ToString()).RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var feature = Assert.Single(root.GetProperty("features").EnumerateArray());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(40.83, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.Equal(34.69, feature.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
        var props = feature.GetProperty("properties");
        Assert.Equal("i1", props.GetProperty("incident_id").GetString());
        Assert.Equal("fair", props.GetProperty("grade").GetString());
        Assert.Equal(2, props.GetProperty("source_count").GetInt32());
        Assert.Equal(5, props.GetProperty("fatalities_max").GetInt32());
    }

    [Fact]
    public void EmptyGeoJson_IsStillValid()
    {
        var sw = new StringWriter();
        IncidentExport.Write(sw, [], ExportFormat.GeoJson);
        Assert.Empty(JsonDocument.Parse(sw.ToString()).RootElement.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public void Csv_UsesAcledColumnNames_QuotesFields_AndAcledPrecisionCodes()
    {
        var sw = new StringWriter();
        IncidentExport.Write(sw, [Strike("i1", Hajin)], ExportFormat.Csv, iso => iso == "SY" ? "Syria" : null);
        var lines = sw.ToString().TrimEnd('\n').Split('\n');
        Assert.StartsWith("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("i1,2018-08-30,2018,1,Explosions/Remote violence,Air/drone strike,Coalition (US-led),,\"Islamic State, \"\"IS\"\"\"", lines[1]);
        Assert.Contains(",SY,Syria,Deir ez-Zor,Hajin,34.69,40.83,1,Outlet A; Outlet B,", lines[1]);
    }

    [Fact]
    public void Jsonl_OneIncidentPerLine()
    {
        var sw = new StringWriter();
        IncidentExport.Write(sw, [Strike("i1", Hajin), Strike("i2", null)], ExportFormat.Jsonl);
        var lines = sw.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("i2", JsonDocument.Parse(lines[1]).RootElement.GetProperty("incident_id").GetString());
    }

    [Fact]
    public void Table_ShowsRangeAndCount()
    {
        var sw = new StringWriter();
        IncidentExport.Write(sw, [Strike("i1", Hajin)], ExportFormat.Table);
        Assert.Contains("3-5", sw.ToString());
        Assert.EndsWith("1 incidents\n", sw.ToString());
    }
}
