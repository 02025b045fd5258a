using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class TokenizerTests
{
    private static string[] Tok(string text)
    {
        var spans = Tokenizer.Default.Tokenize(text);
        var result = new string[spans.Count];
        for (var i = 0; i < spans.Count; i++) result[i] = text[spans.Starts[i]..spans.Ends[i]];
        return result;
    }

    [Fact]
    public void Offsets_AreHalfOpenCharacterRanges()
    {
        var spans = Tokenizer.Default.Tokenize("  ISIS  fled.");
        Assert.Equal([2, 8, 12], spans.Starts);
        Assert.Equal([6, 12, 13], spans.Ends);
    }

    [Fact]
    public void TitleAbbreviations_KeepTheirPeriod()
        => Assert.Equal(["Col.", "Ryan", "Dillon", "and", "Lt.", "Gen.", "Paul", "Funk", "spoke", "."],
            Tok("Col. Ryan Dillon and Lt. Gen. Paul Funk spoke."));

    [Fact]
    public void MonthAbbreviation_KeepsItsPeriod() => Assert.Equal(["On", "Jan.", "5", ",", "2017"], Tok("On Jan. 5, 2017"));

    [Fact]
    public void DottedAcronym_IsOneToken() => Assert.Equal(["the", "U.S.", "military", "and", "U.N.", "staff"], Tok("the U.S. military and U.N. staff"));

    [Fact]
    public void Initials_KeepTheirPeriod() => Assert.Equal(["J.", "R.", "Smith", "said"], Tok("J. R. Smith said"));

    [Fact]
    public void OrdinaryWordBeforePeriod_LosesIt() => Assert.Equal(["in", "Raqqa", "."], Tok("in Raqqa."));

    [Fact]
    public void NumberAbbreviation_OnlyBeforeANumber()
    {
        Assert.Equal(["Resolution", "No.", "2254"], Tok("Resolution No. 2254"));
        Assert.Equal(["They", "said", "No", "."], Tok("They said No."));
    }

    [Fact]
    public void Numbers_KeepSeparatorsAndDecimals()
        => Assert.Equal(["2,500", "people", ",", "45", "percent", ",", "3.5", "km", ",", "350,000", "in", "the", "1990s"],
            Tok("2,500 people, 45 percent, 3.5 km, 350,000 in the 1990s"));

    [Fact]
    public void NumberFollowedByComma_SplitsTheComma() => Assert.Equal(["In", "2017", ",", "20", "died"], Tok("In 2017, 20 died"));

    [Fact]
    public void CurrencyAndPercent_AreSeparateTokens() => Assert.Equal(["$", "2,500", "and", "45", "%"], Tok("$2,500 and 45%"));

    [Fact]
    public void NumericRange_SplitsAtTheHyphen() => Assert.Equal(["10", "-", "15", "killed"], Tok("10-15 killed"));

    [Fact]
    public void HyphenatedTransliterations_StayWhole()
        => Assert.Equal(["al-Nusra", "in", "Deir", "ez-Zor", "and", "a", "28-year-old"], Tok("al-Nusra in Deir ez-Zor and a 28-year-old"));

    [Fact]
    public void AcronymLedCompound_IsOneToken() => Assert.Equal(["the", "U.S.-led", "coalition", "and", "US-led", "jets"], Tok("the U.S.-led coalition and US-led jets"));

    [Fact]
    public void InnerApostrophe_StaysWhole() => Assert.Equal(["Ma'arrat", "al-Numan", "and", "Ma’arrat"], Tok("Ma'arrat al-Numan and Ma’arrat"));

    [Fact]
    public void Possessive_SplitsOffTheClitic()
    {
        Assert.Equal(["Syria", "’s", "Raqqa"], Tok("Syria’s Raqqa"));
        Assert.Equal(["Allah", "'s", "sharia"], Tok("Allah's sharia"));
    }

    [Fact]
    public void TrailingApostrophe_IsItsOwnToken() => Assert.Equal(["ISIS", "'", "mission"], Tok("ISIS' mission"));

    [Fact]
    public void Contractions_SplitLikeThePennTreebank()
        => Assert.Equal(["We", "'ve", "been", ",", "they", "do", "n't", "know", ",", "they", "'re"], Tok("We've been, they don't know, they're"));

    [Fact]
    public void QuotesAndDashes_AreSeparateTokens()
        => Assert.Equal(["“", "war", "”", "--", "allowing", "—", "it", "–", "‘", "now", "’", "\"", "x", "\""],
            Tok("“war” -- allowing — it – ‘now’ \"x\""));

    [Fact]
    public void Ellipsis_IsOneToken() => Assert.Equal(["this", "...", "There"], Tok("this ... There"));

    [Fact]
    public void UrlEmailHandleHashtag_AreOneTokenEach()
        => Assert.Equal(["see", "https://example.org/a?b=1", ",", "mail", "press@example.org", ",", "@CENTCOM", "#Raqqa", "."],
            Tok("see https://example.org/a?b=1, mail press@example.org, @CENTCOM #Raqqa."));

    [Fact]
    public void Dateline_SplitsCityAgencyAndDash()
        => Assert.Equal(["BEIRUT", "(", "Reuters", ")", "-", "Syrian", "jets"], Tok("BEIRUT (Reuters) - Syrian jets"));

    [Fact]
    public void EmptyAndWhitespace_GiveNoTokens()
    {
        Assert.Empty(Tok(""));
        Assert.Empty(Tok(" \n\t "));
    }

    [Fact]
    public void NonLatinScripts_AreWords() => Assert.Equal(["داعش", "في", "الرقة", "."], Tok("داعش في الرقة."));

    [Fact]
    public void GluedSentences_SplitBeforeACapital() => Assert.Equal(["trapped", ",", "amid", "fear", ".", "They", "left"], Tok("trapped,amid fear.They left"));
}
