namespace Sitrep.Places.Tests;

/// <summary>The word hash behind "a word the document also writes in lower case is a common word".</summary>
public sealed class CaseFoldHashTests
{
    [Theory]
    [InlineData("Battle", "battle")]
    [InlineData("BATTLE", "battle")]
    [InlineData("Ürümqi", "ürümqi")]
    public void SameWordInAnotherCase_HashesAlike(string a, string b) =>
        Assert.Equal(ToponymDetector.CaseFoldHash(a), ToponymDetector.CaseFoldHash(b));

    [Theory]
    [InlineData("Battle", "Cattle")]
    [InlineData("Homs", "Hom")]
    [InlineData("Ab", "ba")]
    public void DifferentWords_HashApart(string a, string b) =>
        Assert.NotEqual(ToponymDetector.CaseFoldHash(a), ToponymDetector.CaseFoldHash(b));
}
