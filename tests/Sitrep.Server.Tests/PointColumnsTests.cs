using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Server.Tests;

public sealed class PointColumnsTests
{
    private static IncidentPoint Point(string id, int fatalities, double? lat = 34.5, DateOnly? date = null, string? actor1 = "Army") =>
        new(id, lat, lat is null ? null : -3.25, "Armed clash", date ?? new DateOnly(2020, 1, 1), date ?? new DateOnly(2020, 1, 3), lat is null ? null : "SY",
            fatalities, IncidentGrade.Fair, actor1, null);

    private static Dictionary<string, (string Type, int?[] Values)> Columns(params IncidentPoint[] points)
    {
        var body = new PointColumns(points).Binary();
        var (header, values) = PointColumnsReader.Read(body);
        var types = header.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString()!);
        return values.ToDictionary(v => v.Name, v => (types[v.Name], v.Values));
    }

    [Fact]
    public void EachColumn_TakesTheNarrowestTypeThatHoldsItsValuesAndItsMissingMarker()
    {
        var small = Columns(Point("a", 0), Point("b", 254));
        Assert.Equal("uint8", small["fatalities"].Type);
        Assert.Equal("uint8", small["type"].Type);
        Assert.Equal("int32", small["lon"].Type); // negative
        Assert.Equal("uint16", Columns(Point("a", 0), Point("b", 255))["fatalities"].Type); // 255 is uint8's marker
        Assert.Equal("uint16", Columns(Point("a", 65534))["fatalities"].Type);
        Assert.Equal("int32", Columns(Point("a", 65535))["fatalities"].Type);
        Assert.Equal([0, 70_000], Columns(Point("a", 0), Point("b", 70_000))["fatalities"].Values);
    }

    [Fact]
    public void MissingValues_ReadBackAsMissing_AndPresentOnesExactly()
    {
        var c = Columns(Point("a", 3, lat: null, actor1: null), Point("b", 5, date: new DateOnly(2021, 6, 1)));
        Assert.Equal([null, 34_500], c["lat"].Values);
        Assert.Equal([null, -3_250], c["lon"].Values);
        Assert.Equal([null, 0], c["country"].Values);
        Assert.Equal([null, 0], c["actor1"].Values);
        Assert.Equal([null, null], c["actor2"].Values);
        Assert.Equal([0, new DateOnly(2021, 6, 1).DayNumber - new DateOnly(2020, 1, 1).DayNumber], c["day"].Values);
        Assert.Equal([2, 0], c["span"].Values); // the second is one day
    }

    [Fact]
    public void NoIncidents_GiveAHeaderWithEmptyColumns()
    {
        var (header, values) = PointColumnsReader.Read(new PointColumns([]).Binary());
        Assert.Equal(0, header.GetProperty("total").GetInt32());
        Assert.All(values, v => Assert.Empty(v.Values));
    }
}
