using Sitrep.Core;

namespace Sitrep.EventCoding.Tests;

public class CasualtyTests
{
    private static ConflictEvent Code(string text) => new TestDoc(text).Single();

    [Fact]
    public void AtLeast20_IsMin20_WithNoMax()
    {
        var e = Code("An airstrike killed at least 20 people in the market.");
        Assert.Equal(20, e.FatalitiesMin);
        Assert.Null(e.FatalitiesMax);
        Assert.Equal(20, e.Fatalities);
    }

    [Fact]
    public void KilledSixCivilians_IncludingTwoWomen_IsSix()
    {
        var e = Code("US warplanes pounded the village of Kashkash, killing 6 civilians, including 2 women.");
        Assert.Equal(6, e.FatalitiesMin);
        Assert.Equal(6, e.FatalitiesMax);
        Assert.True(e.CivilianTargeting);
    }

    [Fact]
    public void InclusionBeforeTheVerb_CountsTheTotal()
    {
        var e = Code("Six civilians, including two children, were killed in the airstrike.");
        Assert.Equal(6, e.FatalitiesMin);
    }

    [Fact]
    public void LongInclusionList_CountsTheTotalBeforeIt()
    {
        var e = Code("On Saturday, 18 members of the same family, including at least five children and four women, were killed in an air strike.");
        Assert.Equal(18, e.FatalitiesMin);
    }

    [Fact]
    public void TollRoseTo37_Is37()
    {
        var e = Code("The death toll from the car bomb rose to 37.");
        Assert.Equal(37, e.FatalitiesMin);
    }

    [Theory]
    [InlineData("Dozens were killed in the shelling of the town.", 12)]
    [InlineData("Tens of people died in the shelling of the town.", 10)]
    [InlineData("Hundreds were killed in the shelling of the town.", 100)]
    [InlineData("Several people were killed in the shelling of the town.", 3)]
    [InlineData("A dozen people were killed in the shelling of the town.", 12)]
    [InlineData("Five people were killed in the shelling of the town.", 5)]
    [InlineData("Twenty-five soldiers died in the shelling of the town.", 25)]
    public void NumberWordsAndVagueQuantities_FollowAcledConventions(string text, int min)
    {
        var e = Code(text);
        Assert.Equal(min, e.FatalitiesMin);
    }

    [Fact]
    public void VagueQuantity_HasNoUpperBound() => Assert.Null(Code("Dozens were killed in the shelling.").FatalitiesMax);

    [Fact]
    public void NoCiviliansWereKilled_IsZero()
    {
        var e = Code("Jets carried out airstrikes on the city. No civilians were killed or injured.");
        Assert.Equal(0, e.FatalitiesMin);
        Assert.Equal(0, e.InjuredMin);
        Assert.False(e.CivilianTargeting);
    }

    [Fact]
    public void KilledAndWounded_AreCountedSeparately()
    {
        var e = Code("The suicide bombing killed 12 people and wounded 30 others.");
        Assert.Equal(12, e.FatalitiesMin);
        Assert.Equal(30, e.InjuredMin);
    }

    [Fact]
    public void BetweenRange_GivesMinAndMax()
    {
        var e = Code("Between 10 and 15 fighters were killed in the clashes.");
        Assert.Equal(10, e.FatalitiesMin);
        Assert.Equal(15, e.FatalitiesMax);
    }

    [Fact]
    public void UpTo_GivesOnlyAMax()
    {
        var e = Code("Up to 40 fighters were killed in the clashes.");
        Assert.Null(e.FatalitiesMin);
        Assert.Equal(40, e.FatalitiesMax);
        Assert.Equal(0, e.Fatalities);
    }

    [Theory]
    [InlineData("The 28-year-old militant was killed in an airstrike.")]
    [InlineData("Airstrikes killed militants controlling 45 percent of Raqqa.")]
    [InlineData("Russia flew 127 sorties and killed militants in airstrikes.")]
    [InlineData("The airstrike on August 30 killed militants.")]
    [InlineData("The $2,500 bounty was paid after the airstrike killed militants.")]
    public void AgesPercentagesSortiesDatesAndMoney_AreNotCasualties(string text)
    {
        var e = Code(text);
        Assert.Null(e.FatalitiesMin);
        Assert.Null(e.FatalitiesMax);
    }

    [Fact]
    public void NoCasualtyWords_NoCounts()
    {
        var e = Code("Coalition jets struck 12 targets near Raqqa.");
        Assert.Null(e.FatalitiesMin);
        Assert.Null(e.InjuredMin);
    }
}

public class CasualtyOwnershipTests
{
    [Fact]
    public void CountNearerAnotherTrigger_BelongsToThatTrigger()
    {
        var e = new TestDoc("After the Paris attacks that killed 129 people, air strikes hit Raqqa.").Single();
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Null(e.FatalitiesMin);
    }

    [Fact]
    public void OpinionSentence_YieldsNoEvent() =>
        Assert.Empty(new TestDoc("I highly doubt it. This creates cognitive dissonance, and all is well in the world again.").Annotate().Events);
}

public class CasualtySameEventTests
{
    [Fact]
    public void CountNearAnotherWordForTheSameEvent_IsKept()
    {
        var e = new TestDoc("A female suicide bomber hid among civilians before blowing herself up and killing several people.").Single();
        Assert.Equal(3, e.FatalitiesMin);
    }
}
