using Sitrep.Testing;

namespace Sitrep.EventCoding.Tests;

public class SubTypeTests
{
    private static string? Classify(string text) => EventAnnotator.CreateDefault().ClassifySubType(DocumentBuilder.Of(text));

    [Theory]
    [InlineData("US warplanes pounded the village of Kashkash, killing 6 civilians.", "Air/drone strike")]
    [InlineData("Russian air-strikes hit a market in Idlib.", "Air/drone strike")]
    [InlineData("The army shelled rebel positions overnight.", "Shelling/artillery/missile attack")]
    [InlineData("A mortar round landed near the school.", "Shelling/artillery/missile attack")]
    [InlineData("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb")]
    [InlineData("A roadside bomb struck a police patrol.", "Remote explosive/landmine/IED")]
    [InlineData("An IED exploded near the convoy.", "Remote explosive/landmine/IED")]
    [InlineData("Unknown men hurled a grenade into the bar.", "Grenade")]
    [InlineData("Rebels and soldiers fought for hours near the bridge.", "Armed clash")]
    [InlineData("Militants ambushed an army convoy.", "Armed clash")]
    [InlineData("Government troops recaptured the town from the rebels.", "Government regains territory")]
    [InlineData("Al-Shabaab militants seized control of the town.", "Non-state actor overtakes territory")]
    [InlineData("Gunmen kidnapped three aid workers.", "Abduction/forced disappearance")]
    [InlineData("Police arrested five men suspected of smuggling.", "Arrests")]
    [InlineData("Thousands of teachers held a peaceful protest in the capital.", "Peaceful protest")]
    [InlineData("Police fired tear gas to disperse the protesters.", "Protest with intervention")]
    [InlineData("Protesters threw stones and torched a police car.", "Violent demonstration")]
    [InlineData("Police opened fire on protesters, killing two.", "Excessive force against protesters")]
    [InlineData("A mob lynched a suspected thief.", "Mob violence")]
    [InlineData("Gunmen shot dead four villagers in their homes.", "Attack")]
    [InlineData("Soldiers raped two women in the village.", "Sexual violence")]
    [InlineData("Syrian forces used chlorine gas against the town.", "Chemical weapon")]
    [InlineData("The two sides signed a ceasefire agreement.", "Agreement")]
    [InlineData("Troops defused a bomb planted under the bridge.", "Disrupted weapons use")]
    [InlineData("The militia established a base in the valley.", "Headquarters or base established")]
    [InlineData("Fighters looted shops in the market.", "Looting/property destruction")]
    [InlineData("Rebels withdrew from the town, handing it over to the army.", "Non-violent transfer of territory")]
    [InlineData("Two rebel factions merged into a new group.", "Change to group/activity")]
    [InlineData("Authorities imposed a curfew on the city.", "Other")]
    public void Snippet_IsClassified(string text, string expected) => Assert.Equal(expected, Classify(text));

    [Fact]
    public void HungerStrike_IsAProtest_NotAnAirStrike() =>
        Assert.Equal("Peaceful protest", Classify("Prisoners began a hunger strike in the jail."));

    [Fact]
    public void OpinionText_WithoutTriggers_IsNotClassified() =>
        Assert.Null(Classify("I highly doubt it. Contrary to conspiracy thinking, stuff does happen outside their control."));
}
