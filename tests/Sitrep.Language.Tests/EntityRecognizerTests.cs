using Sitrep.Core;
using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class EntityRecognizerTests
{
    private static IReadOnlyList<EntityMention> Entities(string text, string published = "2017-08-07") =>
        LanguageAnnotator.CreateDefault().Annotate(new Document { Meta = new DocumentMeta("t", "t") { Published = DateOnly.Parse(published) }, Text = text }).Entities;

    private static (string Text, EntityType Type)[] Pairs(string text) => Entities(text).Select(e => (e.Text, e.Type)).ToArray();

    [Fact]
    public void TitleBeforeName_MakesAPerson_WithoutTheTitle()
    {
        var e = Pairs("The commander, Col. Ryan Dillon, spoke to reporters.");
        Assert.Contains(("Ryan Dillon", EntityType.PER), e);
        Assert.DoesNotContain(e, p => p.Text.Contains("Col."));
    }

    [Fact]
    public void LowerCaseTitle_MakesAPerson() => Assert.Contains(("Hussam al-Marie", EntityType.PER), Pairs("Rebel spokesman Hussam al-Marie told the BBC."));

    [Fact]
    public void SpeechVerbAfterName_MakesAPerson() => Assert.Contains(("Dillon", EntityType.PER), Pairs("Dillon said the SDF holds the town."));

    [Fact]
    public void ActorAlias_IsAnOrganisationWithItsActorId()
    {
        var e = Entities("Yesterday the Syrian Democratic Forces attacked ISIS near Hajin.");
        var sdf = Assert.Single(e, x => x.Text == "Syrian Democratic Forces");
        Assert.Equal(EntityType.ORG, sdf.Type);
        Assert.Equal("SDF: Syrian Democratic Forces", sdf.ActorId);
        Assert.Equal("Islamic State", Assert.Single(e, x => x.Text == "ISIS").ActorId);
    }

    [Fact]
    public void OrganisationCue_MakesAnOrganisation() => Assert.Contains(("Raqqa Reconstruction Committee", EntityType.ORG), Pairs("Funds went to the Raqqa Reconstruction Committee on Monday."));

    [Fact]
    public void KnownCountryAndRegion_AreLocations()
    {
        var e = Pairs("Fighters moved from Iraq to the Middle East coast.");
        Assert.Contains(("Iraq", EntityType.LOC), e);
        Assert.Contains(("Middle East", EntityType.LOC), e);
    }

    [Fact]
    public void PlacePreposition_MakesAnUnknownWordALocation() => Assert.Contains(("Hajin", EntityType.LOC), Pairs("Units were stationed near Hajin on Tuesday."));

    [Fact]
    public void DemonymsAndReligions_AreMisc()
    {
        var e = Pairs("Kurdish and Arab fighters defended Sunni villages.");
        Assert.Contains(("Kurdish", EntityType.MISC), e);
        Assert.Contains(("Arab", EntityType.MISC), e);
        Assert.Contains(("Sunni", EntityType.MISC), e);
    }

    [Fact]
    public void SentenceInitialFunctionWord_IsNotAnEntity()
    {
        var e = Pairs("However, residents fled. The Pentagon said nothing.");
        Assert.DoesNotContain(e, p => p.Text is "However" or "The" or "The Pentagon");
        Assert.Contains(("Pentagon", EntityType.ORG), e);
    }

    [Fact]
    public void GenericActors_AreNotEntities() => Assert.Empty(Entities("gunmen killed villagers."));

    [Fact]
    public void AllCapsHeadline_UsesOnlyKnownPhrases()
    {
        var e = Pairs("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .");
        Assert.Contains(("JAPAN", EntityType.LOC), e);
        Assert.Contains(("CHINA", EntityType.LOC), e);
        Assert.DoesNotContain(e, p => p.Text is "SOCCER" or "LUCKY" or "SURPRISE");
    }

    [Fact]
    public void EntitiesDoNotCrossSentences()
    {
        var e = Entities("They reached Raqqa.\nAbu Omar left.");
        Assert.All(e, x => Assert.DoesNotContain("\n", x.Text));
    }
}

public class EntityRecognizerRuleTests
{
    private static (string Text, EntityType Type, string? Actor)[] Triples(string text, string published = "2017-08-07") =>
        LanguageAnnotator.CreateDefault()
            .Annotate(new Document { Meta = new DocumentMeta("t", "t") { Published = DateOnly.Parse(published) }, Text = text })
            .Entities.Select(e => (e.Text, e.Type, e.ActorId)).ToArray();

    [Fact]
    public void AcronymBeforeALowerCaseNoun_IsStillItsActor()
        => Assert.Contains(("IS", EntityType.ORG, "Islamic State"), Triples("IS militants stiffen defenses against air strikes by France."));

    [Fact]
    public void DescriptiveHyphenCompounds_AreNotNames()
    {
        var e = Triples("A London-based group and U.S.-backed factions met Isis-occupied towns.");
        Assert.DoesNotContain(e, x => x.Text.Contains("-based") || x.Text.Contains("-backed") || x.Text.Contains("-occupied"));
    }

    [Fact]
    public void SurnameAlone_AfterTheFullName_IsAPerson()
        => Assert.Contains(("Putin", EntityType.PER, null), Triples("President Vladimir Putin met envoys. Later Putin left for Moscow."));

    [Fact]
    public void SentenceInitialAdjective_BeforeAKnownPhrase_IsDropped()
    {
        var e = Triples("Moderate Syrian rebels said so.");
        Assert.DoesNotContain(e, x => x.Text.StartsWith("Moderate"));
        Assert.Contains(("Syrian", EntityType.MISC, null), e);
    }

    [Fact]
    public void CountryAbbreviation_IsALocation() => Assert.Contains(("U.K.", EntityType.LOC, null), Triples("Jets left the U.K. on Friday."));

    [Fact]
    public void MixedCaseAcronymAlias_DoesNotMatchAnOrdinaryWord() =>
        Assert.DoesNotContain(LanguageAnnotator.CreateDefault().Annotate(new Document { Meta = new DocumentMeta("t", "t"), Text = "Let them come, let them go." }).Actors,
            a => a.Actor.Id.StartsWith("Lashkar"));
}
