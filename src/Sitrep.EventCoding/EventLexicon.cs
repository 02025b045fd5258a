using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Every word list the event coder's heuristics use, in one place. The trigger patterns themselves are data
/// (data/ontology/events.tsv); these are the closed-class cues around them.
/// </summary>
internal static class EventLexicon
{
    // Victim words that make an event civilian-targeting when no actor mention says so.
    public static readonly WordSet Civilians = new([
        "civilian", "civilians", "villager", "villagers", "resident", "residents", "worshipper", "worshippers",
        "worshipers", "student", "students", "journalist", "journalists", "farmer", "farmers", "children", "child",
        "women", "woman", "schoolchildren", "pupils", "teacher", "teachers", "passengers", "shoppers", "patients",
        "refugees", "displaced", "aid", "doctors", "nurses", "pilgrims", "families", "family", "herders", "traders",
        "bystanders", "teenager", "teenagers", "boy", "boys", "girl", "girls", "elderly", "infants", "babies"]);

    public static readonly WordSet Protest = new([
        "protest", "protests", "protester", "protesters", "protestors", "protestor", "demonstrator", "demonstrators",
        "demonstration", "demonstrations", "rally", "rallies", "marchers", "march", "sit-in", "protesting", "strikers"]);

    public static readonly WordSet Force = new([
        "police", "policemen", "policeman", "officers", "security", "troops", "soldiers", "army", "gendarmes",
        "gendarmerie", "riot", "forces", "authorities", "military", "paramilitary", "militia", "guards"]);

    public static readonly WordSet Aircraft = new([
        "jets", "jet", "warplanes", "warplane", "planes", "aircraft", "helicopters", "helicopter", "drones", "drone",
        "bombers", "bomber", "f-16s", "f-16", "tornadoes", "sukhoi", "gunships", "gunship", "air", "aerial", "airforce",
        "war planes", "fighter-bombers", "b-52s", "uavs", "uav"]);

    public static readonly WordSet State = new([
        "army", "troops", "soldiers", "soldier", "military", "regime", "government", "pro-government", "police",
        "policemen", "gendarmes", "airforce", "navy", "marines", "armed forces", "commandos", "loyalist", "loyalists",
        "coalition", "jets", "warplanes", "federal", "governmental", "military's"]);

    public static readonly WordSet NonState = new([
        "rebels", "rebel", "militants", "militant", "insurgents", "insurgent", "jihadists", "jihadist", "gunmen",
        "gunman", "militia", "militias", "militiamen", "terrorists", "terrorist", "guerrillas", "guerrilla",
        "extremists", "separatists", "separatist", "islamists", "islamist", "mujahideen", "fighters", "opposition",
        "isis", "isil", "daesh", "taliban", "al-shabaab", "shabaab", "boko", "haram", "houthis", "houthi",
        "hezbollah", "hamas", "sdf", "ypg", "pkk", "al-qaeda", "al-nusra", "nusra", "aqap", "iswap", "jnim",
        "bandits", "kidnappers", "rebel-held", "jihadi", "jihadis", "anti-balaka", "ex-seleka", "fano"]);

    // Any of these makes a sentence "armed" for constraint purposes when no actor mention does.
    public static readonly WordSet Armed = new([
        "army", "troops", "soldiers", "soldier", "military", "regime", "forces", "fighters", "rebels", "militants",
        "insurgents", "jihadists", "gunmen", "militia", "militias", "militiamen", "terrorists", "guerrillas",
        "jets", "warplanes", "aircraft", "coalition", "police", "policemen", "isis", "isil", "daesh", "taliban",
        "al-shabaab", "houthis", "hezbollah", "hamas", "sdf", "ypg", "pkk", "positions", "targets", "base", "bases",
        "convoy", "checkpoint", "outpost", "military's", "drone", "drones", "artillery", "combat", "enemy", "fighter"]);

    public static readonly WordSet Fatal = new([
        "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "death", "deaths", "toll",
        "fatalities", "lives", "slain", "perished"]);

    // Fatal words after which the count cannot follow ("20 dead", never "dead 20").
    public static readonly WordSet FatalNoForward = new(["dead", "died", "die", "dies", "dying", "slain", "perished"]);

    public static readonly WordSet Injured = new([
        "wounded", "wounding", "wounds", "injured", "injuring", "injures", "injuries", "injury", "hurt",
        "casualties"]);

    // Words that may sit between a casualty verb and its count ("killed at least 20", "toll rose to 37").
    public static readonly WordSet CountLead = new([
        "rose", "risen", "climbed", "reached", "to", "at", "stands", "stood", "has", "had", "is", "was", "jumped",
        "increased", "now", "the", "lives", "of", "another", "off"]);

    // Auxiliaries and adverbs that may sit between a count and its casualty word ("20 people were reportedly killed").
    public static readonly WordSet Auxiliary = new([
        "were", "was", "have", "has", "been", "had", "are", "is", "being", "got", "reportedly", "also", "allegedly",
        "all", "later", "so", "far", "confirmed", "feared", "believed", "left", "people", "persons", "others"]);

    // Words that open a report of a different incident ("In a separate attack", "Elsewhere, ...").
    public static readonly WordSet OtherIncident = new(["separate", "separately", "elsewhere", "meanwhile"]);

    public static readonly WordSet Including = new(["including", "among", "of", "whom", "them"]);

    public static readonly WordMap<int> NumberWords = new(Pairs(
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
        ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
        ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
        ("ninety", 90), ("hundred", 100), ("thousand", 1000), ("dozen", 12), ("a dozen", 12), ("a hundred", 100)));

    /// <summary>
    /// Vague quantities: the least the word admits, as ACLED counts them (tens=10, dozens=12, hundreds=100).
    /// "several" is 3 (the smallest number it can mean) and "a few"/"a couple" 2; "many" gives no number.
    /// </summary>
    public static readonly WordMap<int> VagueNumbers = new(Pairs(
        ("tens", 10), ("dozens", 12), ("hundreds", 100), ("thousands", 1000), ("scores", 20), ("several", 3),
        ("few", 2), ("couple", 2)));

    public static readonly WordSet Zero = new(["no", "nobody", "none", "zero", "neither"]);

    // Units and contexts that make a number something other than a casualty count.
    public static readonly WordSet NotCasualtyAfter = new([
        "percent", "per", "%", "sorties", "sortie", "targets", "target", "km", "kilometres", "kilometers", "miles",
        "mile", "years", "year", "dollars", "million", "billion", "euros", "pounds", "hours", "hour", "days", "day",
        "minutes", "am", "pm", "meters", "metres", "tonnes", "tons", "flights", "missions", "strikes", "airstrikes",
        "vehicles", "rockets", "missiles", "shells", "bombs", "times", "weeks", "months", "countries"]);

    public static readonly WordSet NotCasualtyBefore = new(["$", "€", "£", "us$", "usd", "number", "no.", "page"]);

    public static readonly WordSet Months = new([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);

    // Qualifiers before a count, and what they do to it.
    public static readonly WordMap<CountQualifier> Qualifiers = new(Pairs(
        ("over", CountQualifier.AtLeast), ("nearly", CountQualifier.AtMost), ("almost", CountQualifier.AtMost),
        ("about", CountQualifier.About), ("around", CountQualifier.About), ("some", CountQualifier.About),
        ("approximately", CountQualifier.About), ("roughly", CountQualifier.About), ("estimated", CountQualifier.About)));

    // Words of multi-word qualifiers, skipped when looking for the count after a casualty verb.
    public static readonly WordSet QualifierWords = new(["at", "least", "more", "than", "up", "as", "many", "an",
        "upwards", "fewer", "less"]);

    // "as many as" is recognised on its own, three words long.
    public static readonly (string First, string Second, CountQualifier Qualifier)[] TwoWordQualifiers =
    [
        ("at", "least", CountQualifier.AtLeast), ("more", "than", CountQualifier.AtLeast),
        ("upwards", "of", CountQualifier.AtLeast), ("up", "to", CountQualifier.AtMost),
        ("fewer", "than", CountQualifier.AtMost), ("less", "than", CountQualifier.AtMost),
        ("an", "estimated", CountQualifier.About),
    ];

    // Modal cues before a trigger and the modality they give ("are planning to launch", "vowed to", "could").
    public static readonly WordMap<Modality> ModalCues = new(Pairs(
        ("planning", Modality.Planned), ("plans", Modality.Planned), ("plan", Modality.Planned),
        ("planned", Modality.Planned), ("preparing", Modality.Planned), ("prepares", Modality.Planned),
        ("prepare", Modality.Planned), ("intend", Modality.Planned), ("intends", Modality.Planned),
        ("intending", Modality.Planned), ("poised", Modality.Planned), ("aims", Modality.Planned),
        ("aiming", Modality.Planned), ("readying", Modality.Planned), ("upcoming", Modality.Planned),
        ("impending", Modality.Planned), ("looming", Modality.Planned), ("expected", Modality.Planned),
        ("vowed", Modality.Threatened), ("vows", Modality.Threatened), ("vow", Modality.Threatened),
        ("threatened", Modality.Threatened), ("threatens", Modality.Threatened), ("threaten", Modality.Threatened),
        ("threatening", Modality.Threatened), ("pledged", Modality.Threatened), ("pledges", Modality.Threatened),
        ("warned", Modality.Threatened), ("warns", Modality.Threatened), ("will", Modality.Threatened),
        ("'ll", Modality.Threatened), ("promised", Modality.Threatened), ("swore", Modality.Threatened), ("vowing", Modality.Threatened), ("pledging", Modality.Threatened),
        ("threat", Modality.Threatened), ("threats", Modality.Threatened), ("avoid", Modality.Hypothetical),
        ("needs", Modality.Hypothetical), ("need", Modality.Hypothetical), ("risks", Modality.Hypothetical),
        ("could", Modality.Hypothetical), ("would", Modality.Hypothetical), ("might", Modality.Hypothetical),
        ("may", Modality.Hypothetical), ("if", Modality.Hypothetical), ("unless", Modality.Hypothetical),
        ("should", Modality.Hypothetical), ("possible", Modality.Hypothetical), ("possibly", Modality.Hypothetical),
        ("whether", Modality.Hypothetical), ("think", Modality.Hypothetical), ("believe", Modality.Hypothetical),
        ("doubt", Modality.Hypothetical), ("probably", Modality.Hypothetical), ("perhaps", Modality.Hypothetical),
        ("maybe", Modality.Hypothetical), ("methinks", Modality.Hypothetical), ("potential", Modality.Hypothetical),
        ("risk", Modality.Hypothetical)));

    // Auxiliaries only govern a trigger close by ("would shell"), unlike verbs of intent ("vowed ... to retake").
    public static readonly WordSet ModalAuxiliaries = new(["will", "'ll", "would", "could", "might", "may", "should", "can"]);

    // "managed to retake", "began to shell": the infinitive happened.
    public static readonly WordSet Completion = new(["managed", "began", "begun", "started", "continued", "able",
        "succeeded", "went", "proceeded", "helped", "used", "tried"]);

    // "to go fight", "voted to launch strikes": a verb between "to" and the trigger that leaves it an aim.
    public static readonly WordSet InfinitiveBridge = new(["go", "come", "launch", "carry", "conduct", "mount", "stage"]);

    // "set to", "about to", "going to" only mark plans when followed by "to".
    public static readonly WordSet PlannedBeforeTo = new(["set", "about", "going", "ready", "scheduled"]);

    public static readonly WordSet Negation = new(["not", "n't", "never", "no", "without", "neither", "nor", "didn't",
        "wasn't", "weren't", "hasn't", "haven't", "cannot", "failed"]);

    public static readonly WordSet Denial = new(["denied", "denies", "deny", "denying", "rejected", "dismissed",
        "refuted", "disputed"]);

    public static readonly WordSet Blame = new(["blamed", "blames", "blame", "accused", "accuses", "accuse",
        "blaming", "accusing"]);

    public static readonly WordSet Claim = new(["claimed", "claims", "claim", "claiming"]);

    public static readonly WordSet Speech = new([
        "said", "says", "say", "told", "tells", "added", "stated", "explained", "wrote", "declared", "insisted",
        "noted", "announced", "reported", "confirmed", "asserted", "stressed", "warned", "according", "acknowledged",
        "admitted", "tweeted", "posted", "argued", "cautioned", "urged", "continued", "replied", "recalled"]);

    // "X said it/they/its ...": the speaker talks about its own action.
    public static readonly WordSet SelfReference = new(["it", "they", "its", "their", "we", "our"]);

    public static readonly WordSet Passive = new(["was", "were", "been", "being", "is", "are", "got", "be"]);

    public static readonly WordSet TargetPrepositions = new(["against", "targeting", "targetting", "on", "at", "upon",
        "hitting", "killing", "striking", "attacking", "toward", "towards", "into"]);

    public static readonly WordSet Locatives = new(["in", "near", "at", "outside", "around", "of", "on", "across",
        "into", "inside", "from", "within", "west", "east", "north", "south", "towards", "toward", "nearby", "close"]);

    // Locatives that place the event near (not in) the named place: ACLED geo-precision 2.
    public static readonly WordSet NearLocatives = new(["near", "outside", "around", "nearby", "outskirts",
        "countryside", "close", "vicinity", "west", "east", "north", "south", "surrounding"]);

    // Words after an actor that make it a modifier of the next actor ("US-led coalition", "Iran-backed militia").
    public static readonly WordSet ModifierSuffixes = new(["led", "backed", "allied", "supported", "affiliated",
        "aligned", "funded", "trained"]);

    // Words opening a parenthetical after a comma ("SDF fighters, backed by coalition jets, repelled").
    public static readonly WordSet ParentheticalOpeners = new(["backed", "led", "supported", "a", "an", "the",
        "which", "who", "whose", "aided", "assisted", "allied", "including", "according"]);

    // Verbs that introduce a quote: speech verbs plus those of threats and descriptions.
    public static readonly WordSet QuoteVerbs = new([
        "said", "says", "say", "told", "tells", "added", "stated", "explained", "wrote", "declared", "insisted",
        "noted", "announced", "warned", "threatened", "vowed", "described", "describing", "called", "calling",
        "tweeted", "posted", "argued", "replied", "recalled", "stressed", "asked", "urged", "according"]);

    // Sentence-opening connectives that are never part of a speaker's name ("And she added").
    public static readonly WordSet Connectives = new(["and", "but", "so", "yet", "then", "meanwhile", "however", "still", "also"]);

    // "the group said" speaks for an organisation, "the defector said" for a person.
    public static readonly WordSet GroupNouns = new(["group", "organisation", "organization", "ministry", "army",
        "movement", "militants", "rebels", "government", "agency", "coalition", "command", "statement", "militia",
        "office", "department", "committee", "council", "observatory", "police", "military", "spokesman's"]);

    // Determiners that make a trigger a kind of event, not one event ("similar bombings", "such attacks").
    public static readonly WordSet GenericDeterminers = new(["similar", "such", "frequent", "repeated", "regular",
        "countless", "numerous", "occasional", "sporadic", "any"]);

    // Nouns a past participle can modify as background ("areas recaptured by Iraqi forces", "towns seized by IS").
    public static readonly WordSet ParticipleHeads = new(["area", "areas", "territory", "territories", "town",
        "towns", "village", "villages", "city", "cities", "region", "regions", "part", "parts", "land", "lands",
        "district", "districts", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "zone", "zones",
        "province", "provinces", "stronghold", "strongholds", "places", "parts", "people", "civilians", "targets"]);

    // Adverbs and verbs of habit: a sentence with one describes a pattern, not an incident, unless it has a time.
    public static readonly WordSet Habitual = new(["daily", "nightly", "routinely", "regularly", "often", "frequently",
        "usually", "constantly", "typically", "tended", "tend", "tends", "habitually", "generally", "always",
        "intensified", "intensify", "intensifying", "escalated", "escalating", "stepped"]);

    // Words of a share ("80 percent of ISIS attacks", "most of the strikes"): the trigger is counted, not told.
    public static readonly WordSet Proportion = new(["percent", "cent", "%", "majority", "most", "half",
        "proportion", "share", "bulk", "number", "third", "quarter"]);

    // Words before a bare plural that make it a topic, not a report ("before coalition strikes", "denounced US air
    // strikes", "including beheadings and killings").
    public static readonly WordSet TopicLeads = new(["before", "during", "amid", "including", "denounced", "condemned",
        "criticised", "criticized", "about", "like", "despite", "and", "defend", "justify", "justified"]);

    // Nouns that make a trigger a campaign rather than one strike ("joined the air campaign").
    public static readonly WordSet CampaignNouns = new(["campaign", "campaigns"]);

    // Determiners of a definite mention that may point back at an event already told ("the strikes", "this attack").
    public static readonly WordSet Definite = new(["the", "this", "that", "these", "those", "its", "their"]);

    // Nouns general enough to name any event told before ("the attack" after a car bombing).
    public static readonly WordSet GeneralEventNouns = new(["attack", "attacks", "assault", "incident", "bombing",
        "bombings", "explosion", "explosions", "blast", "blasts", "violence", "raid", "raids", "strike", "strikes",
        "massacre", "killing", "killings", "operation"]);

    // Words that may sit between a trigger and its passive agent ("the strikes were carried out by Russian jets").
    public static readonly WordSet AgentBridge = new(["was", "were", "been", "being", "is", "are", "had", "have",
        "has", "carried", "out", "conducted", "launched", "staged", "perpetrated", "committed", "executed",
        "reportedly", "allegedly", "apparently", "likely", "probably"]);

    // Nouns of a source of information: "police and hospital sources said" names no victim.
    public static readonly WordSet SourceNouns = new(["sources", "source", "officials", "official", "spokesman",
        "spokeswoman", "spokesperson", "statement"]);

    // Settlement nouns that, definite and unnamed ("the city"), mean the document's main town.
    public static readonly WordSet SettlementNouns = new(["city", "town", "village", "capital"]);

    // Words that date a quoted account to one occasion ("last night", "on Monday") when no time mention does.
    public static readonly WordSet OccasionWords = new(["yesterday", "today", "tonight", "night", "morning",
        "afternoon", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "weekend", "dawn", "overnight", "ago"]);

    public static readonly WordSet PersonalPronouns = new(["he", "she"]);
    public static readonly WordSet GroupPronouns = new(["they", "it"]);
    // Words that open a noun phrase naming a source ("the campaign's spokesman", "some Republicans", "his aides").
    public static readonly WordSet Determiners = new(["the", "a", "an", "this", "these", "those", "his", "her", "their",
        "its", "our", "my", "your", "some", "many", "most", "several", "other", "both", "all", "few", "two", "three"]);
    // Capitalised words that open a sentence without being part of a name ("But officials said", "As Trump put it").
    public static readonly WordSet SentenceOpeners = new(["but", "and", "as", "while", "although", "though", "when", "if",
        "after", "before", "since", "because", "in", "on", "at", "for", "with", "by", "from", "so", "yet", "still", "then",
        "also", "however", "meanwhile", "now", "even", "instead", "last", "earlier", "later", "today", "yesterday", "the"]);
    // Prepositions that open a short circumstance after a cue ("said in an interview", "spoke to the BBC").
    public static readonly WordSet AdjunctOpeners = new(["to", "in", "on", "at", "during", "while", "after", "before",
        "with", "from", "by", "last", "earlier", "later", "this", "yesterday", "today", "when"]);
    // Relative pronouns that stand for the name before them ("Barkley, who said ...").
    public static readonly WordSet RelativePronouns = new(["who", "which", "whom"]);
    // Pronouns that can stand as the source of an attribution: a feature of the attribution model, so a change needs
    // a retrain (`sitrep train quotes`).
    public static readonly WordSet AttributionPronouns = new(["he", "she", "they", "it", "i", "we", "you", "who",
        "him", "her", "them", "us", "me", "his", "their", "its", "our", "my", "your"]);

    private static IEnumerable<KeyValuePair<string, T>> Pairs<T>(params (string Key, T Value)[] items)
    {
        foreach (var (k, v) in items) yield return new(k, v);
    }
}

/// <summary>What a qualifier does to the count after it.</summary>
internal enum CountQualifier { Exact, AtLeast, AtMost, About }
