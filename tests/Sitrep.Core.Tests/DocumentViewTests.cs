using Sitrep.Core;
using Sitrep.Testing;

namespace Sitrep.Core.Tests;

public class DocumentViewTests
{
    [Fact]
    public void Sentences_CoverTheirTokens_WithHalfOpenRanges()
    {
        var doc = DocumentBuilder.Of("Jets hit Raqqa. Nobody was hurt.");
        Assert.Equal(2, doc.SentenceCount);
        Assert.Equal("Jets hit Raqqa.", doc.Sentence(0).Text);
        Assert.Equal("Nobody was hurt.", doc.Sentence(1).Text);
        Assert.Equal("Raqqa", doc.Token(2).Text);
    }

    [Fact]
    public void TokenIndexAt_FindsTokenContainingOrAfterOffset()
    {
        var doc = DocumentBuilder.Of("Jets hit Raqqa.");
        Assert.Equal(1, doc.TokenIndexAt(5));   // 'h' of hit
        Assert.Equal(1, doc.TokenIndexAt(4));   // the space before "hit"
        Assert.Equal(2, doc.TokenIndexAt(10));  // inside Raqqa
        Assert.Equal(0, doc.SentenceIndexAt(10));
    }

    [Fact]
    public void TextRange_IsHalfOpen()
    {
        var r = new TextRange(2, 5);
        Assert.True(r.Contains(2));
        Assert.False(r.Contains(5));
        Assert.False(r.Overlaps(new TextRange(5, 7)));
        Assert.True(r.Overlaps(new TextRange(4, 7)));
        Assert.Equal(new TextRange(2, 7), r.Union(new TextRange(4, 7)));
    }

    [Fact]
    public void ResolvedDate_MonthCoversWholeMonth()
    {
        var d = ResolvedDate.Month(2016, 2, "test");
        Assert.Equal(new DateOnly(2016, 2, 29), d.End);
        Assert.Equal(DateGranularity.Month, d.Granularity);
        Assert.False(ResolvedDate.Unresolved("no anchor").IsResolved);
    }

    [Fact]
    public void GeoPoint_Distance_RaqqaToDeirEzzor_IsAbout120Km()
    {
        var raqqa = new GeoPoint(35.95, 39.01);
        var deir = new GeoPoint(35.33, 40.14);
        Assert.InRange(raqqa.DistanceKm(deir), 110, 135);
    }

    [Fact]
    public void Taxonomy_Has25SubTypesInSixTypes()
    {
        Assert.Equal(25, AcledTaxonomy.EventTypeOf.Count);
        Assert.Equal(6, AcledTaxonomy.EventTypeOf.Values.Distinct().Count());
        Assert.Equal("Explosions/Remote violence", new ConflictEvent { SubEventType = "Air/drone strike", Trigger = new(0, 1) }.EventType);
    }
}
