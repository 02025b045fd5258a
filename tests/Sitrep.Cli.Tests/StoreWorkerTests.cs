using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sitrep.Storage;
using Sitrep.Testing;

namespace Sitrep.Cli.Tests;

/// <summary>
/// Ingest as separate <c>sitrep</c> processes (the sitrep.dll built next to these tests): several PostgreSQL workers
/// sharing one input set, and runs killed with SIGKILL part-way and started again, on both stores.
/// </summary>
public sealed partial class StoreWorkerTests
{
    private static readonly string[] Towns =
        ["Douma", "Aleppo", "Idlib", "Raqqa", "Mosul", "Hajin", "Homs", "Hama", "Kirkuk", "Tikrit", "Fallujah", "Daraa"];

    /// <summary>
    /// A JSONL corpus of weekly shelling reports: each told by two outlets in their own words (corroboration) and every
    /// other one also re-posted word for word by a wire service (a syndicated copy, not a source of its own).
    /// </summary>
    private static (string Path, int Documents) Corpus(TempDir dir, int reports)
    {
        var lines = new List<string>();
        var monday = new DateOnly(2018, 1, 1);
        for (var k = 0; k < reports; k++)
        {
            var town = Towns[k % Towns.Length];
            var killed = 3 + k; // differs per report, so only the wire re-posts are copies
            var published = monday.AddDays(7 * k).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var first = $"Government forces shelled the town of {town} on Sunday, killing at least {killed} civilians, a local " +
                        "monitoring group said.\nThe shelling hit a residential neighbourhood near the main square.";
            var second = $"At least {killed + 2} people were killed when government artillery shelled {town} on Sunday, rescue " +
                         "workers said. Dozens were wounded.";
            lines.Add(Line($"levant-{k}", "Levant Post", $"https://levant.example/{k}", published, $"Shelling in {town}", first));
            lines.Add(Line($"cedar-{k}", "Cedar News", $"https://cedar.example/{k}", published, $"Deadly shelling of {town}", second));
            if (k % 2 == 0)
                lines.Add(Line($"wire-{k}", "Regional Wire", $"https://wire.example/{k}", published, $"Civilians killed in {town}", first));
        }
        return (dir.Write("reports.jsonl", string.Join('\n', lines) + "\n"), lines.Count);
    }

    private static string Line(string id, string source, string url, string published, string title, string text) =>
        JsonSerializer.Serialize(new { id, source, url, published, title, text });

    private static string Incidents(params string[] store)
    {
        var r = CliRunner.Run(["events", .. store, "--format", "jsonl", "--limit", "1000000"]);
        Assert.True(r.ExitCode == 0, r.Err);
        return r.Out;
    }

    private static StoreCounts Counts(IEventStore store)
    {
        using (store) return store.Counts();
    }

    private static IReadOnlyDictionary<string, string> Links(IEventStore store)
    {
        using (store) return store.LoadDuplicateLinks();
    }

    [GeneratedRegex(@"ingest: \d+ documents: (\d+) processed")]
    private static partial Regex ProcessedLine();

    [PostgresFact]
    public void ThreeWorkerProcesses_ShareOneInputSet_EachDocumentProcessedOnce_SameIncidentsAsOneWorker()
    {
        using var dir = new TempDir();
        var (corpus, documents) = Corpus(dir, 120);
        var single = PostgresCluster.Shared.CreateDatabase();
        var shared = PostgresCluster.Shared.CreateDatabase();
        var sqlite = dir.File("one.db");
        var alone = CliRunner.Run("ingest", corpus, "--pg", single);
        Assert.True(alone.ExitCode == 0, alone.Err);
        // SQLite finds copies in input order as it goes: the reference the shared store must reach.
        var reference = CliRunner.Run("ingest", corpus, "--db", sqlite);
        Assert.True(reference.ExitCode == 0, reference.Err);

        var workers = Enumerable.Range(0, 3).Select(_ => CliRunner.Start("ingest", corpus, "--pg", shared, "--batch-size", "4")).ToList();
        var processed = 0;
        foreach (var worker in workers)
        {
            var err = worker.StandardError.ReadToEnd();
            Assert.True(worker.WaitForExit(600_000), "a worker did not finish in 10 minutes");
            Assert.True(worker.ExitCode == 0, err);
            processed += int.Parse(ProcessedLine().Match(err).Groups[1].Value, CultureInfo.InvariantCulture);
            worker.Dispose();
        }

        Assert.Equal(documents, processed); // none twice, none left out
        using (var store = PostgresStore.Open(shared))
            Assert.Equal(new QueueCounts(0, documents, 0), store.QueueCounts());
        Assert.Equal(Counts(PostgresStore.Open(single)), Counts(PostgresStore.Open(shared)));
        Assert.Equal(documents, Counts(PostgresStore.Open(shared)).Documents);
        var links = Links(SqliteStore.Open(sqlite));
        // Every wire re-post, and some near-identical short reports of the same town: copies either way.
        Assert.InRange(links.Count, documents / 5, documents / 3);
        Assert.All(Enumerable.Range(0, documents / 5), k => Assert.StartsWith("levant-", links[$"wire-{2 * k}"]));
        Assert.Equal(links, Links(PostgresStore.Open(single)));
        Assert.Equal(links, Links(PostgresStore.Open(shared)));
        var incidents = Incidents("--db", sqlite);
        Assert.Equal(incidents, Incidents("--pg", single));
        Assert.Equal(incidents, Incidents("--pg", shared));
    }

    [Fact]
    public void KilledIngest_Sqlite_RunAgain_EqualsAnUninterruptedRun()
    {
        using var dir = new TempDir();
        var whole = dir.File("whole.db");
        var killed = dir.File("killed.db");
        KilledIngest_RunAgain_EqualsAnUninterruptedRun(dir, ["--db", whole], ["--db", killed],
            () => CommittedDocuments(killed), () => SqliteStore.Open(whole), () => SqliteStore.Open(killed));
    }

    [PostgresFact]
    public void KilledIngest_Postgres_RunAgain_EqualsAnUninterruptedRun()
    {
        using var dir = new TempDir();
        var whole = PostgresCluster.Shared.CreateDatabase();
        var killed = PostgresCluster.Shared.CreateDatabase();
        KilledIngest_RunAgain_EqualsAnUninterruptedRun(dir, ["--pg", whole], ["--pg", killed],
            () => CommittedDocuments(new NpgsqlConnection(killed)), () => PostgresStore.Open(whole), () => PostgresStore.Open(killed));
        using var store = PostgresStore.Open(killed);
        Assert.Equal(0, store.QueueCounts().Pending);
    }

    private static void KilledIngest_RunAgain_EqualsAnUninterruptedRun(TempDir dir, string[] wholeStore, string[] killedStore,
        Func<long> committed, Func<IEventStore> openWhole, Func<IEventStore> openKilled)
    {
        var (corpus, documents) = Corpus(dir, 240);
        var uninterrupted = CliRunner.Run(["ingest", corpus, .. wholeStore]);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Err);

        using (var child = CliRunner.Start(["ingest", corpus, .. killedStore, "--batch-size", "4"]))
        {
            child.StandardError.ReadToEndAsync();
            var watch = Stopwatch.StartNew();
            while (committed() == 0 && !child.HasExited && watch.Elapsed < TimeSpan.FromMinutes(5)) Thread.Sleep(10);
            Assert.False(child.HasExited, "the ingest finished before any batch was seen committed: nothing was interrupted");
            child.Kill(); // SIGKILL: no handler runs, nothing is flushed
            child.WaitForExit();
        }
        var atKill = committed();
        Assert.InRange(atKill, 1, documents - 1);

        var resumed = CliRunner.Run(["ingest", corpus, .. killedStore]);
        Assert.True(resumed.ExitCode == 0, resumed.Err);

        Assert.Equal(documents, Counts(openKilled()).Documents);
        Assert.Equal(Counts(openWhole()), Counts(openKilled()));
        Assert.Equal(Links(openWhole()), Links(openKilled()));
        Assert.Equal(Incidents(wholeStore), Incidents(killedStore));
    }

    private static long CommittedDocuments(string sqlitePath)
    {
        if (!File.Exists(sqlitePath)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM documents";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    private static long CommittedDocuments(NpgsqlConnection connection)
    {
        using (connection)
        {
            connection.Open();
            try
            {
                using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM documents", connection);
                return (long)cmd.ExecuteScalar()!;
            }
            catch (PostgresException)
            {
                return 0; // the schema is not there yet
            }
        }
    }

    [Fact]
    public void Events_PostgresUnreachable_SaysWhichServer_ExitCode1()
    {
        var r = CliRunner.Run("events", "--pg", "Host=127.0.0.1;Port=1;Database=team;Password=secret;Timeout=2");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("127.0.0.1", r.Err);
        Assert.Contains("team", r.Err);
        Assert.DoesNotContain("secret", r.Err);
        Assert.DoesNotContain("   at ", r.Err); // one line, no stack trace
    }

    [Fact]
    public void Ingest_BothDbAndPg_IsBadUsage()
    {
        var r = CliRunner.Run("ingest", "x.txt", "--db", "a.db", "--pg", "Host=localhost");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--db and --pg", r.Err);
    }
}
