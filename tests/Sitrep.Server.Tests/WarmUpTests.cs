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
}
