using Sitrep.Core;
using Sitrep.Places;
using Sitrep.Testing;

namespace Sitrep.Places.Tests;

/// <summary>Cases seen on real conflict news, written as fresh sentences of the same kind.</summary>
public class RealArticleCasesTests
{
    private static readonly PlaceAnnotator Annotator = new(TinyGazetteer.Value);
    private static Gazetteer G => TinyGazetteer.Value;

    private static IReadOnlyList<PlaceMention> Places(Document doc) => Annotator.Annotate(doc).Places;
    private static IReadOnlyList<PlaceMention> Places(string text) => Places(DocumentBuilder.Of(text));

    private static Document WithEntities(string text, params (string Surface, EntityType Type)[] entities)
    {
        var doc = DocumentBuilder.Of(text);
        var list = entities.Select(e =>
        {
            var at = text.IndexOf(e.Surface, StringComparison.Ordinal);
            // The whole word: "Russia" must not land on "Russian".
            while (at + e.Surface.Length < text.Length && char.IsLetter(text[at + e.Surface.Length]))
                at = text.IndexOf(e.Surface, at + 1, StringComparison.Ordinal);
            return new EntityMention(new TextRange(at, at + e.Surface.Length), e.Type, e.Surface);
        }).ToList();
        return doc with { Entities = list };
    }

    [Theory]
    [InlineData("Maarat al-Numan")]
    [InlineData("Ma'arrat an-Nu'man")]
    [InlineData("Marat al-Numan")]
    [InlineData("Maaret al Numan")]
    [InlineData("Ma`arrat al-Nu`man")]
    public void TransliterationVariantsOfSeveralWords_FindTheGazetteerSpelling(string name)
    {
        Assert.Contains(G.Lookup(name), p => p.GeoNameId == 13);
    }

    [Fact]
    public void SingleCommonWord_IsNeverMatchedLoosely()
    {
        // "Rescue" and the Romanian town "Rusca" share a loose transliteration key; one word is too little evidence.
        Assert.Empty(G.Lookup("Rescue"));
        Assert.DoesNotContain(Places("Rescue workers said the strikes were carried out at dawn."), m => m.Place.GeoNameId == 14);
    }

    [Fact]
    public void TownInProvince_WithTransliteratedName_IsTheTownNotTheProvince()
    {
        var places = Places("Warplanes struck the market in the town of Maarat al-Numan in Idlib province on Monday.");
        var town = Assert.Single(places);
        Assert.Equal(13, town.Place.GeoNameId);
        Assert.Equal(1, town.GeoPrecision);
        Assert.Equal("Idlib", town.Place.Admin1);
    }

    [Fact]
    public void TownTaggedAsPerson_AfterTownOf_IsStillThePlace()
    {
        const string text = "Warplanes struck the market in the town of Maarat al-Numan in Idlib province on Monday.";
        var places = Places(WithEntities(text, ("Maarat al-Numan", EntityType.PER), ("Idlib", EntityType.LOC)));
        Assert.Contains(places, m => m.Place.GeoNameId == 13);
    }

    [Fact]
    public void TownTaggedAsOrganisation_IsStillThePlace()
    {
        const string text = "At least 12 people were killed when Syrian government artillery shelled Douma on Sunday.";
        var douma = Assert.Single(Places(WithEntities(text, ("Syrian", EntityType.MISC), ("Douma", EntityType.ORG))));
        Assert.Equal(15, douma.Place.GeoNameId);
        Assert.Equal("Douma", douma.Place.Name);
    }

    [Theory]
    [InlineData("At least 12 people were killed when Syrian government artillery shelled Douma on Sunday.")]
    [InlineData("Fighting continued in Douma on Sunday.")]
    public void OneWordPersonGuess_AfterAPlaceTakingWord_IsLookedUpAsAPlace(string text)
    {
        var douma = Assert.Single(Places(WithEntities(text, ("Douma", EntityType.PER))));
        Assert.Equal("Douma", douma.Place.Name);
    }

    [Fact]
    public void PersonGuess_FollowedBySpeechVerb_StaysAPerson()
    {
        const string text = "Speaking in Douma said the talks had failed.";
        Assert.Empty(Places(WithEntities(text, ("Douma", EntityType.PER))));
    }

    [Fact]
    public void KnownActorTaggedAsOrganisation_StaysAnActor()
    {
        const string text = "Fighters of Douma announced a ceasefire on Sunday.";
        var doc = DocumentBuilder.Of(text);
        var at = text.IndexOf("Douma", StringComparison.Ordinal);
        doc = doc with { Entities = [new EntityMention(new TextRange(at, at + 5), EntityType.ORG, "Douma", ActorId: "douma-fighters")] };
        Assert.Empty(Places(doc));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TownInRuralDamascus_IsTheTownWithRifDimashqAsAdmin1(bool tagged)
    {
        const string text = "Syrian regime forces shelled Douma, in rural Damascus, on Sunday, killing ten civilians.";
        var doc = tagged ? WithEntities(text, ("Douma", EntityType.ORG), ("Damascus", EntityType.LOC)) : DocumentBuilder.Of(text);
        var douma = Assert.Single(Places(doc));
        Assert.Equal("Douma", douma.Place.Name);
        Assert.Equal("Rif Dimashq", douma.Place.Admin1);
        Assert.Equal(1, douma.GeoPrecision);
    }

    [Fact]
    public void RuralDamascus_OnItsOwn_IsTheGovernorate()
    {
        var m = Assert.Single(Places("Shelling was reported across rural Damascus on Sunday."));
        Assert.Equal(PlaceKind.Admin1, m.Place.Kind);
        Assert.Equal("Rif Dimashq", m.Place.Name);
        Assert.Equal("rural Damascus", m.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CountryPossessive_IsActorContext_NotAPlace(bool tagged)
    {
        const string text = "Rescue workers said the strikes were carried out by Russian jets. Russia's defence ministry denied it.";
        var doc = tagged ? WithEntities(text, ("Russian", EntityType.MISC), ("Russia", EntityType.LOC)) : DocumentBuilder.Of(text);
        Assert.Empty(Places(doc));
    }

    [Fact]
    public void CountryPossessive_StillGivesCountryContext()
    {
        // Tripoli is in Libya and in Lebanon; only the possessive says which.
        var m = Assert.Single(Places("Lebanon's army said clashes broke out in Tripoli on Monday."));
        Assert.Equal("LB", m.Place.CountryCode);
    }

    [Fact]
    public void DisplayName_IsCuratedEnglishName_ElseAsciiWithoutAynMarks()
    {
        Assert.Equal("Raqqa", G.Lookup("Ar Raqqah").Single(p => p.GeoNameId == 3).Name);
        Assert.Equal("Douma", G.Lookup("Dūmā").Single(p => p.GeoNameId == 15).Name);
        Assert.Equal("Maarrat an Numan", G.Lookup("Maarat al-Numan").Single(p => p.GeoNameId == 13).Name);
    }

    [Fact]
    public void ListOfCountries_IsNotReadAsTownsInOneState()
    {
        // Belgium and Denmark are also two Wisconsin towns; with American context, reading the list as
        // "town, in its state" would pick them.
        var places = Places("American officials said the recruits came from Belgium, Denmark and Sweden.");
        Assert.Equal(["BE", "DK"], places.Select(m => m.Place.CountryCode));
        Assert.All(places, m => Assert.Equal(PlaceKind.Country, m.Place.Kind));
    }

    [Fact]
    public void CapitalPossessive_BeforeAGovernmentWord_IsActorContext()
    {
        Assert.Empty(Places("Beirut's allies condemned the raid."));
    }

    [Fact]
    public void CapitalPossessive_BeforeAPartOfTheCity_IsThePlace()
    {
        var m = Assert.Single(Places("Beirut's southern suburbs were shelled overnight."));
        Assert.Equal(10, m.Place.GeoNameId);
    }
}
