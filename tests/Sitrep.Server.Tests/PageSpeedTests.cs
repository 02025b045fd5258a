using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sitrep.Storage;
using Sitrep.WebLoad;
using Xunit.Abstractions;

namespace Sitrep.Server.Tests;

/// <summary>A speed measurement, run only when SITREP_WEB_PERF=1 (it builds a 100k-incident store, about a minute).</summary>
public sealed class PerfFactAttribute : FactAttribute
{
    public PerfFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SITREP_WEB_PERF") != "1")
            Skip = "a speed measurement: set SITREP_WEB_PERF=1 to run it (builds a 100k-incident store)";
        else if (Browser.ExecutablePath is null)
            Skip = "needs Chromium at /usr/bin/chromium (or SITREP_CHROMIUM)";
    }
}

public sealed class PageSpeedTests(ITestOutputHelper output)
{
    private const int Incidents = 100_000;

    // First visits measured, each in a new browser profile.
    private const int FirstVisits = 3;

    private const string BrowserTimings = """
        () => {
          const n = performance.getEntriesByType('navigation')[0], r = Math.round;
          const resources = performance.getEntriesByType('resource').map(e => `${e.name.split('/').pop()} ${r(e.startTime)}-${r(e.responseEnd)}`);
          const paints = performance.getEntriesByType('paint').map(e => `${e.name} ${r(e.startTime)}`);
          return [`html ${r(n.responseStart)}-${r(n.responseEnd)}`, `parsed ${r(n.domInteractive)}`, ...resources, ...paints].join(', ');
        }
        """;

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    [PerfFact]
    public async Task WithAHundredThousandIncidents_FirstPaintTakesUnderASecond_AndFilterUpdatesUnder200Ms()
    {
        var db = Path.Combine(Path.GetTempPath(), $"sitrep-speed-{Guid.NewGuid():N}.db");
        try
        {
            var fill = Stopwatch.StartNew();
            SyntheticStore.Fill(db, Incidents);
            output.WriteLine($"store: {Incidents} incidents in {fill.Elapsed.TotalSeconds:0.0} s");
            using var requests = new RequestLog();
            await using var app = SitrepServer.Create(new ServerOptions
            {
                OpenStore = () => SqliteStore.Open(db),
                StoreVersion = ServerOptions.FileVersion(db),
                Urls = "http://127.0.0.1:0",
            });
            await app.StartAsync();
            // As `sitrep serve` does before it says it is serving: the map columns and listing index are built then.
            var warmUp = Stopwatch.StartNew();
            await SitrepServer.WarmUpAsync(app, CancellationToken.None);
            output.WriteLine($"warm-up: {warmUp.Elapsed.TotalSeconds:0.0} s");
            var url = SitrepServer.Addresses(app).Single();
            // First paint: from navigation start to the map and timeline drawn with every incident.
            async Task<(IPage Page, double At)> Visit(IBrowserContext context)
            {
                var page = await context.NewPageAsync();
                var began = Stopwatch.GetTimestamp();
                await page.GotoAsync(url);
                await page.WaitForFunctionAsync("() => document.body.dataset.loads === '1'", null, new() { Timeout = 60_000 });
                Assert.Equal(Incidents, await page.EvaluateAsync<int>("() => sitrep.timings[0].total"));
                output.WriteLine($"  {await page.EvaluateAsync<string>("() => JSON.stringify(sitrep.timings[0], (k, v) => typeof v === 'number' ? Math.round(v) : v)")}");
                // The browser's side of the same visit (ms since navigation): when the page and each resource arrived,
                // when parsing ended and when the browser first painted. It showed a deferred paint.js waiting ~250 ms
                // behind the browser's own first render of the page.
                output.WriteLine("  browser: " + await page.EvaluateAsync<string>(BrowserTimings));
                // The server's side (ms since the test asked for the page): which answers took long.
                output.WriteLine("  server: " + string.Join("; ", requests.Since(began)));
                return (page, await page.EvaluateAsync<double>("() => sitrep.timings[0].at"));
            }
            // First visits: each in a browser with a new profile (empty HTTP and code caches), warmed on another page of
            // the server first (its network stack and renderer), so each is a first visit to the map page.
            var firstVisits = new List<double>();
            List<double> repeats = [];
            List<(string What, double Ms, int Total)> filters = [];
            for (var visit = 0; ; visit++)
            {
                var (playwright, context, profile) = await Browser.LaunchAsync();
                var last = visit == FirstVisits - 1;
                try
                {
                    var blank = await context.NewPageAsync();
                    await blank.GotoAsync(url.TrimEnd('/') + "/api/status");
                    await blank.CloseAsync();
                    // A user's first visit finds the browser running, not starting: a just-launched Chromium keeps both
                    // cores busy for 1.5-2 s (its profile, caches and processes), which the visit would be measured under.
                    output.WriteLine($"  browser settled after {await MachineIdle.WaitAsync(TimeSpan.FromSeconds(5)):0} ms");
                    var (page, at) = await Visit(context);
                    firstVisits.Add(at);
                    if (last) (repeats, filters) = await RepeatVisitsAndFilters(context, page);
                }
                finally
                {
                    await context.CloseAsync();
                    playwright.Dispose();
                    Directory.Delete(profile, recursive: true);
                }
                if (last) break;
            }
            // After the visits, so that they meet the drawing code as warm as `sitrep serve` leaves it and no warmer: the
            // server's first view drawn without its cache (for the browser's map box, 1,200 x 622 CSS pixels): the
            // discs, then the PNG, each timed on its own, one core.
            var (_, map) = await app.Services.GetRequiredService<ServerCaches>().Points.MapPoints(CancellationToken.None);
            var renders = new List<string>();
            for (var run = 0; run < 5; run++)
            {
                var clock = Stopwatch.StartNew();
                var view = MapView.First(map, 1200, 622)!.Value;
                var picture = DiscRaster.Draw(map, view, 1);
                var raster = clock.Elapsed.TotalMilliseconds;
                var png = Png.Encode(picture.Rgba, picture.Width, picture.Height);
                var encoded = clock.Elapsed.TotalMilliseconds;
                var answer = FirstView.Answer(map, 1200, 622, 1);
                renders.Add($"{raster:0.0} + {encoded - raster:0.0} ms ({png.Length / 1024} KB; whole answer {clock.Elapsed.TotalMilliseconds - encoded:0.0} ms, {answer.Length / 1024} KB)");
            }
            output.WriteLine($"first view drawn uncached, discs + PNG: {string.Join("; ", renders)}");
            Assert.True(Median(firstVisits) < 1000, $"median first paint of a first visit {Median(firstVisits):0} ms");
            Assert.True(Median(repeats) < 1000, $"median first paint of a repeat visit {Median(repeats):0} ms");
            Assert.All(filters, f => Assert.True(f.Ms < 200, $"{f.What}: {f.Ms:0} ms"));

            async Task<(List<double>, List<(string What, double Ms, int Total)>)> RepeatVisitsAndFilters(IBrowserContext context, IPage page)
            {
                output.WriteLine($"first visits (empty caches), first paint ms: {string.Join(", ", firstVisits.Select(x => x.ToString("0")))}");
                var repeats = new List<double>();
                for (var run = 0; run < 3; run++)
                {
                    await page.CloseAsync();
                    (page, var at) = await Visit(context);
                    repeats.Add(at);
                }
                output.WriteLine($"repeat visits, first paint ms: {string.Join(", ", repeats.Select(x => x.ToString("0")))}");

                var filters = new List<(string What, double Ms, int Total)>();
                async Task Measure(string what, Func<Task> act)
                {
                    var before = await page.EvaluateAsync<int>("() => sitrep.timings.length");
                    // The server runs in this process: its garbage collections during the filter are printed beside it.
                    var (pause, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
                    var began = Stopwatch.GetTimestamp();
                    await act();
                    await page.WaitForFunctionAsync($"() => sitrep.timings.length > {before}", null, new() { Timeout = 30_000 });
                    // Typed filters wait for a pause in typing; let any load still due land before reading the last.
                    await Task.Delay(500);
                    var (ms, total) = (await page.EvaluateAsync<double>("() => sitrep.timings.at(-1).ms"), await page.EvaluateAsync<int>("() => sitrep.timings.at(-1).total"));
                    filters.Add((what, ms, total));
                    // Where the time went (fetch, prepare, map, timeline), for a slow one.
                    output.WriteLine($"  {what}: {await page.EvaluateAsync<string>("() => JSON.stringify(sitrep.timings.at(-1), (k, v) => typeof v === 'number' ? Math.round(v) : v)")}" +
                        $"; server GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms, {GC.CollectionCount(2) - gen2} gen-2" +
                        $"; requests: {string.Join("; ", requests.Since(began))}");
                }
                await Measure("country=SY", () => page.SelectOptionAsync("select[name=country]", "SY"));
                await Measure("+type=Battles", () => page.SelectOptionAsync("select[name=type]", "Battles"));
                await Measure("+grade=fair", () => page.SelectOptionAsync("select[name=grade]", "fair"));
                await Measure("+from=2020-01-01", () => page.FillAsync("input[name=from]", "2020-01-01"));
                await Measure("+actor=islamic", () => page.FillAsync("input[name=actor]", "islamic"));
                await Measure("clear", () => page.ClickAsync("button[type=reset]"));
                await Measure("type=Air/drone strike", () => page.SelectOptionAsync("select[name=type]", "Air/drone strike"));
                await Measure("+q=keyword7 (server)", () => page.FillAsync("input[name=q]", "keyword7"));
                foreach (var (what, ms, total) in filters) output.WriteLine($"filter {what}: {ms:0} ms, {total} incidents");
                await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("sitrep-100k.png") });
                output.WriteLine($"screenshot: {Browser.ArtifactPath("sitrep-100k.png")}");
                return (repeats, filters);
            }
        }
        finally
        {
            foreach (var suffix in (string[])["", "-wal", "-shm"])
                if (File.Exists(db + suffix)) File.Delete(db + suffix);
        }
    }
}
