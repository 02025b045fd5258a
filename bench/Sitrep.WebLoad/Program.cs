using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Sitrep.WebLoad;

// A bounded load test of `sitrep serve` on loopback: a fixed number of requests from a fixed number of concurrent
// clients, stopping after --seconds whatever happens. Only loopback addresses are accepted as targets.
//   fill --db FILE [--incidents 100000]          writes a synthetic store
//   serve --db FILE [--urls http://127.0.0.1:5000] [--seconds 600] [--no-warm-up]   the server of `sitrep serve`,
//                                                 warmed up before it prints "serving", stopping by itself
//   load --url http://127.0.0.1:5000 [--requests 20000] [--concurrency 200] [--seconds 120]
var inv = CultureInfo.InvariantCulture;
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

switch (args.FirstOrDefault())
{
    case "fill":
    {
        var db = Arg("--db", "synthetic.db");
        var n = int.Parse(Arg("--incidents", "100000"), inv);
        var sw = Stopwatch.StartNew();
        SyntheticStore.Fill(db, n);
        Console.WriteLine($"wrote {n} incidents to {db} in {sw.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
    case "serve":
    {
        var db = Arg("--db", "synthetic.db");
        await using var app = Sitrep.Server.SitrepServer.Create(new Sitrep.Server.ServerOptions
        {
            OpenStore = () => Sitrep.Storage.SqliteStore.Open(db),
            StoreVersion = Sitrep.Server.ServerOptions.FileVersion(db),
            Urls = Arg("--urls", Sitrep.Server.ServerOptions.DefaultUrls),
        });
        await app.StartAsync();
        var sw = Stopwatch.StartNew();
        var warm = args.Contains("--no-warm-up") ? 0 : await Sitrep.Server.SitrepServer.WarmUpAsync(app, CancellationToken.None);
        // Printed when ready: the load is meant to start after this line.
        Console.WriteLine($"serving {db} on {string.Join(", ", Sitrep.Server.SitrepServer.Addresses(app))} " +
            $"(warm-up: {warm} requests, {sw.Elapsed.TotalSeconds:0.0} s; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled)");
        // Stops after --seconds, or at once on Ctrl+C / SIGTERM.
        await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "600"), inv))), app.WaitForShutdownAsync());
        await app.StopAsync();
        return 0;
    }
    case "load":
    {
        var url = new Uri(Arg("--url", "http://127.0.0.1:5000"));
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine($"load: {url} is not a loopback address; this tool only loads servers on this machine");
            return 1;
        }
        var requests = int.Parse(Arg("--requests", "20000"), inv);
        var concurrency = int.Parse(Arg("--concurrency", "200"), inv);
        var deadline = TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "120"), inv));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = url, Timeout = deadline };

        // Waits (bounded) for a server still starting or warming up.
        for (var wait = Stopwatch.StartNew(); ; await Task.Delay(500))
        {
            try
            {
                (await http.GetAsync("/api/status")).Dispose();
                break;
            }
            catch (HttpRequestException) when (wait.Elapsed < TimeSpan.FromSeconds(120)) { }
        }

        // Real ids and actors to ask for, from the server itself.
        using var points = JsonDocument.Parse(await http.GetStringAsync("/api/points/ids?country=SY&limit=5000"));
        var ids = points.RootElement.GetProperty("ids").EnumerateArray().Select(x => x.GetString()!).Take(5000).ToArray();
        string[] countries = ["SY", "IQ", "YE", "AF", "SO", "ML", "NG", "SD", "UA", "CD"];
        string[] types = ["Battles", "Air/drone strike", "Protests", "Armed clash", "Riots"];
        var mix = new Func<Random, string>[]
        {
            r => $"/api/incidents?size=20&page={1 + r.Next(50)}",
            r => $"/api/incidents?size=20&country={countries[r.Next(countries.Length)]}&page={1 + r.Next(20)}",
            r => $"/api/incidents?size=20&type={Uri.EscapeDataString(types[r.Next(types.Length)])}&from=2020-0{1 + r.Next(9)}-01",
            r => $"/api/incidents?size=20&actor=islamic&to=2021-12-31",
            r => $"/api/incidents/{ids[r.Next(ids.Length)]}",
            r => "/api/status",
        };

        for (var w = 0; w < 300; w++) (await http.GetAsync(mix[w % mix.Length](new Random(w)))).Dispose();
        // Every client's connection is open before the clock starts, as wrk and similar tools do: the figure is the
        // server's answer time under 200 concurrent requests, not 200 TCP handshakes queued at once.
        // (--cold-connections leaves them to the timed requests, to show what the handshakes add.)
        if (!args.Contains("--cold-connections"))
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ => (await http.GetAsync("/api/status")).Dispose()));

        var latencies = new double[requests];
        var paths = new string[requests];
        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            var random = new Random(c);
            while (clock.Elapsed < deadline)
            {
                var k = Interlocked.Increment(ref next);
                if (k >= requests) return;
                var path = paths[k] = mix[k % mix.Length](random);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
                latencies[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var done = Math.Min(requests, next + 1);
        var sorted = latencies.Take(done).Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        // How often the mix asks again for an answer it already asked for in this run (what a response cache can reuse).
        var distinct = paths.Take(done).Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine($"requests={done} distinct={distinct} repeated={1 - (double)distinct / Math.Max(1, done):0.00} " +
            $"concurrency={concurrency} seconds={elapsed:0.0} rps={done / elapsed:0} errors={errors} " +
            $"p50_ms={P(0.50):0.0} p90_ms={P(0.90):0.0} p99_ms={P(0.99):0.0} max_ms={sorted[^1]:0.0}");
        return errors > 0 ? 2 : 0;
    }
    default:
        Console.Error.WriteLine("usage: Sitrep.WebLoad fill --db FILE [--incidents N] | serve --db FILE [--urls URL] [--seconds S] [--no-warm-up] | load --url URL [--requests N] [--concurrency C] [--seconds S] [--cold-connections]");
        return 1;
}
