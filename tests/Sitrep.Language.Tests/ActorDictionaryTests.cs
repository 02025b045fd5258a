using Sitrep.Core;
using Sitrep.Language;
using Sitrep.Testing;

namespace Sitrep.Language.Tests;

public class ActorDictionaryTests
{
    private static readonly ActorDictionary Actors = ActorDictionary.Default;

    private static string? Resolve(string phrase, string? published = null, string? country = null) =>
        Actors.Resolve(phrase, published is null ? null : DateOnly.Parse(published), country)?.Id;

    [Theory]
    [InlineData("ISIS")]
    [InlineData("ISIL")]
    [InlineData("IS")]
    [InlineData("Daesh")]
    [InlineData("Islamic State")]
    [InlineData("Islamic State of Iraq and the Levant")]
    [InlineData("Isis")]
    public void IslamicStateAliases_AllResolveToIslamicState(string alias) => Assert.Equal("Islamic State", Resolve(alias, "2017-08-07"));

    [Fact]
    public void AllCapsAcronym_MatchesOnlyAsWritten()
    {
        Assert.Null(Resolve("is"));
        Assert.Null(Resolve("Is"));
        Assert.Equal("Islamic State", Resolve("isis", "2017-08-07"));
    }

    [Theory]
    [InlineData("US-led coalition")]
    [InlineData("U.S.-led coalition")]
    [InlineData("international coalition")]
    [InlineData("anti-ISIS coalition")]
    [InlineData("Operation Inherent Resolve")]
    public void CoalitionAliases_ResolveToTheUsLedCoalition(string alias) => Assert.Equal("Coalition (US-led)", Resolve(alias, "2018-08-30"));

    [Theory]
    [InlineData("Syrian Democratic Forces", "SDF: Syrian Democratic Forces")]
    [InlineData("Houthi rebels", "Houthis (Ansar Allah)")]
    [InlineData("Hashd al-Shaabi", "Popular Mobilization Forces")]
    [InlineData("M23", "M23: March 23 Movement")]
    [InlineData("ELN", "ELN: National Liberation Army")]
    public void NamedGroups_ResolveInTheirCountry(string alias, string expected) => Assert.Equal(expected, Resolve(alias, "2020-06-01"));

    [Theory]
    [InlineData("Syrian troops", "Military Forces of Syria")]
    [InlineData("Syrian government forces", "Military Forces of Syria")]
    [InlineData("Russian jets", "Military Forces of Russia")]
    [InlineData("Iraqi forces", "Military Forces of Iraq")]
    [InlineData("US jets", "Military Forces of the United States")]
    [InlineData("American warplanes", "Military Forces of the United States")]
    [InlineData("Turkish soldiers", "Military Forces of Turkey")]
    [InlineData("Israeli police", "Police Forces of Israel")]
    public void DemonymLedForces_ResolveToThatCountrysStateForces(string phrase, string expected) =>
        Assert.Equal(expected, Resolve(phrase, "2018-01-01"));

    [Fact]
    public void LowerCaseUs_IsNotAmericanForces() => Assert.Null(Resolve("us jets"));

    [Theory]
    [InlineData("gunmen", "Unidentified Armed Group")]
    [InlineData("militants", "Unidentified Armed Group")]
    [InlineData("jihadists", "Unidentified Armed Group")]
    [InlineData("villagers", "Civilians")]
    [InlineData("worshippers", "Civilians")]
    [InlineData("protesters", "Protesters")]
    [InlineData("rioters", "Rioters")]
    [InlineData("police", "Police Forces")]
    public void GenericWords_ResolveToGenericActors(string word, string expected)
    {
        var actor = Actors.Resolve(word);
        Assert.NotNull(actor);
        Assert.Equal(expected, actor.Id);
        Assert.True(actor.IsGeneric);
    }

    [Fact]
    public void GovernmentForces_TakeTheContextCountry()
    {
        Assert.Equal("Military Forces of Iraq", Resolve("government forces", "2018-01-01", "IQ"));
        Assert.Equal("Military Forces of Syria", Resolve("government forces", "2018-01-01", "SY"));
        Assert.Equal("Unidentified Military Forces", Resolve("government forces", "2018-01-01"));
    }

    [Fact]
    public void DatedEntries_FollowThePublicationDate()
    {
        Assert.Equal("Jabhat al-Nusra", Resolve("Nusra Front", "2014-09-27"));
        Assert.Equal("Jabhat Fateh al-Sham", Resolve("Nusra Front", "2016-10-01"));
        Assert.Equal("Hayat Tahrir al-Sham", Resolve("Nusra Front", "2018-03-01"));
        Assert.Equal("Taliban", Resolve("Taliban", "2019-05-01"));
        Assert.Equal("Military Forces of Afghanistan (2021-)", Resolve("Taliban", "2022-05-01"));
        Assert.Equal("Military Forces of Syria (2024-)", Resolve("Syrian troops", "2025-03-01"));
    }

    [Fact]
    public void EntryOutsideItsDates_DoesNotMatch() => Assert.Empty(Actors.Lookup("Jabhat Fateh al-Sham", DateOnly.Parse("2014-01-01")));

    [Fact]
    public void SharedGroupName_IsDecidedByTheCountry()
    {
        Assert.Equal("Al Shabaab", Resolve("al-Shabaab", "2020-01-01", "SO"));
        Assert.Equal("Islamic State Mozambique Province", Resolve("al-Shabaab", "2020-01-01", "MZ"));
    }

    [Fact]
    public void AmbiguousAcronym_IsDecidedByTheCountry()
    {
        Assert.Equal("Military Forces of Somalia", Resolve("SNA", "2020-01-01", "SO"));
        Assert.Equal("Syrian National Army", Resolve("SNA", "2020-01-01", "SY"));
        Assert.Null(Resolve("SNA", "2020-01-01", "FR"));
    }

    [Fact]
    public void Match_FindsLongestMentionsInADocument()
    {
        var doc = DocumentBuilder.Of("US-led coalition warplanes struck Islamic State positions, while Syrian troops shelled gunmen.", "2018-08-31");
        var found = Actors.Match(doc);
        var ids = found.Select(m => m.Actor.Id).ToArray();
        Assert.Equal(["Coalition (US-led)", "Islamic State", "Military Forces of Syria", "Unidentified Armed Group"], ids);
        Assert.Equal("US-led coalition warplanes", doc.Slice(new TextRange(doc.TokenStarts[found[0].StartToken], doc.TokenEnds[found[0].EndToken - 1])));
    }

    [Fact]
    public void GuessCountry_CountsDemonymsCountriesAndGroups()
    {
        var doc = DocumentBuilder.Of("Iraqi officials said Iraqi forces entered Mosul in Iraq, where the PMF fought.");
        Assert.Equal("IQ", Actors.GuessCountry(doc));
    }

    [Fact]
    public void EmbeddedData_IsWellFormed()
    {
        Assert.True(Actors.Actors.Count > 200, $"only {Actors.Actors.Count} actors");
        Assert.All(Actors.Actors, a => Assert.InRange((int)a.Kind, 1, 8));
        Assert.Contains(Actors.Actors, a => a.IsGeneric);
        Assert.Equal("SY", Actors.Demonyms.Find("Syrian")!.Country);
        Assert.Null(Actors.Demonyms.Find("Kurdish")!.Country);
    }

    [Fact]
    public void MalformedRow_IsReportedWithItsLine()
    {
        var tsv = "canonical_name\tinter\tiso2\taliases\tvalid_from\tvalid_to\tgeneric\tnote\nX\t9\tSY\t\t\t\tno\t\n";
        var ex = Assert.Throws<FormatException>(() => ActorDictionary.Load(new StringReader(tsv)));
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void LoadFromTextReader_UsesOnlyThatData()
    {
        var tsv = "canonical_name\tinter\tiso2\taliases\tvalid_from\tvalid_to\tgeneric\tnote\n" +
                  "Fictional Front\t2\tZZ\tFF|Front of Fiction\t2001-01-01\t2001-12-31\tno\ttest\n";
        var dict = ActorDictionary.Load(new StringReader(tsv));
        Assert.Equal("Fictional Front", dict.Resolve("front of fiction")!.Id);
        Assert.Null(dict.Resolve("FF", DateOnly.Parse("2002-01-01")));
        Assert.Null(dict.Resolve("Islamic State"));
    }
}
