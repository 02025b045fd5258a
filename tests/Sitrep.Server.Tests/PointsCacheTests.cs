using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Storage;

namespace Sitrep.Server.Tests;

public sealed class PointsCacheTests
{
    [Fact]
    public async Task UnfilteredPoints_ListingTotals_Countries_AndTheFirstView_AfterTheStoreChanges_ShowTheStoreAsItIsNow()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            Assert.Equal(3, (await server.Json("/api/points")).GetProperty("total").GetInt32());
            Assert.Equal(3, (await server.Json("/api/countries")).GetProperty("items").GetArrayLength());
            Assert.Equal(2, (await server.Json("/api/incidents?type=Air/drone strike")).GetProperty("total").GetInt32());
            var view = FirstViewTests.Split(await server.Http.GetByteArrayAsync("/api/first-view?width=500&height=300")).Header;
            Assert.Equal(3, view.GetProperty("drawn").GetInt32());
            using (var store = SqliteStore.Open(server.Store.Path)) store.ReplaceIncidents([server.Store.In("IQ")]);
            view = FirstViewTests.Split(await server.Http.GetByteArrayAsync("/api/first-view?width=500&height=300")).Header;
            Assert.Equal((1, 1), (view.GetProperty("total").GetInt32(), view.GetProperty("drawn").GetInt32()));
            var now = await server.Json("/api/points");
            Assert.Equal(1, now.GetProperty("total").GetInt32());
            Assert.Equal(["IQ"], now.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal([server.Store.In("IQ").IncidentId],
                (await server.Json("/api/points/ids?limit=5")).GetProperty("ids").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal(0, (await server.Json("/api/incidents?type=Air/drone strike")).GetProperty("total").GetInt32());
            Assert.Equal(["IQ:1"], (await server.Json("/api/countries")).GetProperty("items").EnumerateArray()
                .Select(c => $"{c.GetProperty("country").GetString()}:{c.GetProperty("incidents").GetInt32()}"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
