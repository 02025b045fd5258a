using Microsoft.Extensions.DependencyInjection;

namespace Sitrep.Server.Tests;

public sealed class WarmUpTests
{
    [Fact]
    public async Task WarmUp_AnswersRequestsOfEveryKind_ThenForgetsTheirAnswers()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            var answered = await SitrepServer.WarmUpAsync(server.App, CancellationToken.None);
            // At least the rounds before the first check, every request answered with 200.
            Assert.True(answered >= 20 * 5, $"{answered} warm-up requests answered");
            var cache = server.App.Services.GetRequiredService<ResponseCache>();
            var built = cache.Builds;
            await server.Json("/api/incidents?size=20&page=1"); // asked during the warm-up
            Assert.Equal(built + 1, cache.Builds);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task WarmUp_ReadsEveryIncidentBodyOfASmallStore_IntoMemory()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            await SitrepServer.WarmUpAsync(server.App, CancellationToken.None);
            var bodies = server.App.Services.GetRequiredService<ServerCaches>().Incidents;
            var total = (await server.Json("/api/status")).GetProperty("incidents").GetInt32();
            Assert.True(total > 0);
            Assert.Equal(total, bodies.Count);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
