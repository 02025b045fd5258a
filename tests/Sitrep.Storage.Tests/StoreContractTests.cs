using Sitrep.Core;
using static Sitrep.Storage.Tests.Samples;

namespace Sitrep.Storage.Tests;

/// <summary>
/// What every <see cref="IEventStore"/> must do, run once per store: <see cref="SqliteStoreTests"/> and
/// <see cref="PostgresStoreTests"/> supply a fresh, empty store.
/// </summary>
public abstract class StoreContractTests : IDisposable
{
    private IEventStore? _store;

    /// <summary>A fresh store for this test, opened on first use.</summary>
    protected IEventStore Store => _store ??= OpenEmpty();

    /// <summary>Creates an empty store of the kind under test.</summary>
    protected abstract IEventStore OpenEmpty();

    /// <summary>Opens the same store again, as a second process would.</summary>
    protected abstract IEventStore Reopen();

    public virtual void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public void Open_FreshStore_IsEmpty() => Assert.Equal(new StoreCounts(0, 0, 0), Store.Counts());

    [StoreFact]
    public void Reopen_AppliesNothingTwice_AndKeepsData()
    {
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", events: Event(Hajin, "2018-08-30")));
        using var again = Reopen();
        Assert.Equal(new StoreCounts(1, 1, 0), again.Counts());
    }

    [StoreFact]
    public void SaveDocument_SameContentTwice_AddsNothing()
    {
        var doc = Doc("a", "Jets hit Hajin.", hash: "abc", events: Event(Hajin, "2018-08-30"));
        Assert.False(Store.ContainsContent("abc"));
        Assert.Equal(StoreOutcome.Added, Store.SaveDocument(doc).Outcome);
        Assert.True(Store.ContainsContent("abc"));

        var second = Store.SaveDocument(doc with { Meta = doc.Meta with { Id = "a-copy-path" } });

        Assert.Equal(StoreOutcome.Unchanged, second.Outcome);
        Assert.Equal(new StoreCounts(1, 1, 0), Store.Counts());
    }

    [StoreFact]
    public void SaveDocuments_InOneBatch_ReportsEachOutcome_AndSkipsRepeatsWithinTheBatch()
    {
        var a = Doc("a", "Jets hit Hajin.", hash: "ha", events: Event(Hajin, "2018-08-30"));
        var results = Store.SaveDocuments(
        [
            new DocumentToStore(a),
            new DocumentToStore(Doc("b", "Jets hit Hajin. More.", hash: "hb"), DuplicateOf: "a", Fingerprint: [9]),
            new DocumentToStore(a),
        ]);

        Assert.Equal([StoreOutcome.Added, StoreOutcome.Added, StoreOutcome.Unchanged], results.Select(r => r.Outcome));
        Assert.Equal(new StoreCounts(2, 1, 0), Store.Counts());
        Assert.Equal("a", Store.LoadDuplicateLinks()["b"]);
    }

    [StoreFact]
    public void SaveDocument_SameIdWithNewContent_ReplacesEventsAndSearchIndex()
    {
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", title: "Old", hash: "v1",
            events: [Event(Hajin, "2018-08-30"), Event(Hajin, "2018-08-29")]));
        var result = Store.SaveDocument(Doc("a", "Drones hit Mosul.", title: "New", hash: "v2", events: Event(Mosul, "2018-08-30")));
        Store.ReplaceIncidents([Incident("i1", Event(Mosul, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);

        Assert.Equal(StoreOutcome.Replaced, result.Outcome);
        Assert.Equal(new StoreCounts(1, 1, 1), Store.Counts());
        Assert.Single(Store.QueryIncidents(new IncidentQuery(Text: "drones")));
        Assert.Empty(Store.QueryIncidents(new IncidentQuery(Text: "jets")));
    }

    [StoreFact]
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
        Store.SaveDocument(doc);

        var back = Store.GetDocument("a")!;

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
        Assert.Null(Store.GetDocument("missing"));
    }

    [StoreFact]
    public void LoadEvents_GivesEveryEventWithItsDocumentMeta()
    {
        var planned = Event(Hajin, "2018-09-05") with { Modality = Modality.Planned };
        Store.SaveDocument(Doc("b", "Drones hit Mosul.", events: Event(Mosul, "2018-08-30")));
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", events: [Event(Hajin, "2018-08-30", killed: 4), planned]));

        var loaded = Store.LoadEvents().ToList();

        Assert.Equal(["a", "a", "b"], loaded.Select(l => l.Document.Id));
        Assert.Equal("Outlet a", loaded[0].Document.Source);
        Assert.Equal(new DateOnly(2018, 8, 31), loaded[0].Document.Published);
        Assert.Equal(4, loaded[0].Event.FatalitiesMin);
        Assert.Equal(Modality.Planned, loaded[1].Event.Modality);
        Assert.Equal(Hajin, loaded[1].Event.Place);
    }

    [StoreFact]
    public void LoadEventsOfDocuments_PagesWholeDocumentsById_WithOrdinals_SkippingDocumentsWithoutEvents()
    {
        var planned = Event(Hajin, "2018-09-05") with { Modality = Modality.Planned };
        Store.SaveDocument(Doc("c", "Drones hit Mosul.", events: Event(Mosul, "2018-08-30")));
        Store.SaveDocument(Doc("b", "Nothing happened."));
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", events: [Event(Hajin, "2018-08-30", killed: 4), planned]));

        var first = Store.LoadEventsOfDocuments(null, 1);
        var second = Store.LoadEventsOfDocuments("a", 1);
        var rest = Store.LoadEventsOfDocuments("c", 5);

        Assert.Equal([("a", 0), ("a", 1)], first.Select(e => (e.Document.Id, e.Ordinal)));
        Assert.Equal("Outlet a", first[0].Document.Source);
        Assert.Equal(4, first[0].Event.FatalitiesMin);
        Assert.Equal(Modality.Planned, first[1].Event.Modality);
        Assert.Equal([("c", 0)], second.Select(e => (e.Document.Id, e.Ordinal)));
        Assert.Empty(rest);
    }

    [StoreFact]
    public void LoadEventsOnNextStartDate_StepsThroughStartDates_AndLeavesUndatedEventsOut()
    {
        var undated = Event(Hajin, "2018-08-30") with { Date = ResolvedDate.Unresolved("no date") };
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", events: [Event(Hajin, "2018-08-30"), undated, Event(Hajin, "2018-08-02")]));
        Store.SaveDocument(Doc("b", "Drones hit Mosul.", events: Event(Mosul, "2018-08-30")));

        var first = Store.LoadEventsOnNextStartDate(null);
        var second = Store.LoadEventsOnNextStartDate(new DateOnly(2018, 8, 2));
        var none = Store.LoadEventsOnNextStartDate(new DateOnly(2018, 8, 30));

        Assert.Equal([("a", 2)], first.Select(e => (e.Document.Id, e.Ordinal)));
        Assert.Equal(new DateOnly(2018, 8, 2), first[0].Event.Date.Start);
        Assert.Equal([("a", 0), ("b", 0)], second.Select(e => (e.Document.Id, e.Ordinal)).Order());
        Assert.Empty(none);
    }

    [StoreFact]
    public void ReplaceIncidents_FromALazySequence_ThatReadsTheStoreWhileWriting_StoresEveryIncident()
    {
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", events: Event(Hajin, "2018-08-30")));
        Store.SaveDocument(Doc("b", "Drones hit Mosul.", events: Event(Mosul, "2018-07-15")));

        IEnumerable<Incident> Built()
        {
            // Reads between writes, as the streaming incident build does (more than one write batch in PostgreSQL).
            for (var n = 0; n < 2500; n++)
            {
                var read = n % 2 == 0 ? Store.LoadEventsOfDocuments(null, 1) : Store.LoadEventsOnNextStartDate(null);
                yield return Incident($"i{n:D4}", read[0].Event, 1, IncidentGrade.Weak, read[0].Document.Id);
            }
        }
        Store.ReplaceIncidents(Built());

        Assert.Equal(2500, Store.Counts().Incidents);
        Assert.Equal(["a"], Store.DocumentIdsOf("i0000"));
        Assert.Equal(["b"], Store.DocumentIdsOf("i2499"));
    }

    [StoreFact]
    public void ReplaceIncidents_FailingWhileEnumerating_KeepsTheOldIncidents()
    {
        Store.SaveDocument(Doc("a", "Jets hit Hajin.", events: Event(Hajin, "2018-08-30")));
        Store.ReplaceIncidents([Incident("old", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a")]);

        IEnumerable<Incident> Failing()
        {
            for (var n = 0; n < 2500; n++) yield return Incident($"new{n}", Event(Mosul, "2018-07-15"), 1, IncidentGrade.Weak, "a");
            throw new InvalidOperationException("the build failed half way");
        }

        Assert.Throws<InvalidOperationException>(() => Store.ReplaceIncidents(Failing()));
        Assert.Equal("old", Assert.Single(Store.QueryIncidents(IncidentQuery.All)).IncidentId);
        Store.ReplaceIncidents([]);
        Assert.Equal(0, Store.Counts().Incidents);
    }

    [StoreFact]
    public void DuplicateLinks_AreStoredWithTheCopy()
    {
        Store.SaveDocument(Doc("wire", "Jets hit Hajin."));
        Store.SaveDocument(Doc("copy", "Jets hit Hajin. Share this."), duplicateOf: "wire");
        var links = Store.LoadDuplicateLinks();
        Assert.Equal("wire", Assert.Single(links).Value);
        Assert.Equal("copy", links.Keys.Single());
    }

    [StoreFact]
    public void Fingerprints_ComeBackInStorageOrder_WithTheirCopyLinks()
    {
        Store.SaveDocument(Doc("wire", "Jets hit Hajin."), fingerprint: [1, 2, 3]);
        Store.SaveDocument(Doc("other", "Drones hit Mosul."));
        Store.SaveDocument(Doc("copy", "Jets hit Hajin. Share."), duplicateOf: "wire", fingerprint: [1, 2, 4]);

        var prints = Store.LoadFingerprints().ToList();

        Assert.Equal(["wire", "copy"], prints.Select(p => p.DocumentId));
        Assert.Equal([1, 2, 3], prints[0].Fingerprint);
        Assert.Null(prints[0].DuplicateOf);
        Assert.Equal("wire", prints[1].DuplicateOf);
    }

    [StoreFact]
    public void ReplaceIncidents_ReplacesAll_AndRoundTripsThem()
    {
        var first = Incident("i1", Event(Hajin, "2018-08-30", killed: 3), 2, IncidentGrade.Fair, "a", "b");
        Store.ReplaceIncidents([Incident("old", Event(Mosul, "2018-08-01"), 1, IncidentGrade.Weak, "x")]);
        Store.ReplaceIncidents([first]);

        var back = Assert.Single(Store.QueryIncidents(IncidentQuery.All));
        Assert.Equal("i1", back.IncidentId);
        Assert.Equal(first.Sources, back.Sources);
        Assert.Equal(2, back.SourceCount);
        Assert.Equal(IncidentGrade.Fair, back.Grade);
        Assert.Equal(3, back.FatalitiesMin);
        Assert.Equal(5, back.FatalitiesMax);
        Assert.Equal(SitrepJson.Serialize(first.Event), SitrepJson.Serialize(back.Event));
        Assert.Equal(["a", "b"], Store.DocumentIdsOf("i1"));
        Assert.Empty(Store.DocumentIdsOf("old"));
    }

    protected void SeedThreeIncidents()
    {
        Store.SaveDocument(Doc("a", "Coalition jets struck Hajin on Thursday.", title: "Air strike on Hajin",
            events: Event(Hajin, "2018-08-30")));
        Store.SaveDocument(Doc("b", "Gunmen attacked a checkpoint in Mosul.", title: "Mosul checkpoint attack",
            events: Event(Mosul, "2018-07-15", "Armed clash", "Islamic State", "Military Forces of Iraq")));
        Store.SaveDocument(Doc("c", "Israeli aircraft bombed a house in Gaza.", title: "Gaza house bombed",
            events: Event(Gaza, "2023-10-20", actor1: "Military Forces of Israel", actor2: "Civilians")));
        Store.ReplaceIncidents(
        [
            Incident("hajin", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a"),
            Incident("mosul", Event(Mosul, "2018-07-15", "Armed clash", "Islamic State", "Military Forces of Iraq"), 1, IncidentGrade.Weak, "b"),
            Incident("gaza", Event(Gaza, "2023-10-20", actor1: "Military Forces of Israel", actor2: "Civilians"), 1, IncidentGrade.Weak, "c"),
        ]);
    }

    private string[] Ids(IncidentQuery q) => [.. Store.QueryIncidents(q).Select(i => i.IncidentId)];

    [StoreFact]
    public void Query_WithoutFilters_ListsByDateThenId() => Assert.Equal(["mosul", "hajin", "gaza"], SeedAnd(IncidentQuery.All));

    [StoreFact]
    public void Query_ByDateRange_KeepsIncidentsOverlappingIt()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul", "hajin"], Ids(new IncidentQuery(To: new DateOnly(2018, 12, 31))));
        Assert.Equal(["hajin", "gaza"], Ids(new IncidentQuery(From: new DateOnly(2018, 8, 30))));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(From: new DateOnly(2018, 8, 1), To: new DateOnly(2018, 8, 30))));
    }

    [StoreFact]
    public void Query_ByDateRange_FindsAnIncidentWhoseLongRangeStartedLongBefore()
    {
        var year = Event(Hajin, "2018-08-30") with
        {
            Date = ResolvedDate.Between(new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), DateGranularity.Year, "in 2018"),
        };
        Store.ReplaceIncidents(
        [
            Incident("year", year, 1, IncidentGrade.Weak, "a"),
            Incident("day", Event(Mosul, "2018-06-10"), 1, IncidentGrade.Weak, "b"),
            Incident("before", Event(Gaza, "2017-12-30"), 1, IncidentGrade.Weak, "c"),
        ]);
        Assert.Equal(["year", "day"], Ids(new IncidentQuery(From: new DateOnly(2018, 6, 1), To: new DateOnly(2018, 6, 30))));
        Assert.Equal(["year"], Ids(new IncidentQuery(From: new DateOnly(2018, 12, 31))));
    }

    [StoreFact]
    public void Query_ByCountry_IgnoresCase() => Assert.Equal(["mosul"], SeedAnd(new IncidentQuery(Country: "iq")));

    [StoreFact]
    public void Query_ByActor_MatchesEitherSide_AsSubstring()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul", "hajin"], Ids(new IncidentQuery(Actor: "islamic")));
        Assert.Equal(["mosul"], Ids(new IncidentQuery(Actor: "forces of IRAQ")));
        Assert.Empty(Ids(new IncidentQuery(Actor: "%")));
    }

    [StoreFact]
    public void Query_ByType_MatchesEventTypeOrSubType()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul"], Ids(new IncidentQuery(Type: "battles")));
        Assert.Equal(["hajin", "gaza"], Ids(new IncidentQuery(Type: "Air/drone strike")));
        Assert.Equal(["hajin", "gaza"], Ids(new IncidentQuery(Type: "Explosions/Remote violence")));
    }

    [StoreFact]
    public void Query_Near_KeepsIncidentsWithinTheRadius()
    {
        SeedThreeIncidents();
        // Hajin to Mosul is about 300 km.
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Near: (34.7, 40.8, 50))));
        Assert.Equal(["mosul", "hajin"], Ids(new IncidentQuery(Near: (35.5, 42.0, 300))));
        Assert.Equal(2, Store.CountIncidents(new IncidentQuery(Near: (35.5, 42.0, 300))));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Near: (35.5, 42.0, 300), Offset: 1)));
    }

    [StoreFact]
    public void Query_Near_FindsThePage_PastManyIncidentsInTheBoxCornersListedFirst()
    {
        // 200 incidents in the corners of the 50 km box around Hajin (70 km away) listed before 20 within 10 km: a walk
        // of the listing order that reads a few rows more than the page needs must go on reading.
        var corner = Hajin with { Point = new GeoPoint(Hajin.Point.Latitude + 0.44, Hajin.Point.Longitude + 0.54) };
        var near = Hajin with { Point = new GeoPoint(Hajin.Point.Latitude + 0.05, Hajin.Point.Longitude) };
        Store.ReplaceIncidents(
        [
            .. Enumerable.Range(0, 200).Select(i => Incident($"c{i:D3}", Event(corner, "2018-01-01"), 1, IncidentGrade.Weak, "a")),
            .. Enumerable.Range(0, 20).Select(i => Incident($"n{i:D3}", Event(near, "2018-06-01"), 1, IncidentGrade.Weak, "a")),
        ]);

        var hajin = (Hajin.Point.Latitude, Hajin.Point.Longitude, 50.0);
        Assert.Equal(Enumerable.Range(3, 10).Select(i => $"n{i:D3}"), Ids(new IncidentQuery(Near: hajin, Offset: 3, Limit: 10)));
        Assert.Equal(20, Store.CountIncidents(new IncidentQuery(Near: hajin)));
        Assert.Equal(220, Store.CountIncidents(new IncidentQuery(Near: (Hajin.Point.Latitude, Hajin.Point.Longitude, 100.0))));
    }

    [StoreFact]
    public void Query_ByText_SearchesTitleAndTextOfSourceDocuments()
    {
        SeedThreeIncidents();
        Assert.Equal(["mosul"], Ids(new IncidentQuery(Text: "checkpoint")));
        Assert.Equal(["gaza"], Ids(new IncidentQuery(Text: "house bombed")));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Text: "struc*")));
        Assert.Empty(Ids(new IncidentQuery(Text: "checkpoint Gaza")));
        Assert.Empty(Ids(new IncidentQuery(Text: "title:\" OR (")));
    }

    [StoreFact]
    public void Query_ByText_ListsWhatAScanWould_WhetherFewSomeOrMostDocumentsMatch()
    {
        // 400 documents: "rare" in one, "some" in every 20th, "often" in every 2nd — below, between and above the
        // shares at which a search changes its way — and 300 incidents citing one or two of them, or a missing one.
        var words = new Func<int, bool>[] { d => d == 13, d => d % 20 == 3, d => d % 2 == 0 };
        string TextOf(int d) => string.Join(' ', new[] { "rare", "some", "often" }.Where((_, w) => words[w](d)).Append("report"));
        var batch = Enumerable.Range(0, 400).Select(d => new DocumentToStore(Doc($"d{d}", TextOf(d) + ".", hash: $"h{d}"))).ToList();
        Store.SaveDocuments(batch);
        var places = new[] { Hajin, Mosul, Gaza };
        var incidents = Enumerable.Range(0, 300).Select(i =>
        {
            var cited = i % 11 == 0 ? ["missing"] : i % 3 == 0 ? new[] { $"d{i % 400}", $"d{(i * 7 + 1) % 400}" } : [$"d{i * 13 % 400}"];
            var e = Event(places[i % 3], new DateOnly(2018, 1, 1).AddDays(i * 37 % 400).ToString("yyyy-MM-dd"));
            return Incident($"i{i:D3}", e, cited.Length, IncidentGrade.Weak, cited);
        }).ToList();
        Store.ReplaceIncidents(incidents);
        var listed = Ids(IncidentQuery.All with { Limit = 1000 });

        for (var w = 0; w < words.Length; w++)
        {
            var word = new[] { "rare", "some", "often" }[w];
            var matches = listed.Where(id => incidents.Single(i => i.IncidentId == id).Sources
                .Any(s => s.DocumentId.StartsWith('d') && words[w](int.Parse(s.DocumentId[1..])))).ToList();
            Assert.NotEmpty(matches);
            Assert.Equal(matches, Ids(new IncidentQuery(Text: word, Limit: 1000)));
            Assert.Equal(matches.Skip(2).Take(3), Ids(new IncidentQuery(Text: word, Offset: 2, Limit: 3)));
            Assert.Equal(matches.Count, Store.CountIncidents(new IncidentQuery(Text: word)));
            var inIraq = matches.Where(id => incidents.Single(i => i.IncidentId == id).Event.Place == Mosul).ToList();
            Assert.Equal(inIraq, Ids(new IncidentQuery(Country: "IQ", Text: word + " report", Limit: 1000)));
            Assert.Equal(inIraq.Take(4), Ids(new IncidentQuery(Near: (36.3, 43.1, 50), Text: word, Limit: 4)));
        }
    }

    [StoreFact]
    public void Query_CombinesFilters_AndPages()
    {
        SeedThreeIncidents();
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Country: "SY", Actor: "coalition", Type: "Air/drone strike", Text: "Hajin")));
        Assert.Equal(["hajin"], Ids(new IncidentQuery(Offset: 1, Limit: 1)));
        Assert.Equal(3, Store.CountIncidents(new IncidentQuery(Offset: 1, Limit: 1)));
        Assert.Empty(Ids(new IncidentQuery(Limit: 0)));
    }

    [StoreFact]
    public void Query_ByGrade_KeepsThatGrade()
    {
        SeedThreeIncidents();
        Store.ReplaceIncidents(
        [
            Incident("weak", Event(Hajin, "2018-08-30"), 1, IncidentGrade.Weak, "a"),
            Incident("fair", Event(Mosul, "2018-08-30"), 2, IncidentGrade.Fair, "b", "c"),
        ]);
        Assert.Equal(["fair"], Ids(new IncidentQuery { Grade = IncidentGrade.Fair }));
    }

    [StoreFact]
    public void Actors_AreCountedOverBothSides_MostFrequentFirst()
    {
        SeedThreeIncidents();
        var actors = Store.Actors();
        Assert.Equal(new ActorCount("Islamic State", 2), actors[0]);
        Assert.Equal(5, actors.Count);
        Assert.Contains(new ActorCount("Civilians", 1), actors);
    }

    private string[] SeedAnd(IncidentQuery q)
    {
        SeedThreeIncidents();
        return Ids(q);
    }

    [StoreFact]
    public void GetIncident_FindsOneById_AndNullForAnUnknownId()
    {
        SeedThreeIncidents();
        var mosul = Store.GetIncident("mosul");
        Assert.NotNull(mosul);
        Assert.Equal("Armed clash", mosul.Event.SubEventType);
        Assert.Equal(["b"], mosul.Sources.Select(s => s.DocumentId));
        Assert.Null(Store.GetIncident("nowhere"));
    }

    [StoreFact]
    public void QueryIncidentPoints_AgreesWithWholeIncidents_UnderTheSameFiltersAndPaging()
    {
        SeedThreeIncidents();
        foreach (var q in new[] { IncidentQuery.All, new IncidentQuery(Country: "sy"), new IncidentQuery(Near: (35.5, 42.0, 300), Offset: 1),
                     new IncidentQuery(Type: "Air/drone strike", Limit: 1) })
        {
            var whole = Store.QueryIncidents(q).Select(IncidentPoint.Of).ToList();
            var points = Store.QueryIncidentPoints(q);
            Assert.Equal(whole.Select(p => p with { Latitude = Math.Round(p.Latitude!.Value, 5), Longitude = Math.Round(p.Longitude!.Value, 5) }),
                points.Select(p => p with { Latitude = Math.Round(p.Latitude!.Value, 5), Longitude = Math.Round(p.Longitude!.Value, 5) }));
            Assert.NotEmpty(points);
        }
    }
}
