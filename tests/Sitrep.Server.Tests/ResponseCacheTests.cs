using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Storage;

namespace Sitrep.Server.Tests;

public sealed class ResponseCacheTests
{
    private static Func<Task<byte[]?>> Body(string text, List<string> built) => () =>
    {
        built.Add(text);
        return Task.FromResult<byte[]?>(Encoding.UTF8.GetBytes(text));
    };

    private static async Task<string?> Get(ResponseCache cache, string key, Func<Task<byte[]?>> build) =>
        await cache.Get(key, build, CancellationToken.None) is { } b ? Encoding.UTF8.GetString(b) : null;

    [Fact]
    public async Task SameKey_SameVersion_IsServedFromMemory_OtherKeysAndNewVersionsAreBuilt()
    {
        var version = "1";
        var cache = new ResponseCache(() => version);
        var built = new List<string>();
        Assert.Equal("a", await Get(cache, "/api/x?p=1", Body("a", built)));
        Assert.Equal("a", await Get(cache, "/api/x?p=1", Body("b", built)));
        Assert.Equal("c", await Get(cache, "/api/x?p=2", Body("c", built)));
        version = "2";
        Assert.Equal("d", await Get(cache, "/api/x?p=1", Body("d", built)));
        Assert.Equal(["a", "c", "d"], built);
        Assert.Equal(3, cache.Builds);
    }

    [Fact]
    public async Task NotFound_AndFailures_AreNotRemembered()
    {
        var cache = new ResponseCache(() => "1");
        var calls = 0;
        Assert.Null(await Get(cache, "/api/incidents/x", () => { calls++; return Task.FromResult<byte[]?>(null); }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Get(cache, "/api/incidents/x", () => { calls++; throw new InvalidOperationException("store closed"); }));
        Assert.Equal("now", await Get(cache, "/api/incidents/x", () => { calls++; return Task.FromResult<byte[]?>("now"u8.ToArray()); }));
        Assert.Equal("now", await Get(cache, "/api/incidents/x", () => { calls++; return Task.FromResult<byte[]?>(null); }));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task ConcurrentRequests_ForOneKey_ShareOneBuild()
    {
        var cache = new ResponseCache(() => "1");
        var release = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var waiting = Enumerable.Range(0, 20).Select(_ => cache.Get("/api/status", () => { Interlocked.Increment(ref calls); return release.Task; }, CancellationToken.None)).ToList();
        release.SetResult("{}"u8.ToArray());
        foreach (var w in waiting) Assert.Equal("{}"u8.ToArray(), await w);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task PastCapacity_TheCacheStartsAgain_SoMemoryStaysBounded()
    {
        var cache = new ResponseCache(() => "1");
        var built = new List<string>();
        for (var i = 0; i < ResponseCache.Capacity; i++) await Get(cache, $"/k{i}", Body("x", built));
        await Get(cache, "/k0", Body("again", built));
        Assert.Equal(ResponseCache.Capacity + 1, built.Count);
        Assert.Equal("again", await Get(cache, "/k0", Body("third", built)));
    }

    [Fact]
    public async Task Server_RepeatedListingsAndIncidents_AreBuiltOnce_AndAStoreChangeIsSeenAtOnce()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            var cache = server.App.Services.GetRequiredService<ResponseCache>();
            var sy = server.Store.In("SY");
            var listing = "/api/incidents?size=2&page=1";
            var first = await server.Http.GetStringAsync(listing);
            var detail = await server.Http.GetStringAsync($"/api/incidents/{sy.IncidentId}");
            var builds = cache.Builds;
            Assert.Equal(first, await server.Http.GetStringAsync(listing));
            Assert.Equal(detail, await server.Http.GetStringAsync($"/api/incidents/{sy.IncidentId}"));
            Assert.Equal(builds, cache.Builds);
            Assert.NotEqual(first, await server.Http.GetStringAsync(listing + "&country=SY"));
            Assert.Equal(builds + 1, cache.Builds);

            using (var store = SqliteStore.Open(server.Store.Path)) store.ReplaceIncidents([server.Store.In("IQ")]);
            var now = await server.Json(listing);
            Assert.Equal(1, now.GetProperty("total").GetInt32());
            Assert.Equal(server.Store.In("IQ").IncidentId, now.GetProperty("items")[0].GetProperty("incident_id").GetString());
            using var gone = await server.Http.GetAsync($"/api/incidents/{sy.IncidentId}");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Equal(builds + 3, cache.Builds);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
