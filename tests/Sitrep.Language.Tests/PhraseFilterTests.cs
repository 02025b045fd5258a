using Sitrep.Language;

namespace Sitrep.Language.Tests;

/// <summary>
/// Phrase lookups first test a bit per first token, folded to ASCII upper case; these tests hold that quick "no"
/// to what the case-insensitive dictionaries behind it would answer.
/// </summary>
public class PhraseFilterTests
{
    [Fact]
    public void NoCharOutsideAscii_EqualsAnAsciiCharIgnoringCase()
    {
        var found = new List<char>();
        for (var c = 0x80; c <= 0xFFFF; c++)
            for (var a = 0; a < 0x80; a++)
                if (string.Equals(((char)c).ToString(), ((char)a).ToString(), StringComparison.OrdinalIgnoreCase)) found.Add((char)c);
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("ISLAMIC STATE")]
    [InlineData("islamic state")]
    [InlineData("Islamic State")]
    public void FoldedFirstToken_StillFindsThePhrase_InAnyCase(string phrase) =>
        Assert.Equal("Islamic State", ActorDictionary.Default.Resolve(phrase, new DateOnly(2017, 8, 7), null)?.Id);

    [Fact]
    public void ActorsInRunningText_AreFoundAtEveryCase()
    {
        var doc = LanguageAnnotator.CreateDefault().Annotate(new Sitrep.Core.Document
        {
            Meta = new Sitrep.Core.DocumentMeta("t", "t") { Published = new DateOnly(2018, 8, 30) },
            Text = "Syrian troops shelled the town. The SDF and ISLAMIC STATE fighters clashed near Hajin.",
        });
        var ids = ActorDictionary.Default.Match(doc).Select(m => m.Actor.Id).ToList();
        Assert.Contains("Military Forces of Syria", ids);
        Assert.Contains("SDF: Syrian Democratic Forces", ids);
        Assert.Contains("Islamic State", ids);
    }
}
