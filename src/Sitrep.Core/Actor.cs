namespace Sitrep.Core;

/// <summary>ACLED's actor type ("inter" code).</summary>
public enum ActorKind
{
    Unknown = 0,
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalForces = 8,
}

/// <summary>A conflict actor from the actor dictionary, or a generic actor ("Unidentified Armed Group").</summary>
/// <param name="Id">Canonical name, used as the key and as actor1/actor2 in output.</param>
/// <param name="Kind">ACLED inter code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 of the actor's home country, when it has one.</param>
public sealed record Actor(string Id, ActorKind Kind, string? Country = null)
{
    /// <summary>True for dictionary actors that stand for no particular group ("gunmen", "militants").</summary>
    public bool IsGeneric { get; init; }
    /// <summary>First day the entry applies (office holders, alliances), when bounded.</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last day the entry applies, when bounded.</summary>
    public DateOnly? ValidTo { get; init; }
}
