using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests;

public sealed partial class StoreWorkerTests
{
    [Fact]
    public void Ingest_StreamedIncidentRebuild_StoresTheIncidentsOfTheInMemoryBuild()
    {
        using var dir = new TempDir();
        var (corpus, _) = Corpus(dir, 40);
        var db = dir.File("store.db");
        var run = CliRunner.Run("ingest", corpus, "--db", db);
        Assert.True(run.ExitCode == 0, run.Err);

        using var store = SqliteStore.Open(db);
        var inMemory = SitrepEngine.Default.BuildIncidents(store.LoadEvents(), store.LoadDuplicateLinks());
        var stored = store.QueryIncidents(IncidentQuery.All with { Limit = int.MaxValue });

        // Two outlets and a wire copy per report: incidents of several documents, as well as follow-up sentences that join one.
        Assert.Contains(inMemory, i => i.Sources.Count > 1);
        Assert.Equal(inMemory.Count, stored.Count);
        Assert.Equal(Described(inMemory), Described(stored));
    }

    private static List<string> Described(IEnumerable<Incident> incidents) =>
    [
        .. incidents.Select(i =>
            $"{i.IncidentId} {SitrepJson.Serialize(i.Event)} {SitrepJson.Serialize(i.Sources)} {i.SourceCount} {i.Grade} " +
            $"{i.GradeReason} {i.FatalitiesMin}-{i.FatalitiesMax} {i.InjuredMin}-{i.InjuredMax}")
            .Order(StringComparer.Ordinal),
    ];
}
