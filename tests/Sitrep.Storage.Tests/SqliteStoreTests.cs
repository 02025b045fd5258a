using Sitrep.Core;
using static Sitrep.Storage.Tests.Samples;

namespace Sitrep.Storage.Tests;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SqliteStore _store;

    public SqliteStoreTests() => _store = _db.Open();

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void Open_FreshDatabase_AppliesEveryMigration_InWalMode()
    {
        Assert.Equal(Migrations.Sqlite[^1].Version, _store.SchemaVersion);
        Assert.Equal("wal", _store.JournalMode);
        Assert.Equal(new StoreCounts(0, 0, 0), _store.Counts());
    }

    [Fact]
    public void Reopen_AppliesNothingTwice_AndKeepsData()
    {
        _store.SaveDocument(Doc("a", "Jets hit Hajin.", events: Event(Hajin, "2018-08-30")));
        using var again = SqliteStore.Open(_db.Path);
        Assert.Equal(Migrations.Sqlite[^1].Version, again.SchemaVersion);
        Assert.Equal(new StoreCounts(1, 1, 0), again.Counts());
    }

    [Fact]
    public void SaveDocument_SameContentTwice_AddsNothing()
    {
        var doc = Doc("a", "Jets hit Hajin.", hash: "abc", events: Event(Hajin, "2018-08-30"));
        Assert.False(_store.ContainsContent("abc"));
        Assert.Equal(StoreOutcome.Added, _store.SaveDocument(doc).Outcome);
        Assert.True(_store.ContainsContent("abc"));

        var second = _store.SaveDocument(doc with { Meta = doc.Meta with { Id = "a-copy-path" } });

        Assert.Equal(StoreOutcome.Unchanged, second.Outcome);
        Assert.Equal(new StoreCounts(1, 1, 0), _store.Counts());
    }

    [Fact]
    public void SaveDocuments_InOneBatch_ReportsEachOutcome_AndSkipsRepeatsWithinTheBatch()
    {
        var a = Doc("a", "Jets hit Hajin.", hash: "ha", events: Event(Hajin, "2018-08-30"));
        var results = _store.SaveDocuments(
        [
            new DocumentToStore(a),
            new DocumentToStore(Doc("b", "Jets hit Hajin. More.", hash: "hb"), DuplicateOf: "a", Fingerprint: [9]),
            new DocumentToStore(a),
        ]);

        Assert.Equal([StoreOutcome.Added, StoreOutcome.Added, StoreOutcome.Unchanged], results.Select(r => r.Outcome));
        Assert.Equal(new StoreCounts(2, 1, 0), _store.Counts());
        Assert.Equal("a", _store.LoadDuplicateLinks()["b"]);
    }

    [Fact]
    public void SaveDocument_SameIdWithNewContent_ReplacesEventsAndSearchIndex()
    {
        _store.SaveDocument(Doc("a", "Jets hit Hajin.", title: "Old", hash: "v1",
            events: [Event(Hajin, "2018-08-30"), Event(Hajin, "2018-08-29")]));
        var result = _store.SaveDocument(Doc("a", "Drones hit Mosul.", title: "New", hash: "v2", events: Event(Mosul, "2018-08-30")));
        _store.ReplaceIncidents([Incident("i1", Event(Mosul, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);

        Assert.Equal(StoreOutcome.Replaced, result.Outcome);
        Assert.Equal(new StoreCounts(1, 1, 1), _store.Counts());
        Assert.Single(_store.QueryIncidents(new IncidentQuery(Text: "drones")));
        Assert.Empty(_store.QueryIncidents(new IncidentQuery(Text: "jets")));
    }

    [Fact]
    public void GetDocument_ReturnsEveryLayer()
    {
        var doc = Doc("a", "Jets hit Hajin on Thursday. Five died.", title: "Strike", events: Event(Hajin, "2018-08-30", killed: 5));
        doc = doc with
        {
            Entities = [new EntityMention(new TextRange(9, 14), EntityType.LOC, "Hajin")],
            Places = [new PlaceMention(new TextRange(9, 14), "Hajin", Hajin, 1, "only candidate")],
            Times = [new TimeMention(new TextRange(18, 26), "Thursday", ResolvedDate.Day(new DateOnly(2018, 8, 30), "weekday"))],
            Actors = [new ActorMention(new TextRange(0, 4), "Jets", new Actor("Coalition (US-led)", ActorKind.ExternalForces) { IsGeneric = false })],
            Quotes = [new Quote("SOHR", "Five died", new TextRange(28, 37), new TextRange(0, 4))],
            Errors = ["charset guessed"],
        };
        _store.SaveDocument(doc);

        var back = _store.GetDocument("a")!;

        Assert.Equal(doc.Meta, back.Meta);
        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(doc.TokenStarts, back.TokenStarts);
        Assert.Equal(doc.TokenEnds, back.TokenEnds);
        Assert.Equal(doc.SentenceStarts, back.SentenceStarts);
        Assert.Equal(doc.Segments, back.Segments);
        Assert.Equal(doc.Entities, back.Entities);
        Assert.Equal(doc.Places, back.Places);
        Assert.Equal(doc.Times, back.Times);
        Assert.Equal(doc.Actors, back.Actors);
        Assert.Equal(doc.Quotes, back.Quotes);
        Assert.Equal(doc.Errors, back.Errors);
        Assert.Equal(SitrepJson.Serialize(doc.Events), SitrepJson.Serialize(back.Events));
        Assert.Equal("Five", back.Token(back.Sentence(1).FirstToken).Text);
        Assert.Null(_store.GetDocument("missing"));
    }

    [Fact]
    public void LoadEvents_GivesEveryEventWithItsDocumentMeta()
    {
        var planned = Event(Hajin, "2018-09-05") with { Modality = Modality.Planned };
        _store.SaveDocument(Doc("b", "Drones hit Mosul.", events: Event(Mosul, "2018-08-30")));
        _store.SaveDocument(Doc("a", "Jets hit Hajin.", events: [Event(Hajin, "2018-08-30", killed: 4), planned]));

        var loaded = _store.LoadEvents().ToList();

        Assert.Equal(["a", "a", "b"], loaded.Select(l => l.Document.Id));
        Assert.Equal("Outlet a", loaded[0].Document.Source);
        Assert.Equal(new DateOnly(2018, 8, 31), loaded[0].Document.Published);
        Assert.Equal(4, loaded[0].Event.FatalitiesMin);
        Assert.Equal(Modality.Planned, loaded[1].Event.Modality);
        Assert.Equal(Hajin, loaded[1].Event.Place);
    }

    [Fact]
    public void DuplicateLinks_AreStoredWithTheCopy()
    {
        _store.SaveDocument(Doc("wire", "Jets hit Hajin."));
        _store.SaveDocument(Doc("copy", "Jets hit Hajin. Share this."), duplicateOf: "wire");
        var links = _store.LoadDuplicateLinks();
        Assert.Equal("wire", Assert.Single(links).Value);
        Assert.Equal("copy", links.Keys.Single());
    }

    [Fact]
    public void Fingerprints_ComeBackInStorageOrder_WithTheirCopyLinks()
    {
        _store.SaveDocument(Doc("wire", "Jets hit Hajin."), fingerprint: [1, 2, 3]);
        _store.SaveDocument(Doc("other", "Drones hit Mosul."));
        _store.SaveDocument(Doc("copy", "Jets hit Hajin. Share."), duplicateOf: "wire", fingerprint: [1, 2, 4]);

        var prints = _store.LoadFingerprints().ToList();

        Assert.Equal(["wire", "copy"], prints.Select(p => p.DocumentId));
        Assert.Equal([1, 2, 3], prints[0].Fingerprint);
        Assert.Null(prints[0].DuplicateOf);
        Assert.Equal("wire", prints[1].DuplicateOf);
    }

    [Fact]
    public void ReplaceIncidents_ReplacesAll_AndRoundTripsThem()
    {
        var first = Incident("i1", Event(Hajin, "2018-08-30", killed: 3), 2, IncidentGrade.Fair, "a", "b");
        _store.ReplaceIncidents([Incident("old", Event(Mosul, "2018-08-01"), 1, IncidentGrade.Weak, "x")]);
        _store.ReplaceIncidents([first]);

        var back = Assert.Single(_store.QueryIncidents(IncidentQuery.All));
        Assert.Equal("i1", back.IncidentId);
        Assert.Equal(first.Sources, back.Sources);
        Assert.Equal(2, back.SourceCount);
        Assert.Equal(IncidentGrade.Fair, back.Grade);
        Assert.Equal(3, back.FatalitiesMin);
        Assert.Equal(5, back.FatalitiesMax);
        Assert.Equal(SitrepJson.Serialize(first.Event), SitrepJson.Serialize(back.Event));
        Assert.Equal(["a", "b"], _store.DocumentIdsOf("i1"));
        Assert.Empty(_store.DocumentIdsOf("old"));
    }

    [Fact]
    public void GetIncident_FindsOneById_AndNullForAnUnknownId()
    {
        SeedThreeIncidents();
        var mosul = _store.GetIncident("mosul");
        Assert.NotNull(mosul);
        Assert.Equal("Armed clash", mosul.Event.SubEventType);
        Assert.Equal(["b"], mosul.Sources.Select(s => s.DocumentId));
        Assert.Null(_store.GetIncident("nowhere"));
    }

    [Fact]
    public void QueryIncidentPoints_AgreesWithWholeIncidents_UnderTheSameFiltersAndPaging()
    {
        SeedThreeIncidents();
        foreach (var q in new[] { IncidentQuery.All, new IncidentQuery(Country: "sy"), new IncidentQuery(Near: (35.5, 42.0, 300), Offset: 1),
                     new IncidentQuery(Type: "Air/drone strike", Limit: 1) })
        {
            var whole = _store.QueryIncidents(q).Select(IncidentPoint.Of).ToList();
            var points = _store.QueryIncidentPoints(q);
            Assert.Equal(whole.Select(p => p with { Latitude = Math.Round(p.Latitude!.Value, 5), Longitude = Math.Round(p.Longitude!.Value, 5) }),
                points.Select(p => p with { Latitude = Math.Round(p.Latitude!.Value, 5), Longitude = Math.Round(p.Longitude!.Value, 5) }));
            Assert.NotEmpty(points);
        }
    }

    [Fact]
    public void ListingIncidents_WalksTheOrderIndex_InsteadOfSorting()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN SELECT incident_id FROM incidents i ORDER BY i.event_date IS NULL, i.event_date, i.incident_id LIMIT 20";
        using var reader = cmd.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read()) plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.Contains("incidents_order", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));

        using var countCmd = connection.CreateCommand();
        countCmd.CommandText = "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM incidents i WHERE LOWER(i.event_type) = 'battles' AND i.event_date_end >= '2020-01-01'";
        using var count = countCmd.ExecuteReader();
        Assert.True(count.Read());
        Assert.Contains("COVERING INDEX incidents_order", count.GetString(3));
    }

    [Fact]
    public void ReplaceIncidents_LeavesPlannerStatistics_ForTheIncidentIndexes()
    {
        SeedThreeIncidents();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'incidents' AND idx = 'incidents_order'";
        Assert.Equal(1L, cmd.ExecuteScalar());
    }

    private void SeedThreeIncidents()
    {
        _store.SaveDocument(Doc("a", "Coalition jets struck Hajin on Thursday.", title: "Air strike on Hajin",
            events: Event(Hajin, "2018-08-30")));
        _store.SaveDocument(Doc("b", "Gunmen attacked a checkpoint in Mosul.", title: "Mosul checkpoint attack",
            events: Event(Mosul, "2018-07-15", "Armed clash", "Islamic State", "Military Forces of Iraq")));
        _store.SaveDocument(Doc("c", "Israeli aircraft bombed a house in Gaza.", title: "Gaza house bombed",
            events: Event(Gaza, "2023-10-20", actor1: "Military Forces of Israel", actor2: "Civilians")));
        _store.ReplaceIncidents(
        [
            Incident("hajin", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a"),
            Incident("mosul", Event(Mosul, "2018-07-15", "Armed clash", "Islamic State", "Military Forces of Iraq"), 1, IncidentGrade.Weak, "b"),
            Incident("gaza", Event(Gaza, "2023-10-20", actor1: "Military Forces of Israel", actor2: "Civilians"), 1, IncidentGrade.Weak, "c"),
        ]);
    }

    private string[] Ids(IncidentQuery q) => [.. _store.QueryIncidents(q).Select(i => i.IncidentId)];

    [Fact]
    public void Query_WithoutFilters_ListsByDateThenId() => Assert.Equal(["mosul", "hajin", "gaza"], SeedAnd(IncidentQuery.All));

    [Fact]
    public void Query_ByDateRange_KeepsIncidentsOverlappingIt()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul", "hajin"], Ids(new IncidentQuery(To: new DateOnly(2018, 12, 31))));
        Assert.Equal(["hajin", "gaza"], Ids(new IncidentQuery(From: new DateOnly(2018, 8, 30))));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(From: new DateOnly(2018, 8, 1), To: new DateOnly(2018, 8, 30))));
    }

    [Fact]
    public void Query_ByCountry_IgnoresCase() => Assert.Equal(["mosul"], SeedAnd(new IncidentQuery(Country: "iq")));

    [Fact]
    public void Query_ByActor_MatchesEitherSide_AsSubstring()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul", "hajin"], Ids(new IncidentQuery(Actor: "islamic")));
        Assert.Equal(["mosul"], Ids(new IncidentQuery(Actor: "forces of IRAQ")));
        Assert.Empty(Ids(new IncidentQuery(Actor: "%")));
    }

    [Fact]
    public void Query_ByType_MatchesEventTypeOrSubType()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul"], Ids(new IncidentQuery(Type: "battles")));
        Assert.Equal(["hajin", "gaza"], Ids(new IncidentQuery(Type: "Air/drone strike")));
        Assert.Equal(["hajin", "gaza"], Ids(new IncidentQuery(Type: "Explosions/Remote violence")));
    }

    [Fact]
    public void Query_Near_KeepsIncidentsWithinTheRadius()
    {
        SeedThreeIncidents();
        // Hajin to Mosul is about 300 km.
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Near: (34.7, 40.8, 50))));
        Assert.Equal(["mosul", "hajin"], Ids(new IncidentQuery(Near: (35.5, 42.0, 300))));
        Assert.Equal(2, _store.CountIncidents(new IncidentQuery(Near: (35.5, 42.0, 300))));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Near: (35.5, 42.0, 300), Offset: 1)));
    }

    [Fact]
    public void Query_ByText_SearchesTitleAndTextOfSourceDocuments()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul"], Ids(new IncidentQuery(Text: "checkpoint")));
        Assert.Equal(["gaza"], Ids(new IncidentQuery(Text: "house bombed")));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Text: "struc*")));
        Assert.Empty(Ids(new IncidentQuery(Text: "checkpoint Gaza")));
        Assert.Empty(Ids(new IncidentQuery(Text: "title:\" OR (")));
    }

    [Fact]
    public void Query_CombinesFilters_AndPages()
    {
        SeedThreeIncidents();
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Country: "SY", Actor: "coalition", Type: "Air/drone strike", Text: "Hajin")));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Offset: 1, Limit: 1)));
        Assert.Equal(3, _store.CountIncidents(new IncidentQuery(Offset: 1, Limit: 1)));
        Assert.Empty(Ids(new IncidentQuery(Limit: 0)));
    }

    [Fact]
    public void Query_ByGrade_KeepsThatGrade()
    {
        SeedThreeIncidents();
        _store.ReplaceIncidents(
        [
            Incident("weak", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a"),
            Incident("fair", Event(Mosul, "2018-08-30"), 2, IncidentGrade.Fair, "b", "c"),
        ]);
        Assert.Equal(["fair"], Ids(new IncidentQuery { Grade = IncidentGrade.Fair }));
    }

    [Fact]
    public void Actors_AreCountedOverBothSides_MostFrequentFirst()
    {
        SeedThreeIncidents();
        var actors = _store.Actors();
        Assert.Equal(new ActorCount("Islamic State", 2), actors[0]);
        Assert.Equal(5, actors.Count);
        Assert.Contains(new ActorCount("Civilians", 1), actors);
    }

    private string[] SeedAnd(IncidentQuery q)
    {
        SeedThreeIncidents();
        return Ids(q);
    }
}
