using System.Diagnostics;
using Sitrep.Core;
using Sitrep.Places;
using Sitrep.Testing;
using Xunit.Abstractions;

namespace Sitrep.Places.Tests;

public class DefaultGazetteerTests(ITestOutputHelper output)
{
    [Fact]
    public void Default_LoadsOnce_AndRaqqaIsInSyria()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var g = Gazetteer.LoadDefault();
        // The machine is shared, so CPU time is the honest number; other tests may overlap it a little.
        output.WriteLine($"LoadDefault: {sw.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, {g.Count} places");
        Assert.Same(g, Gazetteer.LoadDefault());
        Assert.True(g.Count > 190_000);
        var raqqa = g.Lookup("Raqqa").OrderByDescending(p => p.Population).First();
        Assert.Equal("SY", raqqa.CountryCode);
        Assert.Equal(PlaceKind.PopulatedPlace, raqqa.Kind);
    }

    [Fact]
    public void Default_EveryAliasRowFindsItsPlace()
    {
        Assert.Empty(Gazetteer.LoadDefault().UnmatchedAliases);
    }

    [Fact]
    public void Default_CountriesAndFeatures()
    {
        var g = Gazetteer.LoadDefault();
        Assert.Contains(g.Lookup("Russian Federation"), p => p.Kind == PlaceKind.Country && p.CountryCode == "RU");
        Assert.Contains(g.Lookup("al-Hol camp"), p => p.Kind == PlaceKind.Feature && p.CountryCode == "SY");
        Assert.Contains(g.Lookup("Deir Ezzor"), p => p.Kind == PlaceKind.Admin1 && p.CountryCode == "SY");
        Assert.Contains(g.Lookup("Halab"), p => p.CountryCode == "SY" && p.Population > 1_000_000);
    }

    [Fact]
    public void Default_UsCounties_AreAdmin2AreasInTheirState()
    {
        var g = Gazetteer.LoadDefault();
        var jefferson = g.Lookup("Jefferson County").Where(p => p.Kind == PlaceKind.Admin2).ToList();
        Assert.True(jefferson.Count > 20, $"{jefferson.Count} Jefferson counties");
        var alabama = Assert.Single(jefferson, p => p.Admin1 == "Alabama");
        Assert.Null(alabama.GeoNameId);
        Assert.InRange(alabama.Point.DistanceKm(new GeoPoint(33.52, -86.80)), 0, 40); // Birmingham is in it
        Assert.Contains(g.Lookup("Orleans Parish"), p => p.Kind == PlaceKind.Admin2 && p.Admin1 == "Louisiana");
        // The Aleutians straddle the antimeridian; the point must stay in the western hemisphere.
        Assert.All(g.Lookup("Aleutians West Borough"), p => Assert.True(p.Point.Longitude < -160));
    }

    [Fact]
    public void Default_CountyWithItsState_ResolvesToThatStatesCounty()
    {
        var doc = DocumentBuilder.Of("Deputies in Orange County, Florida, arrested two men after the shooting in Orlando.");
        var m = Assert.Single(new PlaceAnnotator(Gazetteer.LoadDefault()).Annotate(doc).Places, p => p.Text == "Orange County");
        Assert.Equal(PlaceKind.Admin2, m.Place.Kind);
        Assert.Equal("Florida", m.Place.Admin1);
    }

    [Fact]
    public void Default_ConflictSentence_ResolvesToSyria()
    {
        var doc = DocumentBuilder.Of("Most of the units were stationed east of the town of Hajin, in the southeastern Deir Ezzor countryside, near the al-Azraq oil field.");
        var places = new PlaceAnnotator().Annotate(doc).Places;
        foreach (var p in places) output.WriteLine($"{p.Text} -> {p.Place.Name} {p.Place.CountryCode} {p.Place.Kind} p{p.GeoPrecision} ({p.Reason})");
        var hajin = Assert.Single(places, p => p.Text == "Hajin");
        Assert.Equal("SY", hajin.Place.CountryCode);
        Assert.Equal(2, hajin.GeoPrecision);
        Assert.Contains(places, p => p.Text == "al-Azraq oil field" && p.Place.Kind == PlaceKind.Feature);
        Assert.DoesNotContain(places, p => p.Text == "Most");
    }
}
