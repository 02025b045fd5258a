using Sitrep.Core;
using Sitrep.Storage;
using Sitrep.WebLoad;

namespace Sitrep.Server.Tests;

/// <summary>The listing index must answer every filter it takes exactly as the store's SQL does: same total, same page.</summary>
public sealed class ListingIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sitrep-index-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm"])
            if (File.Exists(_path + suffix)) File.Delete(_path + suffix);
    }

    /// <summary>
    /// 1,500 synthetic incidents plus the awkward ones: undated, month-long, unplaced, an actor in odd case, and one
    /// whose id sorts before the others on the same day.
    /// </summary>
    private SqliteStore Store()
    {
        SyntheticStore.Fill(_path, 1500);
        var store = SqliteStore.Open(_path);
        var all = store.QueryIncidents(IncidentQuery.All with { Limit = int.MaxValue }).ToList();
        var model = all[0];
        all.Add(model with { IncidentId = "undated-1", Event = model.Event with { Date = ResolvedDate.Unresolved("no date") } });
        all.Add(model with { IncidentId = "undated-0", Event = model.Event with { Date = ResolvedDate.Unresolved("no date"), Place = null } });
        all.Add(model with
        {
            IncidentId = "month-long",
            Event = model.Event with { Date = ResolvedDate.Month(2020, 2, "a month"), Actor1 = "ISLAMIC state (Sinai)", Actor2 = null },
        });
        all.Add(model with { IncidentId = "!first-that-day", Event = model.Event with { Place = null } });
        store.ReplaceIncidents(all);
        return store;
    }

    private static readonly IncidentQuery[] Queries =
    [
        IncidentQuery.All,
        IncidentQuery.All with { Offset = 1490, Limit = 50 },
        new(Country: "sy"), new(Country: "SY", Offset: 40, Limit: 20), new(Country: "XX"),
        new(Type: "battles"), new(Type: "Air/drone strike"), new(Type: "STRATEGIC DEVELOPMENTS"), new(Type: "no such type"),
        new(From: new DateOnly(2020, 2, 15)), new(To: new DateOnly(2020, 2, 10)),
        new(From: new DateOnly(2020, 2, 1), To: new DateOnly(2020, 2, 29), Limit: 5000),
        new(Actor: "islamic"), new(Actor: "STATE"), new(Actor: "forces of"), new(Actor: "nobody at all"),
        new(Actor: "islamic", To: new DateOnly(2021, 12, 31), Limit: 20),
        new(Type: "Protests", From: new DateOnly(2020, 6, 1), Offset: 20, Limit: 20),
        new(Country: "IQ", Type: "Explosions/Remote violence", Actor: "a") { Grade = IncidentGrade.Fair },
        IncidentQuery.All with { Grade = IncidentGrade.Contested, Limit = 3000 },
    ];

    [Fact]
    public void EveryFilterItTakes_GivesTheStoresTotalAndPage()
    {
        using var store = Store();
        var index = new ListingIndex(store.QueryIncidentPoints(ApiQuery.Unfiltered));
        foreach (var q in Queries)
        {
            Assert.True(index.Answers(q), q.ToString());
            var (total, ids) = index.Page(q);
            Assert.True(store.CountIncidents(q) == total, $"total of {q}");
            Assert.Equal(store.QueryIncidents(q).Select(i => i.IncidentId), ids);
        }
        Assert.Contains("month-long", index.Page(new IncidentQuery(From: new DateOnly(2020, 2, 20), To: new DateOnly(2020, 2, 20))).Ids);
        Assert.Equal(["undated-0", "undated-1"], index.Page(IncidentQuery.All with { Offset = 1502 }).Ids);
    }

    [Fact]
    public void TextDistanceAndNonAsciiActors_AreLeftToTheStore()
    {
        using var store = Store();
        var index = new ListingIndex(store.QueryIncidentPoints(ApiQuery.Unfiltered));
        Assert.False(index.Answers(new IncidentQuery(Text: "fighting")));
        Assert.False(index.Answers(new IncidentQuery(Near: (35, 38, 50))));
        Assert.False(index.Answers(new IncidentQuery(Actor: "Forces armées")));
        Assert.Throws<ArgumentException>(() => index.Page(new IncidentQuery(Text: "fighting")));
    }
}
