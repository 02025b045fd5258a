using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class RoleTests
{
    [Fact]
    public void ActiveVoice_SubjectIsActor1_ObjectIsActor2()
    {
        var e = new TestDoc("Coalition jets struck Islamic State positions near Raqqa.")
            .Actor("Coalition jets", Coalition).Actor("Islamic State", IslamicState).Single();
        Assert.Equal("Coalition (US-led)", e.Actor1);
        Assert.Equal("Islamic State", e.Actor2);
    }

    [Fact]
    public void PassiveVoice_AgentAfterBy_IsActor1()
    {
        var e = new TestDoc("Five SDF fighters were killed by Islamic State militants in an ambush.")
            .Actor("SDF fighters", Sdf).Actor("Islamic State militants", IslamicState).Single();
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("SDF", e.Actor2);
    }

    [Fact]
    public void AttackedBy_GivesTheAttackerAsActor1()
    {
        var e = new TestDoc("An army checkpoint was attacked by Islamic State fighters on Monday.")
            .Actor("army", SyrianArmy).Actor("Islamic State fighters", IslamicState).Single();
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Military Forces of Syria", e.Actor2);
    }

    [Fact]
    public void LedModifier_GivesWayToTheActorItModifies()
    {
        var e = new TestDoc("US-led coalition warplanes carried out airstrikes on Islamic State positions.")
            .Actor("US", new Sitrep.Core.Actor("Military Forces of the United States", Sitrep.Core.ActorKind.ExternalForces))
            .Actor("coalition warplanes", Coalition).Actor("Islamic State", IslamicState).Single();
        Assert.Equal("Coalition (US-led)", e.Actor1);
        Assert.Equal("Islamic State", e.Actor2);
    }

    [Fact]
    public void Parenthetical_BackedBy_IsNotTheSubject()
    {
        var e = new TestDoc("SDF fighters, backed by coalition warplanes, repelled an attack by Islamic State.")
            .Actor("SDF fighters", Sdf).Actor("coalition warplanes", Coalition).Actor("Islamic State", IslamicState).Single();
        Assert.Equal("SDF", e.Actor1);
        Assert.Equal("Islamic State", e.Actor2);
    }

    [Fact]
    public void AgainstTarget_IsActor2()
    {
        var e = new TestDoc("The army launched an offensive against Islamic State in the east.")
            .Actor("army", SyrianArmy).Actor("Islamic State", IslamicState).Single();
        Assert.Equal("Military Forces of Syria", e.Actor1);
        Assert.Equal("Islamic State", e.Actor2);
    }

    [Fact]
    public void SpeakerBeforeSaid_IsNotActor1()
    {
        var e = new TestDoc("The SDF said airstrikes hit Raqqa overnight.").Actor("SDF", Sdf).Single();
        Assert.Null(e.Actor1);
    }

    [Fact]
    public void CivilianVictims_MakeCivilianTargeting_AndActor2Civilians()
    {
        var e = new TestDoc("Gunmen shot dead four villagers in their homes.").Actor("Gunmen", Gunmen).Single();
        Assert.True(e.CivilianTargeting);
        Assert.Equal("Unidentified Armed Group", e.Actor1);
        Assert.Equal("Civilians", e.Actor2);
    }

    [Fact]
    public void CiviliansAsPassiveSubject_AreVictims()
    {
        var e = new TestDoc("Six civilians were killed by regime shelling in Douma.")
            .Actor("Six civilians", Civilians).Actor("regime", SyrianArmy).Single();
        Assert.Equal("Military Forces of Syria", e.Actor1);
        Assert.Equal("Civilians", e.Actor2);
        Assert.True(e.CivilianTargeting);
    }

    [Fact]
    public void ArmedOpponents_AreNotCivilianTargeting()
    {
        var e = new TestDoc("Rebels and soldiers fought near the bridge.").Actor("Rebels", Sdf).Actor("soldiers", SyrianArmy).Single();
        Assert.False(e.CivilianTargeting);
    }
}

public class EvidenceAndContractTests
{
    [Fact]
    public void Evidence_HoldsTheSentence_TheTrigger_AndTheMentionsUsed()
    {
        const string text = "On Monday, coalition jets struck Islamic State positions in Hajin, killing 7 fighters.";
        var e = new TestDoc(text).Actor("coalition jets", Coalition).Actor("Islamic State", IslamicState)
            .Time("On Monday", "2018-08-27").Place("Hajin").Single();
        Assert.Contains(new Sitrep.Core.TextRange(0, text.Length), e.Evidence);
        Assert.Contains(e.Trigger, e.Evidence);
        Assert.Contains(Find(text, "coalition jets"), e.Evidence);
        Assert.Contains(Find(text, "Islamic State"), e.Evidence);
        Assert.Contains(Find(text, "On Monday"), e.Evidence);
        Assert.Contains(Find(text, "Hajin"), e.Evidence);
        Assert.Contains(Find(text, "7"), e.Evidence);
    }

    [Fact]
    public void TargetingPhrase_NamesActor2()
    {
        var e = new TestDoc("A drone strike targeting Islamic State commanders hit a car near Raqqa.")
            .Actor("Islamic State commanders", IslamicState).Single();
        Assert.Equal("Islamic State", e.Actor2);
    }

    [Fact]
    public void Annotator_DeclaresItsLayers()
    {
        var a = EventAnnotator.CreateDefault();
        Assert.Contains(Sitrep.Core.Layers.Actors, a.Reads);
        Assert.Contains(Sitrep.Core.Layers.Times, a.Reads);
        Assert.Contains(Sitrep.Core.Layers.Places, a.Reads);
        Assert.Equal([Sitrep.Core.Layers.Events, Sitrep.Core.Layers.Quotes], a.Writes);
    }

    [Fact]
    public void EmptyDocument_YieldsNothing()
    {
        var doc = EventAnnotator.CreateDefault().Annotate(Sitrep.Testing.DocumentBuilder.Of(""));
        Assert.Empty(doc.Events);
        Assert.Empty(doc.Quotes);
    }
}
