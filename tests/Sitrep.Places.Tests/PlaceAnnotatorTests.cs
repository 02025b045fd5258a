using Sitrep.Core;
using Sitrep.Places;
using Sitrep.Testing;

namespace Sitrep.Places.Tests;

public class PlaceAnnotatorTests
{
    private static readonly PlaceAnnotator Annotator = new(TinyGazetteer.Value);

    private static IReadOnlyList<PlaceMention> Places(string text) => Annotator.Annotate(DocumentBuilder.Of(text)).Places;

    private static PlaceMention Single(string text, string surface) =>
        Assert.Single(Places(text), m => m.Text == surface);

    [Fact]
    public void Tripoli_WithLebaneseContext_IsInLebanon()
    {
        var m = Single("Clashes broke out in Tripoli on Monday. Lebanese troops were deployed, and Beirut called for calm.", "Tripoli");
        Assert.Equal("LB", m.Place.CountryCode);
    }

    [Fact]
    public void Tripoli_WithLibyanContext_IsInLibya()
    {
        var m = Single("Clashes broke out in Tripoli on Monday. Libyan officials said the fighting spread across Libya.", "Tripoli");
        Assert.Equal("LY", m.Place.CountryCode);
    }

    [Fact]
    public void Tripoli_AfterLebaneseCityOf_IsInLebanon()
    {
        var m = Single("Gunmen attacked a checkpoint in the Lebanese city of Tripoli.", "Tripoli");
        Assert.Equal("LB", m.Place.CountryCode);
        Assert.Contains("demonym", m.Reason);
    }

    [Fact]
    public void Town_IsPrecisionOne()
    {
        var m = Single("A car bomb exploded in Mosul on Sunday.", "Mosul");
        Assert.Equal(1, m.GeoPrecision);
        Assert.Equal("IQ", m.Place.CountryCode);
    }

    [Theory]
    [InlineData("An airstrike hit positions near Hajin on Monday.")]
    [InlineData("Units were stationed east of the town of Hajin.")]
    [InlineData("Fighting raged on the outskirts of Hajin.")]
    [InlineData("Shelling was reported in the Hajin countryside.")]
    public void NearCues_GivePrecisionTwo(string text)
    {
        Assert.Equal(2, Single(text, "Hajin").GeoPrecision);
    }

    [Fact]
    public void ProvinceOnly_IsAdmin1WithPrecisionThree()
    {
        var m = Single("Fighting continued in Deir Ezzor province overnight.", "Deir Ezzor");
        Assert.Equal(PlaceKind.Admin1, m.Place.Kind);
        Assert.Equal(3, m.GeoPrecision);
    }

    [Fact]
    public void CountryOnly_IsPrecisionThree()
    {
        var m = Single("The coalition said it would keep striking targets in Syria.", "Syria");
        Assert.Equal(PlaceKind.Country, m.Place.Kind);
        Assert.Equal(3, m.GeoPrecision);
    }

    [Fact]
    public void TownInProvince_ResolvesTownWithHierarchy()
    {
        var places = Places("Coalition jets struck Hajin, in Deir Ezzor province, on Friday.");
        var hajin = Assert.Single(places, m => m.Text == "Hajin");
        Assert.Equal(1, hajin.GeoPrecision);
        Assert.Contains("admin hierarchy", hajin.Reason);
        Assert.Equal("Deir ez-Zor", hajin.Place.Admin1);
        // The province only locates Hajin; reported on its own it would pull the strike to the province.
        Assert.DoesNotContain(places, m => m.Text == "Deir Ezzor");
    }

    [Fact]
    public void TownCommaCountry_PicksTheTownInThatCountry()
    {
        var m = Single("He fought in Mosul, Iraq, for two years.", "Mosul");
        Assert.Equal("IQ", m.Place.CountryCode);
    }

    [Fact]
    public void Feature_OilField_IsFoundWithArticleVariant()
    {
        var m = Single("Jets struck the area of the al-Omar oil field again.", "al-Omar oil field");
        Assert.Equal(PlaceKind.Feature, m.Place.Kind);
        Assert.Equal(2, m.GeoPrecision);
    }

    [Fact]
    public void CommonWordsAndNames_AreNotPlaces()
    {
        var places = Places("Most of the fighters left on Saturday. Will they return? President Obama met Francois Hollande.");
        Assert.Empty(places);
    }

    [Fact]
    public void LowercaseWord_IsNotAPlace()
    {
        Assert.Empty(Places("most people stayed at home in the aleppo heat."));
    }

    [Fact]
    public void PersonEntity_BlocksGazetteerMatch()
    {
        var doc = DocumentBuilder.Of("Hajin met the press.");
        var withPerson = doc with { Entities = [new EntityMention(new TextRange(0, 5), EntityType.PER, "Hajin")] };
        Assert.NotEmpty(Annotator.Annotate(doc).Places);
        Assert.Empty(Annotator.Annotate(withPerson).Places);
    }

    [Fact]
    public void LocEntity_IsUsedAsToponym()
    {
        var doc = DocumentBuilder.Of("Fighters entered kobani at dawn.");
        var withLoc = doc with { Entities = [new EntityMention(new TextRange(17, 23), EntityType.LOC, "kobani")] };
        var m = Assert.Single(Annotator.Annotate(withLoc).Places);
        Assert.Equal("Kobani", m.Place.Name);
        Assert.Contains("LOC entity", m.Reason);
    }

    [Fact]
    public void ResolveSpans_UnknownSpanIsNull_KnownSpanResolved()
    {
        var doc = DocumentBuilder.Of("From Narnia to Aleppo.");
        var r = Annotator.ResolveSpans(doc, [new TextRange(5, 11), new TextRange(15, 21)]);
        Assert.Null(r[0]);
        Assert.Equal("SY", r[1]?.Place.CountryCode);
    }

    [Fact]
    public void Mentions_AreInTextOrder_WithRangesMatchingText()
    {
        var doc = DocumentBuilder.Of("From Aleppo to Raqqa and on to Mosul.");
        var places = Annotator.Annotate(doc).Places;
        Assert.Equal(["Aleppo", "Raqqa", "Mosul"], places.Select(p => p.Text));
        Assert.All(places, p => Assert.Equal(p.Text, doc.Slice(p.Range)));
    }
}

public class PlaceAnnotatorGuardTests
{
    private static readonly PlaceAnnotator Annotator = new(TinyGazetteer.Value);

    [Fact]
    public void Possessive_IsThePlace()
    {
        var m = Assert.Single(Annotator.Annotate(DocumentBuilder.Of("Fighters left Mosul's old city.")).Places);
        Assert.Equal("Mosul", m.Text);
    }

    [Fact]
    public void WordAlsoWrittenLowerCase_IsACommonWord()
    {
        var doc = DocumentBuilder.Of("Residents fled. Kobani said nothing. The kobani protest grew.");
        Assert.Empty(Annotator.Annotate(doc).Places);
    }

    [Fact]
    public void CityNamedLikeItsProvince_IsTheCityWithoutProvinceCue()
    {
        var m = Assert.Single(Annotator.Annotate(DocumentBuilder.Of("Clashes erupted in Aleppo on Monday.")).Places);
        Assert.Equal(PlaceKind.PopulatedPlace, m.Place.Kind);
        Assert.Equal(1, m.GeoPrecision);
    }
}
