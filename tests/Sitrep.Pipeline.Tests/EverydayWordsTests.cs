using Sitrep.Core;

namespace Sitrep.Pipeline.Tests;

/// <summary>Everyday words that name conflict events only between armed actors.</summary>
public class EverydayWordsTests
{
    private static List<ConflictEvent> Counted(string text) =>
        SitrepEngine.Default.Pipeline.Annotate(new DocumentMeta("t", "t.txt") { Published = new DateOnly(2016, 3, 14) }, text)
            .Events.Where(e => e.Modality.IsCounted()).ToList();

    [Theory]
    [InlineData("The two candidates agreed on Monday to hold a televised debate in Miami.")]
    [InlineData("The campaign opened a headquarters in Anchorage on Saturday.")]
    [InlineData("She said the fight for the nomination would go on until June.")]
    public void PoliticalOrCommercialSense_IsNoEvent(string text) => Assert.Empty(Counted(text));

    [Fact]
    public void ConflictWordsNeedNoArmedActor()
    {
        var e = Assert.Single(Counted("A ceasefire took effect in Aleppo on Saturday."));
        Assert.Equal("Agreement", e.SubEventType);
    }

    [Fact]
    public void EverydayWordBetweenArmedActors_IsAnEvent()
    {
        var e = Assert.Single(Counted("Syrian troops fought Islamic State militants near Palmyra on Sunday."));
        Assert.Equal("Armed clash", e.SubEventType);
    }
}
