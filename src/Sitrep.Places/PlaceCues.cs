namespace Sitrep.Places;

/// <summary>
/// The words around a toponym that steer detection and resolution — kept as data in one place so they can be
/// reviewed and extended without touching the algorithms.
/// </summary>
internal static class PlaceCues
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>Before a toponym: the event is near it or in part of it, not at the town itself (geo-precision 2).</summary>
    public static readonly HashSet<string> NearBefore = Set(
        "near", "nearby", "outside", "outskirts", "around", "vicinity", "suburbs", "suburb", "environs", "countryside",
        "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
        "eastern", "western", "northern", "southern", "northeastern", "northwestern", "southeastern", "southwestern",
        "km", "kilometres", "kilometers", "miles", "close", "outlying", "surrounding", "rural", "edge", "edges");

    /// <summary>After a toponym: "X countryside", "X outskirts", "X area" (geo-precision 2).</summary>
    public static readonly HashSet<string> NearAfter = Set(
        "countryside", "outskirts", "area", "areas", "suburbs", "environs", "vicinity", "region", "pocket", "enclave");

    /// <summary>After a toponym: it names an administrative area ("Deir Ezzor province").</summary>
    public static readonly HashSet<string> AreaAfter = Set(
        "province", "provinces", "governorate", "governorates", "state", "oblast", "region", "district", "county",
        "parish", "prefecture", "department", "wilaya", "muhafazah", "territory");

    /// <summary>Lower-case words that begin some area names ("rural Damascus" = Rif Dimashq, "greater Khartoum").</summary>
    public static readonly HashSet<string> AreaQualifier = Set("rural", "greater");

    /// <summary>
    /// Words after a capital's possessive that make the capital stand for its government ("Moscow's allies",
    /// "Washington's policy"), which is an actor, not where anything happened.
    /// </summary>
    public static readonly HashSet<string> GovernmentAfterPossessive = Set(
        "government", "regime", "forces", "military", "army", "troops", "allies", "ally", "policy", "policies",
        "priority", "priorities", "support", "backing", "intervention", "campaign", "officials", "envoy",
        "ambassador", "ministry", "foreign", "defence", "defense", "position", "decision", "response", "strategy",
        "leadership", "role", "influence", "proxies", "proxy", "demands", "stance", "embassy", "warplanes", "jets");

    /// <summary>Next to a toponym: it names a settlement ("the city of X", "X town").</summary>
    public static readonly HashSet<string> Settlement = Set("city", "town", "village", "hamlet", "township", "suburb");

    /// <summary>
    /// Words right before a name that take a place, not a person: prepositions of location and the verbs of attacks
    /// on places ("shelled Douma", "in Douma"). A one-word PER guess after one of these that is a gazetteer name is
    /// treated as a tagger slip and looked up as a place.
    /// </summary>
    public static readonly HashSet<string> PlaceTakingBefore = Set(
        "in", "near", "outside", "around", "into", "at", "across", "inside",
        "shelled", "bombed", "struck", "hit", "raided", "stormed", "besieged", "captured", "seized", "retook",
        "recaptured", "liberated", "overran", "entered", "pounded", "targeted");

    /// <summary>Words skipped when looking for a cue a few tokens away ("east of the town of X").</summary>
    public static readonly HashSet<string> Filler = Set("the", "of", "a", "in", "from", "to", "at", "on");

    /// <summary>Tokens allowed inside a multi-word toponym although not capitalised ("Deir ez Zor", "Bay of Biscay").</summary>
    public static readonly HashSet<string> Connectors = Set(
        "al", "el", "ar", "ad", "as", "ash", "at", "az", "an", "ez", "es", "ed", "ul", "of", "de", "del", "della", "di",
        "da", "do", "dos", "das", "du", "des", "la", "le", "les", "los", "las", "upon", "on", "sur", "am", "im", "der",
        "bin", "ibn", "-", "'", "’");

    /// <summary>Lower-case words that end feature names ("al-Omar oil field", "Mosul dam", "Rukban camp").</summary>
    public static readonly HashSet<string> FeatureTail = Set(
        "oil", "gas", "field", "fields", "oilfield", "camp", "dam", "crossing", "border", "air", "base", "airbase",
        "airport", "airfield", "valley", "river", "refugee", "displacement", "plant", "mountains", "mountain", "lake");

    /// <summary>Span lookup in one of these sets without allocating.</summary>
    public static bool Has(HashSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Tokens that separate a place from its containing area ("Hajin, in Deir Ezzor province", "Mosul, Iraq").</summary>
    public static readonly HashSet<string> HierarchyGlue = Set(",", "in", "the", "of", "(");

    /// <summary>Titles before a capitalised word make it a person's name ("President Hollande").</summary>
    public static readonly HashSet<string> PersonTitles = Set(
        "mr", "mrs", "ms", "dr", "president", "minister", "gen", "general", "col", "colonel", "sheikh", "sen", "senator",
        "rep", "gov", "governor", "mayor", "judge", "king", "queen", "prince", "pope", "imam", "commander", "lt",
        "sgt", "capt", "captain", "spokesman", "spokeswoman", "chancellor", "secretary", "abu", "umm", "bin");

    /// <summary>Speech verbs after a capitalised word make it a person's name ("Dillon said").</summary>
    public static readonly HashSet<string> SpeechAfter = Set("said", "says", "told", "added", "stated", "wrote", "tweeted", "asked");
}
