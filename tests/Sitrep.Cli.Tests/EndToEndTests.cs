using System.Text;
using System.IO.Compression;
using System.Text.Json;
using Sitrep.Testing;

namespace Sitrep.Cli.Tests;

public class EndToEndTests
{
    private static readonly string Samples = Path.Combine(CliRunner.RepoRoot(), "samples");

    private static JsonElement[] Lines(CliRunner.Result r) => r.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public void Extract_RepoSamples_OneLinePerDocument_NoiseDropped_EventsWithEvidence()
    {
        var r = CliRunner.Run("extract", Samples);
        Assert.Equal(0, r.ExitCode);
        var docs = Lines(r);
        Assert.Equal(7, docs.Length); // 1 txt + 1 html + 5 jsonl lines; the README is not an input
        var noisy = docs.Single(d => d.GetProperty("path").GetString()!.EndsWith("noisy-page.txt"));
        var text = noisy.GetProperty("text").GetString()!;
        Assert.Contains("Maarat al-Numan", text);
        foreach (var noise in new[] { "ADVERTISEMENT", "1,500 $", "DAYS LEFT", "Notify of", "Another day, another massacre", "Oldest" })
            Assert.DoesNotContain(noise, text);
        Assert.Equal("2019-03-12", noisy.GetProperty("published").GetString());

        var strike = Assert.Single(noisy.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("sub_event_type").GetString() == "Air/drone strike");
        Assert.Equal("2019-03-11", strike.GetProperty("event_date").GetString()); // "on Monday" before Tuesday 12 March
        Assert.Equal("SY", strike.GetProperty("country").GetString());
        Assert.True(strike.GetProperty("fatalities").GetInt32() >= 11);
        foreach (var ev in strike.GetProperty("evidence").EnumerateArray())
        {
            var (start, end) = (ev.GetProperty("start").GetInt32(), ev.GetProperty("end").GetInt32());
            Assert.InRange(start, 0, text.Length);
            Assert.InRange(end, start + 1, text.Length);
        }
        // The planned ground offensive is not an event.
        Assert.DoesNotContain(noisy.GetProperty("events").EnumerateArray(), e => e.GetProperty("event_type").GetString() == "Battles");
    }

    [Fact]
    public void Text_Html_DropsBoilerplateAndReadsMetadata()
    {
        var r = CliRunner.Run("text", Path.Combine(Samples, "strike-report.html"));
        Assert.Equal(0, r.ExitCode);
        var doc = Assert.Single(Lines(r));
        var text = doc.GetProperty("text").GetString()!;
        Assert.Contains("A car bomb exploded in a crowded market", text);
        foreach (var noise in new[] { "cookies", "Related stories", "Tal Afar", "Stay safe", "All rights reserved", "Share on Facebook" })
            Assert.DoesNotContain(noise, text);
        Assert.Equal("2017-01-15", doc.GetProperty("published").GetString());
        Assert.Equal("Tigris Wire", doc.GetProperty("source").GetString());
        Assert.False(doc.TryGetProperty("events", out _));
    }

    [Fact]
    public void BadInputs_AreReportedByName_RunContinues_ExitCode2()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.txt", "Gunmen killed three villagers in the town of Baga on Friday, police said.");
        var empty = dir.Write("empty.txt", "");
        var binary = dir.Write("binary.txt", [0x00, 0x01, 0xFF, 0x00, 0x42, 0x00]);
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("A long enough article line. ", 400))));
        var truncated = dir.Write("cut.txt.gz", gz.ToArray()[..(int)(gz.Length / 2)]);
        var missing = dir.File("missing.txt");

        var r = CliRunner.Run("extract", good, empty, binary, truncated, missing, "--published", "2015-01-10");
        Assert.Equal(2, r.ExitCode);
        var docs = Lines(r);
        Assert.Contains(docs, d => d.GetProperty("path").GetString() == good && d.GetProperty("errors").GetArrayLength() == 0);
        foreach (var bad in new[] { empty, binary, truncated, missing })
        {
            Assert.Contains(bad, r.Err);
            Assert.Contains(docs, d => d.GetProperty("path").GetString()!.StartsWith(bad) && d.GetProperty("errors").GetArrayLength() > 0);
        }
        Assert.Contains("failed", r.Err);
        Assert.Matches(@"\d+ documents: 1 processed, 0 skipped, [1-9]\d* failed", r.Err);
    }

    [Fact]
    public void Ingest_Twice_LeavesSameCounts_AndEventsGeoJsonIsValid()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        var first = CliRunner.Run("ingest", Samples, "--db", db);
        Assert.Equal(0, first.ExitCode);
        var second = CliRunner.Run("ingest", Samples, "--db", db);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 processed, 7 skipped", second.Err);
        static string StoreLine(string err) => err.Split('\n').Single(l => l.StartsWith("store "));
        Assert.Equal(StoreLine(first.Err), StoreLine(second.Err));

        var geo = CliRunner.Run("events", "--db", db, "--format", "geojson");
        Assert.Equal(0, geo.ExitCode);
        var root = JsonDocument.Parse(geo.Out).RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        foreach (var f in features)
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), -180, 180);
            Assert.InRange(c[1].GetDouble(), -90, 90);
        }
        // The Douma shelling told by three outlets (and a syndicated copy) is one incident.
        var douma = Assert.Single(features, f => f.GetProperty("properties").GetProperty("location").GetString() == "Douma");
        var props = douma.GetProperty("properties");
        Assert.Equal("Shelling/artillery/missile attack", props.GetProperty("sub_event_type").GetString());
        Assert.Equal(3, props.GetProperty("source_count").GetInt32());
        Assert.Equal(7, props.GetProperty("fatalities_min").GetInt32());
        Assert.Equal(12, props.GetProperty("fatalities_max").GetInt32());

        var csv = CliRunner.Run("events", "--db", db, "--format", "csv", "--country", "IQ");
        Assert.StartsWith("event_id_cnty,", csv.Out);
        Assert.Contains("Mosul", csv.Out);
        Assert.DoesNotContain("Douma", csv.Out);
    }

    [Fact]
    public void Stdin_IsReadAsOneDocument()
    {
        var r = CliRunner.RunWithStdin("Suicide bomber kills 5 in Kabul\nA suicide bomber killed five people in Kabul on Tuesday, officials said.",
            "extract", "-", "--published", "2016-07-28");
        Assert.Equal(0, r.ExitCode);
        var doc = Assert.Single(Lines(r));
        var ev = Assert.Single(doc.GetProperty("events").EnumerateArray());
        Assert.Equal("Suicide bomb", ev.GetProperty("sub_event_type").GetString());
        Assert.Equal("2016-07-26", ev.GetProperty("event_date").GetString());
        Assert.Equal("AF", ev.GetProperty("country").GetString());
        Assert.Equal(5, ev.GetProperty("fatalities").GetInt32());
    }

    [Fact]
    public void BadUsage_ExitCode1()
    {
        Assert.Equal(1, CliRunner.Run("extract", "x.txt", "--published", "31/08/2018").ExitCode);
        Assert.Equal(1, CliRunner.Run("events", "--near", "north,south").ExitCode);
        Assert.Equal(1, CliRunner.Run("frobnicate").ExitCode);
    }

    [SharedDataFact("samples")]
    public void Extract_SharedSamples_FiveLines_NoiseGone_DatedStrikesInSyriaOrIraq()
    {
        var files = Directory.GetFiles(SharedData.Require("samples"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var r = CliRunner.Run(["extract", .. files]);
        Assert.Equal(0, r.ExitCode);
        var docs = Lines(r);
        Assert.Equal(5, docs.Length);
        foreach (var d in docs)
        {
            var text = d.GetProperty("text").GetString()!;
            foreach (var noise in new[] { "Post a Comment", "No comments:", "Job 18:11", "Proclaim ye this", "Please enter your comment",
                         "ADVERTISEMENT", "DAYS LEFT", "Notify of", "KennyB", "Barba_Papa", "Would love your thoughts" })
                Assert.DoesNotContain(noise, text);
        }
        var strikes = docs.SelectMany(d => d.GetProperty("events").EnumerateArray())
            .Where(e => e.GetProperty("event_type").GetString() == "Explosions/Remote violence" && e.GetProperty("event_date").ValueKind == JsonValueKind.String)
            .ToList();
        Assert.NotEmpty(strikes);
        foreach (var s in strikes)
        {
            Assert.Contains(s.GetProperty("country").GetString(), new[] { "SY", "IQ" });
            Assert.NotEmpty(s.GetProperty("evidence").EnumerateArray());
        }
    }

    [Fact]
    public void ExtractAsAProcess_WritesTheSameUtf8Bytes_AsExtractThroughATextWriter()
    {
        // The executable writes JSON lines straight to stdout's bytes; in-process runs go through a TextWriter.
        using var dir = new TempDir();
        var page = dir.Write("page.txt", "Shelling Hits Deir ez-Zor\n\nShelling hit دير الزور on Monday, killing “at least” 3 civilians, " +
            "the Syrian Observatory for Human Rights said. Government forces denied it.\n");
        var child = CliRunner.RunProcess("extract", page, Path.Combine(Samples, "three-outlets.jsonl"), "--published", "2018-08-31");
        var inProcess = CliRunner.Run("extract", page, Path.Combine(Samples, "three-outlets.jsonl"), "--published", "2018-08-31");
        Assert.Equal(0, child.ExitCode);
        Assert.Equal(6, inProcess.OutLines.Length);
        Assert.Equal(Encoding.UTF8.GetBytes(inProcess.Out), child.Out);
    }
}
