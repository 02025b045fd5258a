using System.Text.Json;
using Sitrep.Core;
using Sitrep.Storage;
using Sitrep.Testing;

namespace Sitrep.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_WithoutAStore_IsBadUsage_AndCreatesNoEmptyStore()
    {
        using var dir = new TempDir();
        var db = dir.File("none.db");
        var r = CliRunner.Run("serve", "--db", db);
        Assert.Equal(SitrepCommand.BadUsage, r.ExitCode);
        Assert.Contains($"no store at {db}", r.Err);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5000")]
    public void Serve_WithAnAddressThatIsNotHttp_IsBadUsage(string url)
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        SqliteStore.Open(db).Dispose();
        var r = CliRunner.Run("serve", "--db", db, "--urls", url);
        Assert.Equal(SitrepCommand.BadUsage, r.ExitCode);
        Assert.Contains($"--urls '{url}' is not an http:// or https:// address", r.Err);
    }

    [Fact]
    public void Serve_PostgresUnreachable_SaysWhichServer_ExitCode1()
    {
        var r = CliRunner.Run("serve", "--pg", "Host=127.0.0.1;Port=1;Database=team;Password=secret;Timeout=2");
        Assert.Equal(SitrepCommand.BadUsage, r.ExitCode);
        Assert.Contains("127.0.0.1", r.Err);
        Assert.Contains("team", r.Err);
        Assert.DoesNotContain("secret", r.Err);
    }

    [PostgresFact]
    public async Task Serve_Postgres_AnswersTheApiFromThatStore()
    {
        var connection = PostgresCluster.Shared.CreateDatabase();
        var incident = StoreOneIncident(connection);
        using var server = CliRunner.Start("serve", "--pg", connection, "--urls", "http://127.0.0.1:0");
        try
        {
            // "sitrep serve: PostgreSQL (1 documents, 1 incidents) on http://127.0.0.1:PORT; Ctrl+C stops", once warm.
            var ready = server.StandardError.ReadLine() ?? "";
            Assert.StartsWith("sitrep serve: PostgreSQL (1 documents, 1 incidents) on http://127.0.0.1:", ready);
            var url = ready.Split(" on ")[1].Split(';')[0];
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            using var list = JsonDocument.Parse(await http.GetStringAsync("/api/incidents?country=sy"));
            Assert.Equal(1, list.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(incident, list.RootElement.GetProperty("items")[0].GetProperty("incident_id").GetString());
            using var detail = JsonDocument.Parse(await http.GetStringAsync($"/api/incidents/{incident}"));
            Assert.Equal("Jets struck the market in Hajin.", detail.RootElement.GetProperty("documents")[0].GetProperty("text").GetString());
            using var none = JsonDocument.Parse(await http.GetStringAsync("/api/incidents?country=iq"));
            Assert.Equal(0, none.RootElement.GetProperty("total").GetInt32());
        }
        finally
        {
            server.Kill();
            server.WaitForExit();
        }
    }

    private static string StoreOneIncident(string connection)
    {
        using var store = PostgresStore.Open(connection);
        var doc = new DocumentBuilder().WithText("Jets struck the market in Hajin.").PublishedOn("2018-08-31").From("hajin", "Wire").Build();
        store.SaveDocuments([new(doc with { Meta = doc.Meta with { ContentHash = "hash-hajin" } })]);
        var e = new ConflictEvent
        {
            SubEventType = "Air/drone strike",
            Trigger = new TextRange(5, 12),
            Date = ResolvedDate.Day(new DateOnly(2018, 8, 30), "yesterday"),
            Place = new Place("Hajin", new GeoPoint(34.69, 40.83), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 37000, 170000),
            GeoPrecision = 1,
            Evidence = [new TextRange(0, 32)],
        };
        store.ReplaceIncidents(
        [
            new Incident
            {
                IncidentId = "inc-hajin", Event = e, Sources = [new IncidentSource("hajin", "Wire", null, null)], SourceCount = 1,
                Grade = IncidentGrade.Weak, GradeReason = "one source",
            },
        ]);
        return "inc-hajin";
    }
}
