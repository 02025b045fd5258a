using Sitrep.Core;
using Sitrep.Places;

namespace Sitrep.Places.Tests;

public class GazetteerTests
{
    private static Gazetteer G => TinyGazetteer.Value;

    [Theory]
    [InlineData("Deir ez-Zor")]
    [InlineData("Deir Ezzor")]
    [InlineData("deir ez zor")]
    [InlineData("Deir el-Zor")]
    [InlineData("Dayr az Zawr")]
    public void DeirEzzorVariants_AllFindTheTown(string name)
    {
        Assert.Contains(G.Lookup(name), p => p.GeoNameId == 4);
    }

    [Theory]
    [InlineData("Raqqa")]
    [InlineData("Ar-Raqqah")]
    [InlineData("ar Raqqah")]
    [InlineData("al-Raqqah")]
    [InlineData("Rakka")]
    [InlineData("RAQQA")]
    public void RaqqaVariants_AllFindTheTown(string name)
    {
        Assert.Contains(G.Lookup(name), p => p.GeoNameId == 3);
    }

    [Theory]
    [InlineData("Kobanê", 11)]
    [InlineData("Kobane", 11)]
    [InlineData("Ayn al-Arab", 11)]
    [InlineData("Mosul", 6)]
    [InlineData("al-Mawsil", 6)]
    public void DiacriticsAndArticles_AreIgnored(string name, long id)
    {
        Assert.Contains(G.Lookup(name), p => p.GeoNameId == id);
    }

    [Fact]
    public void NameKey_FoldsCaseDiacriticsApostrophesAndHyphens()
    {
        Assert.Equal("deir ez zor", NameKey.Of("Deír  ez-Zor"));
        Assert.Equal("dara", NameKey.Of("Dar'a"));
        Assert.Equal("deir zor", NameKey.ArticleFree("Deir Ezzor"));
        Assert.Equal("deir zor", NameKey.ArticleFree("Deir ez-Zor"));
        Assert.Equal("al", NameKey.ArticleFree("Al"));
    }

    [Fact]
    public void Lookup_CarriesKindAdmin1CountryAndPopulation()
    {
        var hajin = Assert.Single(G.Lookup("Hajin"));
        Assert.Equal(PlaceKind.PopulatedPlace, hajin.Kind);
        Assert.Equal("Deir ez-Zor", hajin.Admin1);
        Assert.Equal("SY", hajin.CountryCode);
        Assert.Equal(37935, hajin.Population);
        Assert.Contains(G.Lookup("Deir Ezzor"), p => p.Kind == PlaceKind.Admin1);
    }

    [Fact]
    public void Country_ByIso2_AndByAlias()
    {
        Assert.Equal("Syria", G.Country("SY")?.Name);
        Assert.Null(G.Country("ZZ"));
        Assert.Contains(G.Lookup("Syrian Arab Republic"), p => p.Kind == PlaceKind.Country && p.CountryCode == "SY");
        Assert.Equal("SY", G.CountryOfDemonym("Syrians"));
    }

    [Fact]
    public void UnknownName_IsEmptyNotAnError()
    {
        Assert.Empty(G.Lookup("Nowhereville"));
        Assert.Empty(G.Lookup(""));
    }

    [Fact]
    public void AliasWithMissingTarget_IsReported()
    {
        Assert.Contains("Atlantis/GR", G.UnmatchedAliases);
    }

    [Fact]
    public void CapitalDerivedAdmin1_LabelsTownsButIsNotACandidate()
    {
        var tripolis = G.Lookup("Tripoli");
        Assert.All(tripolis, p => Assert.Equal(PlaceKind.PopulatedPlace, p.Kind));
        Assert.Contains(tripolis, p => p.CountryCode == "LY" && p.Admin1 == "Tripoli");
    }
}
