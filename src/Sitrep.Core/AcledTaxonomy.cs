namespace Sitrep.Core;

/// <summary>ACLED's six event types and 25 sub-event types, with their exact names.</summary>
public static class AcledTaxonomy
{
    public const string Battles = "Battles";
    public const string ExplosionsRemoteViolence = "Explosions/Remote violence";
    public const string ViolenceAgainstCivilians = "Violence against civilians";
    public const string Protests = "Protests";
    public const string Riots = "Riots";
    public const string StrategicDevelopments = "Strategic developments";

    /// <summary>Every sub-event type mapped to its event type.</summary>
    public static readonly IReadOnlyDictionary<string, string> EventTypeOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Armed clash"] = Battles,
        ["Government regains territory"] = Battles,
        ["Non-state actor overtakes territory"] = Battles,
        ["Chemical weapon"] = ExplosionsRemoteViolence,
        ["Air/drone strike"] = ExplosionsRemoteViolence,
        ["Suicide bomb"] = ExplosionsRemoteViolence,
        ["Shelling/artillery/missile attack"] = ExplosionsRemoteViolence,
        ["Remote explosive/landmine/IED"] = ExplosionsRemoteViolence,
        ["Grenade"] = ExplosionsRemoteViolence,
        ["Sexual violence"] = ViolenceAgainstCivilians,
        ["Attack"] = ViolenceAgainstCivilians,
        ["Abduction/forced disappearance"] = ViolenceAgainstCivilians,
        ["Peaceful protest"] = Protests,
        ["Protest with intervention"] = Protests,
        ["Excessive force against protesters"] = Protests,
        ["Violent demonstration"] = Riots,
        ["Mob violence"] = Riots,
        ["Agreement"] = StrategicDevelopments,
        ["Arrests"] = StrategicDevelopments,
        ["Change to group/activity"] = StrategicDevelopments,
        ["Disrupted weapons use"] = StrategicDevelopments,
        ["Headquarters or base established"] = StrategicDevelopments,
        ["Looting/property destruction"] = StrategicDevelopments,
        ["Non-violent transfer of territory"] = StrategicDevelopments,
        ["Other"] = StrategicDevelopments,
    };

    /// <summary>True when <paramref name="subEventType"/> is one of ACLED's 25 names.</summary>
    public static bool IsSubEventType(string subEventType) => EventTypeOf.ContainsKey(subEventType);
}
