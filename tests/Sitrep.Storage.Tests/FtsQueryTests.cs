namespace Sitrep.Storage.Tests;

public class FtsQueryTests
{
    [Theory]
    [InlineData("air strike", "\"air\" \"strike\"")]
    [InlineData("title:raqqa OR \"drop table", "\"title\" \"raqqa\" \"OR\" \"drop\" \"table\"")]
    [InlineData("Deir-ez-Zor", "\"Deir\" \"ez\" \"Zor\"")]
    [InlineData("strik*", "\"strik\"*")]
    [InlineData("قصف غزة", "\"قصف\" \"غزة\"")]
    public void UserText_BecomesQuotedTerms(string input, string expected) => Assert.Equal(expected, FtsQuery.Sanitise(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \"*( ) - ")]
    public void TextWithoutWords_GivesNoQuery(string? input) => Assert.Null(FtsQuery.Sanitise(input));

    [Theory]
    [InlineData("Air strike", "'air' & 'strike'")]
    [InlineData("x' | !y & (z) <-> w:*", "'x' & 'y' & 'z' & 'w'")]
    [InlineData("strik*", "'strik':*")]
    [InlineData("قصف غزة", "'قصف' & 'غزة'")]
    public void UserText_BecomesLowerCasedTsQueryTerms(string input, string expected) => Assert.Equal(expected, FtsQuery.ToTsQuery(input));

    [Fact]
    public void TextWithoutWords_GivesNoTsQuery() => Assert.Null(FtsQuery.ToTsQuery(" '&|!:* "));
}
