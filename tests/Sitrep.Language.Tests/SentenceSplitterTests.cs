using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Default.Tokenize(text);
        var starts = SentenceSplitter.Default.Split(text, tokens);
        var result = new string[starts.Length];
        for (var s = 0; s < starts.Length; s++)
        {
            var end = s + 1 < starts.Length ? starts[s + 1] : tokens.Count;
            result[s] = text[tokens.Starts[starts[s]]..tokens.Ends[end - 1]];
        }
        return result;
    }

    [Fact]
    public void PeriodQuestionAndExclamation_EndSentences()
        => Assert.Equal(["Jets struck.", "Was anyone hurt?", "No!", "Ten died."], Sentences("Jets struck. Was anyone hurt? No! Ten died."));

    [Fact]
    public void ClosingQuote_StaysWithTheEndingSentence()
        => Assert.Equal(["He said: “We are ready.”", "Then he left."], Sentences("He said: “We are ready.” Then he left."));

    [Fact]
    public void LineBreakAfterClosingQuote_EndsTheSentence()
        => Assert.Equal(["\"We had backup locations.\"", "He taunted the coalition."],
            Sentences("\"We had backup locations.\"\nHe taunted the coalition."));

    [Fact]
    public void QuestionInsideQuote_FollowedByLowerCase_DoesNotSplit()
        => Assert.Single(Sentences("\"Why now?\" he asked."));

    [Fact]
    public void TitleAbbreviation_NeverEndsASentence()
        => Assert.Single(Sentences("The spokesman, Col. Ryan Dillon, said so."));

    [Fact]
    public void Initials_DoNotEndASentence() => Assert.Single(Sentences("The report by J. R. Smith was published."));

    [Fact]
    public void UsBeforeAName_DoesNotEndASentence()
        => Assert.Single(Sentences("The U.S. President Barack Obama admitted it."));

    [Fact]
    public void UsAtSentenceEnd_BeforeAFunctionWord_EndsTheSentence()
        => Assert.Equal(["The strikes were carried out by the U.S.", "The next day, rebels advanced."],
            Sentences("The strikes were carried out by the U.S. The next day, rebels advanced."));

    [Fact]
    public void LineBreak_AlwaysEndsASentence()
        => Assert.Equal(["ISIS Digs In Around Raqqa", "August 7, 2017", "Jets struck."],
            Sentences("ISIS Digs In Around Raqqa\nAugust 7, 2017\n\nJets struck."));

    [Fact]
    public void DecimalNumbers_DoNotEndASentence() => Assert.Single(Sentences("About 3.5 million people fled."));

    [Fact]
    public void Ellipsis_BeforeACapital_EndsTheSentence()
        => Assert.Equal(["It can't continue like this. ...", "There are a lot of youth."],
            Sentences("It can't continue like this. ... There are a lot of youth."));

    [Fact]
    public void NoTokens_NoSentences() => Assert.Empty(Sentences("   "));
}
