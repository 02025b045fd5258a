using Sitrep.Core;
using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class LanguageAnnotatorTests
{
    private static Document Annotate(string text, string? published) =>
        LanguageAnnotator.CreateDefault().Annotate(new Document
        {
            Meta = new DocumentMeta("t", "t") { Published = published is null ? null : DateOnly.Parse(published) },
            Text = text,
        });

    [Fact]
    public void Annotate_WritesTokensSentencesEntitiesAndActors()
    {
        var doc = Annotate("Syrian troops shelled al-Nusra positions.\nGunmen killed three villagers.", "2015-03-01");
        Assert.Equal(doc.TokenStarts.Length, doc.TokenEnds.Length);
        Assert.Equal([0, 6], doc.SentenceStarts);
        Assert.Equal(["Military Forces of Syria", "Jabhat al-Nusra", "Unidentified Armed Group", "Civilians"], doc.Actors.Select(a => a.Actor.Id).ToArray());
        Assert.Equal(["Syrian troops", "al-Nusra", "Gunmen", "villagers"], doc.Actors.Select(a => a.Text).ToArray());
        Assert.True(doc.Actors[3].Actor.IsGeneric);
        Assert.Contains(doc.Entities, e => e.Text == "al-Nusra" && e.ActorId == "Jabhat al-Nusra");
    }

    [Fact]
    public void GovernmentForces_InAnIraqiArticle_AreIraqiForces()
    {
        var doc = Annotate("Iraqi officials in Baghdad said government forces retook the district from Islamic State.", "2016-10-20");
        Assert.Contains(doc.Actors, a => a.Text == "government forces" && a.Actor.Id == "Military Forces of Iraq");
    }

    [Fact]
    public void ActorRanges_PointIntoTheText()
    {
        var doc = Annotate("Russian jets hit Idlib.", "2019-05-01");
        var mention = Assert.Single(doc.Actors);
        Assert.Equal("Russian jets", doc.Slice(mention.Range));
    }

    [Fact]
    public void Stage_DeclaresItsLayers()
    {
        var stage = LanguageAnnotator.CreateDefault();
        Assert.Equal([Layers.Text], stage.Reads);
        Assert.Contains(Layers.Actors, stage.Writes);
        Assert.Same(stage, LanguageAnnotator.CreateDefault());
    }

    [Fact]
    public void EmptyText_GivesAnEmptyAnnotation()
    {
        var doc = Annotate("", null);
        Assert.Empty(doc.TokenStarts);
        Assert.Empty(doc.SentenceStarts);
        Assert.Empty(doc.Entities);
        Assert.Empty(doc.Actors);
    }
}
