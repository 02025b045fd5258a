using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class ModalityTests
{
    [Fact]
    public void PlainReport_IsAsserted()
    {
        var e = new TestDoc("US jets struck Raqqa on Saturday.").Actor("US jets", Coalition).Single();
        Assert.Equal(Modality.Asserted, e.Modality);
    }

    [Fact]
    public void ArmedPartyClaimingResponsibility_IsClaimed_WithClaimantAsActor1()
    {
        var e = new TestDoc("Islamic State claimed responsibility for the car bomb in Baghdad.")
            .Actor("Islamic State", IslamicState).Single();
        Assert.Equal(Modality.Claimed, e.Modality);
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Remote explosive/landmine/IED", e.SubEventType);
    }

    [Fact]
    public void ArmedPartySayingItKilled_IsClaimed()
    {
        var e = new TestDoc("The SDF said it killed 12 militants in an ambush.").Actor("SDF", Sdf).Single();
        Assert.Equal(Modality.Claimed, e.Modality);
        Assert.Equal(12, e.FatalitiesMin);
    }

    [Fact]
    public void NeutralMonitorReporting_IsAsserted_NotClaimed()
    {
        var e = new TestDoc("The Observatory said government jets carried out airstrikes on Idlib.")
            .Actor("government jets", SyrianArmy).Single();
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Equal("Military Forces of Syria", e.Actor1);
    }

    [Fact]
    public void DeniedCarryingOut_IsDenied()
    {
        var e = new TestDoc("The army denied carrying out the airstrike.").Actor("army", SyrianArmy).Single();
        Assert.Equal(Modality.Denied, e.Modality);
    }

    [Fact]
    public void PlanningToLaunch_IsPlanned()
    {
        var e = new TestDoc("The SDF are planning to launch their offensive on the town in upcoming weeks.")
            .Actor("SDF", Sdf).Single();
        Assert.Equal(Modality.Planned, e.Modality);
        Assert.False(e.Modality.IsCounted());
    }

    [Fact]
    public void PreparingTo_IsPlanned() =>
        Assert.Equal(Modality.Planned, new TestDoc("Rebels are preparing to attack the army base.").Single().Modality);

    [Theory]
    [InlineData("Islamic State vowed to bring an arduous fight to the coalition.")]
    [InlineData("The group threatened to kidnap foreign workers.")]
    [InlineData("The commander said jihadists will fight in the streets of Raqqa.")]
    [InlineData("Putin pledged to intensify air strikes against the militants.")]
    public void ReportedThreat_IsThreatened_NotAnEvent(string text)
    {
        var e = new TestDoc(text).Single();
        Assert.Equal(Modality.Threatened, e.Modality);
        Assert.False(e.Modality.IsCounted());
    }

    [Theory]
    [InlineData("Analysts warn that rebels could attack the army base.")]
    [InlineData("If the talks fail, the army would shell the town.")]
    [InlineData("The coalition may launch airstrikes on the town.")]
    public void Conditional_IsHypothetical(string text) =>
        Assert.Equal(Modality.Hypothetical, new TestDoc(text).Single().Modality);

    /// <summary>Negated occurrence is not an event: it is kept as hypothetical.</summary>
    [Fact]
    public void NoStrikesWereLaunched_IsHypothetical()
    {
        var e = new TestDoc("No air strikes were launched against the militants on Saturday.").Single();
        Assert.Equal(Modality.Hypothetical, e.Modality);
    }

    [Fact]
    public void NoCiviliansKilled_NegatesTheVictims_NotTheEvent()
    {
        var e = new TestDoc("Russian airstrikes hit the city, but no civilians were killed.").Single();
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Equal(0, e.FatalitiesMin);
    }

    [Fact]
    public void DisputedResponsibility_IsAsserted_WithoutActor1_AndListsClaims()
    {
        var e = new TestDoc("Rebels blamed the army for the shelling of the market, which the army denied.")
            .Actor("Rebels", Sdf).Actor("army", SyrianArmy).Single();
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Null(e.Actor1);
        Assert.Contains("SDF blame Military Forces of Syria", e.Claims);
        Assert.Contains("Military Forces of Syria denies", e.Claims);
    }
}

public class ModalityScopeTests
{
    [Fact]
    public void InfinitiveOfAim_IsPlanned() =>
        Assert.Equal(Modality.Planned, new TestDoc("Government troops are advancing to retake the town.").Single().Modality);

    [Fact]
    public void AchievedInfinitive_IsAsserted() =>
        Assert.Equal(Modality.Asserted, new TestDoc("Government troops managed to retake the town.").Single().Modality);

    [Fact]
    public void AuxiliaryAfterNominalTrigger_GovernsIt() =>
        Assert.Equal(Modality.Threatened, new TestDoc("The commander said the Raqqa offensive will be a fire that burns.").Single().Modality);

    [Fact]
    public void DistantAuxiliary_DoesNotGovernTheTrigger() =>
        Assert.Equal(Modality.Asserted, new TestDoc("Officials will meet on Monday, a week after rebels ambushed an army convoy near the town.").Single().Modality);

    [Fact]
    public void NeverDroppedABomb_IsNegated() =>
        Assert.Equal(Modality.Hypothetical, new TestDoc("Coalition jets never dropped a single bomb on the militants.").Single().Modality);
}

public class QuotedClaimTests
{
    [Fact]
    public void PartyQuotedDescribingItsOwnAction_IsClaimed()
    {
        var e = new TestDoc("\"We ambushed an army convoy near the town last night,\" said the SDF.").Actor("SDF", TestDoc.Sdf).Single();
        Assert.Equal(Modality.Claimed, e.Modality);
        Assert.Equal("SDF", e.Actor1);
    }

    [Fact]
    public void WitnessQuoted_StaysAsserted()
    {
        var e = new TestDoc("\"The rebels ambushed an army convoy near the town last night,\" said a shopkeeper.").Single();
        Assert.Equal(Modality.Asserted, e.Modality);
    }
}
