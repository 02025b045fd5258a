using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Server.Tests;

/// <summary>The server's first view: paint.js's firstView, drawPoints and timeline counting, worked out in C#.</summary>
public sealed class FirstViewTests
{
    private static IncidentPoint Point(double? lat, double? lon, string subType = "Armed clash", int fatalities = 0, string? day = "2020-03-02") =>
        new($"i{lat},{lon},{subType}", lat, lon, subType, day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), null,
            "SY", fatalities, IncidentGrade.Fair, null, null);

    private static MapPoints Map(params IncidentPoint[] points) => new(new PointColumns(points));

    // (0°, 0°) is pixel (128, 128) at zoom 0: a view whose top-left is (128 - x, 128 - y) shows it at (x, y).
    private static MapView ViewWithOriginAt(double x, double y, int width = 100, int height = 100) => new(0, 128 - x, 128 - y, width, height);

    private static byte[] Pixel(DiscRaster.Picture p, int x, int y) => p.Rgba.AsSpan(4 * (y * p.Width + x), 4).ToArray();

    [Fact]
    public void ADisc_IsItsTypesColourAtThreeQuartersInside_ADarkOutlineAtItsRim_AndNothingOutside()
    {
        var picture = DiscRaster.Draw(Map(Point(0, 0)), ViewWithOriginAt(50, 50), 1);
        Assert.Equal((100, 100, 1), (picture.Width, picture.Height, picture.Drawn));
        // Battles' #d62728 with the fill's opacity, 0.75 × 255 rounded.
        Assert.Equal([0xd6, 0x27, 0x28, 191], Pixel(picture, 50, 50));
        // A pixel centre 3.54 px out, beyond the 3 px radius: only the outline's rim (black at 30 %, a quarter covered).
        Assert.Equal([0, 0, 0, 20], Pixel(picture, 53, 50));
        Assert.Equal([0, 0, 0, 0], Pixel(picture, 56, 50));
        Assert.Equal([0, 0, 0, 0], Pixel(picture, 0, 0));
    }

    [Fact]
    public void OverlappingDiscs_LaterTypesLieOnTop_SeenThroughAQuarter()
    {
        var picture = DiscRaster.Draw(Map(Point(0, 0, "Arrests"), Point(0, 0, "Armed clash")), ViewWithOriginAt(50, 50), 1);
        Assert.Equal(2, picture.Drawn);
        // Strategic developments (#1f77b4) over Battles (#d62728): 0.75 of the top, 0.25 × 0.75 of the one under it.
        var want = new[] { 0x1f, 0x77, 0xb4 }.Zip([0xd6, 0x27, 0x28], (top, under) => (0.75 * top + 0.1875 * under) / 0.9375).Append(239.06).ToArray();
        var got = Pixel(picture, 50, 50);
        Assert.True(want.Zip(got).All(x => Math.Abs(x.First - x.Second) <= 1), $"got {string.Join(",", got)}");
    }

    [Fact]
    public void DiscsAtTheEdges_AreClipped_CountedWhenTheyReachIn_AndIgnoredOutside()
    {
        var corner = DiscRaster.Draw(Map(Point(0, 0)), ViewWithOriginAt(0, 0), 1);
        Assert.Equal(1, corner.Drawn);
        Assert.Equal([0xd6, 0x27, 0x28, 191], Pixel(corner, 0, 0));
        var outside = DiscRaster.Draw(Map(Point(0, 0)), ViewWithOriginAt(-10, -10), 1);
        Assert.Equal(0, outside.Drawn);
        Assert.All(outside.Rgba, b => Assert.Equal(0, b));
        // A large disc (22 px) centred 5 px past the right edge shows its left part.
        var right = DiscRaster.Draw(Map(Point(0, 0, fatalities: 400)), ViewWithOriginAt(105, 50), 1);
        Assert.Equal(1, right.Drawn);
        Assert.Equal(191, Pixel(right, 99, 50)[3]);
        Assert.Equal(0, Pixel(right, 80, 50)[3]);
        // Diagonally past the bottom-right corner, within a radius of each edge: counted as the page counts it, nothing
        // drawn (its top rows' spans start past the rows' end, where the skip lists end).
        var past = DiscRaster.Draw(Map(Point(0, 0, fatalities: 400)), ViewWithOriginAt(100 + 22 - 0.1, 100 + 22 - 0.5), 1);
        Assert.Equal(1, past.Drawn);
        Assert.All(past.Rgba, b => Assert.Equal(0, b));
    }

    [Fact]
    public void AtTwoDevicePixelsPerCssPixel_ThePictureHasTwiceTheSide_AndTheDiscTwiceTheRadius()
    {
        var at2 = DiscRaster.Draw(Map(Point(0, 0)), ViewWithOriginAt(15, 10, 30, 20), 2);
        Assert.Equal((60, 40), (at2.Width, at2.Height));
        // The centre at device pixel (30, 20), 3 CSS px = 6 device px of radius: 4.5 px out is inside, 7.5 px is not.
        Assert.Equal(191, Pixel(at2, 34, 20)[3]);
        Assert.Equal(0, Pixel(at2, 37, 20)[3]);
        var at1 = DiscRaster.Draw(Map(Point(0, 0)), ViewWithOriginAt(15, 10, 30, 20), 1);
        Assert.Equal(0, Pixel(at1, 19, 10)[3]);
    }

    [Fact]
    public void Picture_AsPng_DecodesToTheSamePixels()
    {
        var picture = DiscRaster.Draw(Map(Point(0, 0, "Arrests", 30), Point(0.01, 0.02, "Armed clash", 5), Point(-0.02, 0, "Riots")), ViewWithOriginAt(37, 41, 83, 61), 1);
        var (width, height, rgba) = PngReader.Read(Png.Encode(picture.Rgba, picture.Width, picture.Height));
        Assert.Equal((83, 61), (width, height));
        Assert.Equal(picture.Rgba, rgba);
        Assert.Contains(rgba, b => b != 0);
    }

    [Theory]
    // Each case's expectations are what paint.js's firstView gives for a 977 x 613 box (run in node), which a browser
    // test holds against Leaflet's fitBounds.
    [InlineData("-40,-120 60,150", 2, 66, 160, -67.2040323434008, -156.796875, 76.84081641443098, 186.6796875)]
    [InlineData("29,34 33.5,36", 6, 9296, 6386, 25.34402602913433, 24.2578125, 36.844460740795625, 45.72509765625)]
    [InlineData("15.3,44.2", 6, 9715, 7181, 8.711358875426512, 33.46435546875, 21.6778482933475, 54.931640625)]
    [InlineData("-5,10 5,12 0,11", 6, 8204, 7886, -6.730075707109155, 0.263671875, 6.708253968671547, 21.73095703125)]
    [InlineData("", 2, 109, 132, -63.07486569058663, -141.6796875, 78.9039293885709, 201.796875)]
    public void FirstView_FramesThePlacedIncidents_AsThePageAndLeafletDo(string places, double zoom, double x, double y,
        double south, double west, double north, double east)
    {
        var points = places.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .Select(p => Point(p[0], p[1])).Append(Point(null, null)).ToArray();
        var view = MapView.First(Map(points), 977, 613)!.Value;
        Assert.Equal((zoom, x, y), (view.Zoom, view.OriginX, view.OriginY));
        var b = view.Bounds;
        Assert.Equal(south, b.South, 1e-9);
        Assert.Equal(west, b.West, 1e-9);
        Assert.Equal(north, b.North, 1e-9);
        Assert.Equal(east, b.East, 1e-9);
    }

    [Fact]
    public void FirstView_OfABoxSmallerThanItsPadding_IsNone()
    {
        Assert.Null(MapView.First(Map(Point(1, 2), Point(3, 4)), 50, 400));
        Assert.NotNull(MapView.First(Map(Point(1, 2), Point(3, 4)), 61, 61));
    }

    [Fact]
    public void Timeline_CountsDatedIncidentsInsideTheView_AndUnplacedOnes_PerDayAndType()
    {
        var d = Map(Point(0, 0, day: "2020-03-02"), Point(0, 0, "Arrests", day: "2020-03-04"), Point(null, null, "Mob violence", day: "2020-03-04"),
            Point(60, 100, day: "2020-03-03"), Point(0, 0, day: null));
        var t = TimelineCounts.Of(d, ViewWithOriginAt(50, 50))!;
        Assert.False(t.Weekly);
        Assert.Equal(new DateOnly(2020, 3, 2).DayNumber - new DateOnly(1970, 1, 1).DayNumber, t.First);
        Assert.Equal(3, t.Buckets);
        Assert.Equal(3, t.Shown);
        Assert.Equal([1, 0, 0, 0, 0, 0, /* the day of the incident out of view */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], t.Counts);
    }

    [Fact]
    public void Timeline_OverMoreThan120Days_CountsWeeksFromMonday()
    {
        // 2020-01-01 was a Wednesday: its week starts on Monday 2019-12-30.
        var t = TimelineCounts.Of(Map(Point(0, 0, day: "2020-01-01"), Point(0, 0, day: "2020-06-01")), ViewWithOriginAt(50, 50))!;
        Assert.True(t.Weekly);
        Assert.Equal(new DateOnly(2019, 12, 30).DayNumber - new DateOnly(1970, 1, 1).DayNumber, t.First * 7 - 3);
        Assert.Equal(23, t.Buckets);
        Assert.Equal(1, t.Counts[0]);
        Assert.Equal(1, t.Counts[22 * 6]);
    }

    [Fact]
    public void Answer_ForAnEmptyStore_IsTheDefaultView_NoDiscsAndNoTimeline()
    {
        var (header, png) = Split(FirstView.Answer(Map(), 300, 200, 1.5));
        Assert.Equal(2, header.GetProperty("zoom").GetDouble());
        Assert.Equal((0, 0, 0), (header.GetProperty("total").GetInt32(), header.GetProperty("placed").GetInt32(), header.GetProperty("drawn").GetInt32()));
        Assert.Equal(JsonValueKind.Null, header.GetProperty("timeline").ValueKind);
        var (width, height, rgba) = PngReader.Read(png);
        Assert.Equal((450, 300), (width, height));
        Assert.Equal((450, 300), (header.GetProperty("image_width").GetInt32(), header.GetProperty("image_height").GetInt32()));
        Assert.All(rgba, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Answer_HoldsTheView_TheCounts_TheTimeline_AndThePicture()
    {
        var d = Map(Point(35, 38), Point(33, 44, "Arrests", 9), Point(null, null));
        var view = MapView.First(d, 640, 480)!.Value;
        var (header, png) = Split(FirstView.Answer(d, 640, 480, 1));
        Assert.Equal((view.Zoom, view.OriginX, view.OriginY), (header.GetProperty("zoom").GetDouble(), header.GetProperty("origin_x").GetDouble(), header.GetProperty("origin_y").GetDouble()));
        Assert.Equal((3, 2, 2), (header.GetProperty("total").GetInt32(), header.GetProperty("placed").GetInt32(), header.GetProperty("drawn").GetInt32()));
        var timeline = header.GetProperty("timeline");
        Assert.Equal(3, timeline.GetProperty("shown").GetInt32());
        Assert.Equal([2, 0, 0, 0, 0, 1], timeline.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(DiscRaster.Draw(d, view, 1).Rgba, PngReader.Read(png).Rgba);
    }

    // An answer's JSON header and PNG, as openapi.json describes the format.
    internal static (JsonElement Header, byte[] Png) Split(byte[] answer)
    {
        Assert.Equal("SFV\u0001", Encoding.ASCII.GetString(answer, 0, 4));
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(answer.AsSpan(4));
        return (JsonDocument.Parse(answer.AsMemory(8, length)).RootElement, answer[(8 + length)..]);
    }
}
