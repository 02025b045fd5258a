using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// <c>sitrep serve</c>: the read-only JSON API of CONTRACT.md over a store, and the offline web page (map, timeline,
/// filters, incident pages) embedded in this assembly. Only GET is answered; nothing here writes to the store.
/// </summary>
public static class SitrepServer
{
    /// <summary>Every API route, as listed in /openapi.json (a test holds the two together).</summary>
    public static readonly string[] Routes =
    [
        "/api/status", "/api/incidents", "/api/incidents/{id}", "/api/documents/{id}", "/api/actors", "/api/countries",
        "/api/points", "/api/points.bin", "/api/points/ids", "/api/first-view", "/api/export.csv", "/api/export.geojson",
    ];

    /// <summary>Builds the server (not started): call <c>RunAsync</c> or <c>StartAsync</c> on it.</summary>
    public static WebApplication Create(ServerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SitrepServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        // Data goes to stdout, messages to stderr (CONTRACT.md): the log is messages.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var pool = new StorePool(options.OpenStore, options.PoolSize);
        builder.Services.AddSingleton(pool);
        var caches = options.StoreVersion is { } version
            ? new ServerCaches(new ResponseCache(version), new PointsCache(pool, version), new CountCache(version),
                new IncidentBodies(pool, version), new DocumentCache(version))
            : null;
        if (caches is not null)
        {
            builder.Services.AddSingleton(caches);
            builder.Services.AddSingleton(caches.Responses);
        }

        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("sitrep.serve");
        var files = new EmbeddedFileProvider(typeof(SitrepServer).Assembly, "Sitrep.Server.wwwroot");
        string policy;
        using (var page = new StreamReader(files.GetFileInfo("index.html").CreateReadStream())) policy = ContentPolicy.For(page.ReadToEnd());
        app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h.ContentSecurityPolicy = policy;
            h["Referrer-Policy"] = "no-referrer";
            try
            {
                await next(context);
            }
            catch (BadRequestException ex) when (!context.Response.HasStarted)
            {
                await ApiJson.Error(context, StatusCodes.Status400BadRequest, ex.Message);
            }
            catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
            {
                log.LogError(ex, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
                await ApiJson.Error(context, StatusCodes.Status500InternalServerError, $"the store could not answer: {ex.Message}");
            }
        });

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        // API requests skip the page's files: looking each API path up among the embedded files is work for nothing.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal), page =>
        {
            page.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            page.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = types,
                OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "no-cache",
            });
        });

        // Built as soon as the server listens, so the first page load finds the map's columns ready.
        if (caches is not null) app.Lifetime.ApplicationStarted.Register(() => _ = caches.Points.Get(CancellationToken.None));
        MapApi(app, pool, caches, options.CountryName);
        return app;
    }

    /// <summary>Longest the warm-up goes on when compilation has not settled (a bound, not a target).</summary>
    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Methods compiled over 20 rounds and a pause at or below which the warm-up counts compilation as settled: rarely
    /// taken paths (a timer, a log line) keep a trickle going that never reaches zero.
    /// </summary>
    public const int SettledCompilations = 10;

    /// <summary>Fewest warm-up rounds: enough calls for a method to go through every tier (30 calls each).</summary>
    public const int MinWarmUpRounds = 120;

    /// <summary>
    /// Makes a started server ready for load before it is announced: builds the map's columns and listing index, then
    /// asks it over loopback, in rounds of distinct requests of every kind (five at once), until the JIT has compiled
    /// (almost) nothing new over two windows of 20 rounds and a pause, after at least <see cref="MinWarmUpRounds"/>: the
    /// hot paths are then optimised (tiered compilation recompiles a method after 30 calls, in the background) before
    /// the first client arrives, instead of while 200 clients wait. Bounded by <see cref="MaxWarmUp"/>. The answers it
    /// left behind are then forgotten (<see cref="ServerCaches.ForgetAnswers"/>): clients find warm code, not answers
    /// made for them in advance. A failing warm-up request is logged and the server still serves. Returns how many
    /// requests were answered.
    /// </summary>
    public static async Task<int> WarmUpAsync(WebApplication app, CancellationToken cancel)
    {
        if (app.Services.GetService<ServerCaches>() is not { } caches) return 0;
        var index = await caches.Points.Index(cancel).ConfigureAwait(false);
        if (LoopbackAddress(Addresses(app)) is not { } address) return 0;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("sitrep.serve");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var types = AcledTaxonomy.EventTypeOf.Keys.Order(StringComparer.Ordinal).ToArray();
        var grades = Enum.GetNames<IncidentGrade>();
        // 1 when path is answered with success; a failure is logged.
        async Task<int> Ask(string path)
        {
            try
            {
                using var response = await http.GetAsync(path, cancel).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return 1;
                log.LogWarning("warm-up: {Path} answered {Status}", path, (int)response.StatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                log.LogWarning("warm-up: {Path} failed: {Message}", path, ex.Message);
            }
            return 0;
        }
        // The first view's drawing, compiled before a first visit asks for it (once: a picture costs tens of ms).
        var answered = await Ask("/api/first-view?width=400&height=300").ConfigureAwait(false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var quiet = 0;
        for (var r = 0; clock.Elapsed < MaxWarmUp; r++)
        {
            var from = new DateOnly(2000, 1, 1).AddDays(11 * r).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            string[] paths =
            [
                "/api/status",
                $"/api/incidents?size=20&page={r + 1}",
                $"/api/incidents?size=20&type={Uri.EscapeDataString(types[r % types.Length])}&from={from}",
                $"/api/incidents?size=20&grade={grades[r % grades.Length].ToLowerInvariant()}&to={from}&actor={(char)('a' + r % 26)}",
                .. index.Ids.Count == 0 ? [] : (string[])[$"/api/incidents/{Uri.EscapeDataString(index.Ids[r * 7919 % index.Ids.Count])}"],
            ];
            var ok = await Task.WhenAll(paths.Select(Ask)).ConfigureAwait(false);
            answered += ok.Sum();
            if (r % 20 != 19) continue;
            // A pause lets the background compiler catch up. One quiet window is not enough: right after the tiering
            // delay the runtime only starts counting calls, and recompiles come 30 calls later.
            await Task.Delay(200, cancel).ConfigureAwait(false);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = now - compiled <= SettledCompilations ? quiet + 1 : 0;
            compiled = now;
            if (r + 1 >= MinWarmUpRounds && quiet >= 2) break;
        }
        caches.ForgetAnswers();
        var preloaded = await caches.Incidents.Preload(cancel).ConfigureAwait(false);
        log.LogInformation("warm-up: {Count} incident bodies read into memory", preloaded);
        return answered;
    }

    // Whether Accept-Encoding lists gzip (or *) without refusing it (q=0).
    private static bool AcceptsGzip(HttpRequest request) =>
        Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var codings) &&
        codings.Any(e => (e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || e.Value.Equals("*", StringComparison.Ordinal)) && e.Quality != 0);

    // The first http address, with a wildcard host (0.0.0.0, [::], +, *) asked on loopback instead.
    private static Uri? LoopbackAddress(IEnumerable<string> addresses)
    {
        foreach (var a in addresses)
        {
            var wildcard = a.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://[::]:", "://[::1]:", StringComparison.Ordinal);
            if (Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) && uri.Scheme == "http") return uri;
        }
        return null;
    }

    /// <summary>The addresses a started server listens on (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>The hand-written OpenAPI 3.1 description served at /openapi.json.</summary>
    public static byte[] OpenApi { get; } = ReadOpenApi();

    private static byte[] ReadOpenApi()
    {
        using var stream = typeof(SitrepServer).Assembly.GetManifestResourceStream("Sitrep.Server.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in Sitrep.Server");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void MapApi(WebApplication app, StorePool pool, ServerCaches? caches, Func<string, string?>? countryName)
    {
        var cache = caches?.Responses;
        Task Json(HttpContext c, Func<IEventStore, Action<Utf8JsonWriter>?> work, string notFound = "not found") =>
            Answer(c, cache, async cancel =>
            {
                var write = await pool.With(work, cancel).ConfigureAwait(false);
                return write is null ? null : ApiJson.Bytes(write);
            }, notFound);

        app.MapGet("/openapi.json", () => Results.Bytes(OpenApi, "application/json; charset=utf-8"));

        app.MapGet("/api/status", (HttpContext c) => Json(c, store =>
        {
            var counts = store.Counts();
            return w =>
            {
                w.WriteStartObject();
                w.WriteNumber("documents", counts.Documents);
                w.WriteNumber("events", counts.Events);
                w.WriteNumber("incidents", counts.Incidents);
                w.WriteEndObject();
            };
        }));

        app.MapGet("/api/incidents", (HttpContext c) =>
        {
            var (query, page, size) = ApiQuery.Paged(c.Request.Query);
            return Answer(c, cache, async cancel =>
            {
                // Filters the listing index answers need only the page's incidents from the store (often none).
                if (caches is not null && await caches.Points.Index(cancel).ConfigureAwait(false) is { } index && index.Answers(query))
                {
                    var (total, ids) = index.Page(query);
                    if (await caches.Incidents.Get(ids, cancel).ConfigureAwait(false) is { } items)
                        return ApiJson.IncidentPage(total, page, size, items);
                    // One of them is gone: the store changed since the index was built, so ask the store itself.
                }
                var write = await pool.With<Action<Utf8JsonWriter>>(store =>
                {
                    var items = store.QueryIncidents(query);
                    var total = caches?.Counts.Get(query, () => store.CountIncidents(query)) ?? store.CountIncidents(query);
                    return w => ApiJson.IncidentPage(w, total, page, size, items);
                }, cancel).ConfigureAwait(false);
                return ApiJson.Bytes(write);
            }, "not found");
        });

        app.MapGet("/api/incidents/{id}", (HttpContext c, string id) => Answer(c, cache, async cancel =>
        {
            var found = await pool.With(store =>
            {
                if (store.GetIncident(id) is not { } incident) return null;
                var documents = incident.Sources
                    .Select(s => (s, caches is null ? store.GetDocument(s.DocumentId) : caches.Documents.Get(store, s.DocumentId)))
                    .ToList();
                return ((Incident Incident, List<(IncidentSource, Document?)> Documents)?)(incident, documents);
            }, cancel).ConfigureAwait(false);
            if (found is not { } f) return null;
            var body = caches?.Incidents.Of(f.Incident) ?? ApiJson.Bytes(w => ContractJson.WriteIncident(w, f.Incident));
            return ApiJson.IncidentDetail(body, f.Incident, f.Documents);
        }, $"no incident with id '{id}'"));

        app.MapGet("/api/documents/{id}", (HttpContext c, string id) => Json(c, store =>
            store.GetDocument(id) is { } doc ? w => ApiJson.Document(w, doc) : null, $"no document with id '{id}'"));

        app.MapGet("/api/actors", (HttpContext c) => Json(c, store =>
        {
            var actors = store.Actors();
            return w => ApiJson.Actors(w, actors);
        }));

        // Counted with the map's columns when they are kept (every incident read once per store version, not per list).
        app.MapGet("/api/countries", (HttpContext c) => Answer(c, cache, async cancel =>
        {
            var counts = caches is not null
                ? await caches.Points.Countries(cancel).ConfigureAwait(false)
                : await pool.With(store => PointsCache.CountryCounts(store.QueryIncidentPoints(ApiQuery.Unfiltered)), cancel).ConfigureAwait(false);
            return ApiJson.Bytes(w => ApiJson.Countries(w, counts.Select(x => (x.Country, countryName?.Invoke(x.Country), x.Incidents))));
        }, "not found"));

        app.MapGet("/api/points", async (HttpContext c) =>
        {
            var query = ApiQuery.Filters(c.Request.Query);
            if (query == ApiQuery.Unfiltered && caches is not null)
            {
                await ApiJson.SendBytes(c, await caches.Points.Get(c.RequestAborted));
                return;
            }
            await Json(c, store =>
            {
                var columns = new PointColumns(store.QueryIncidentPoints(query));
                return w => ApiJson.Points(w, columns);
            });
        });

        // The same columns as typed arrays: what the page loads, as the browser reads them without parsing anything.
        app.MapGet("/api/points.bin", async (HttpContext c) =>
        {
            var query = ApiQuery.Filters(c.Request.Query);
            if (query == ApiQuery.Unfiltered && caches is not null)
            {
                // Gzipped when the browser takes it (compressed once per store version): half the bytes to carry.
                c.Response.Headers.Vary = "Accept-Encoding";
                if (AcceptsGzip(c.Request))
                {
                    c.Response.Headers.ContentEncoding = "gzip";
                    await ApiJson.SendBytes(c, await caches.Points.GetBinaryGzip(c.RequestAborted), PointColumns.MediaType);
                }
                else await ApiJson.SendBytes(c, await caches.Points.GetBinary(c.RequestAborted), PointColumns.MediaType);
                return;
            }
            await Answer(c, cache, async cancel =>
                new PointColumns(await pool.With(store => store.QueryIncidentPoints(query), cancel).ConfigureAwait(false)).Binary(),
                "not found", PointColumns.MediaType);
        });

        // Ids by position in /api/points under the same filters: the map asks for a clicked disc's id, not for all.
        app.MapGet("/api/points/ids", async (HttpContext c) =>
        {
            var query = ApiQuery.Filters(c.Request.Query);
            var (offset, limit) = ApiQuery.Window(c.Request.Query);
            if (query == ApiQuery.Unfiltered && caches is not null)
            {
                var ids = await caches.Points.Ids(c.RequestAborted);
                await ApiJson.Send(c, w => ApiJson.PointIds(w, ids, offset, limit));
                return;
            }
            await Json(c, store =>
            {
                var ids = store.QueryIncidentPoints(query).Select(p => p.IncidentId).ToList();
                return w => ApiJson.PointIds(w, ids, offset, limit);
            });
        });

        // The page's first view drawn here (see FirstView): kept per store version and box, revalidated by its ETag.
        app.MapGet("/api/first-view", async (HttpContext c) =>
        {
            var (width, height, dpr) = ApiQuery.FirstView(c.Request.Query);
            if (caches is null)
            {
                var d = await pool.With(store => new MapPoints(new PointColumns(store.QueryIncidentPoints(ApiQuery.Unfiltered))), c.RequestAborted);
                await ApiJson.SendBytes(c, await FirstView.AnswerAsync(d, width, height, dpr), FirstView.MediaType);
                return;
            }
            var (etag, body) = await caches.FirstViews.Get(width, height, dpr, c.RequestAborted);
            c.Response.Headers.ETag = etag;
            c.Response.Headers.CacheControl = "no-cache";
            if (c.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
            {
                c.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            await ApiJson.SendBytes(c, body, FirstView.MediaType);
        });

        app.MapGet("/api/export.csv", (HttpContext c) => Export(c, pool, ExportFormat.Csv, "text/csv; charset=utf-8", "csv", countryName));
        app.MapGet("/api/export.geojson", (HttpContext c) =>
            Export(c, pool, ExportFormat.GeoJson, "application/geo+json; charset=utf-8", "geojson", countryName));
    }

    /// <summary>
    /// Answers with the JSON body <paramref name="build"/> makes, or 404 with <paramref name="notFound"/> when it
    /// makes none. With a <paramref name="cache"/>, the body is remembered under the request's path and query for the
    /// store's current version, and built without the request's token (other requests may wait on the same build).
    /// </summary>
    private static async Task Answer(HttpContext c, ResponseCache? cache, Func<CancellationToken, Task<byte[]?>> build, string notFound,
        string contentType = ApiJson.MediaType)
    {
        var body = cache is null
            ? await build(c.RequestAborted).ConfigureAwait(false)
            : await cache.Get(c.Request.Path.Value + c.Request.QueryString.Value, () => build(CancellationToken.None), c.RequestAborted)
                .ConfigureAwait(false);
        if (body is null) await ApiJson.Error(c, StatusCodes.Status404NotFound, notFound);
        else await ApiJson.SendBytes(c, body, contentType);
    }

    private static async Task Export(HttpContext c, StorePool pool, ExportFormat format, string contentType, string extension,
        Func<string, string?>? countryName)
    {
        var query = ApiQuery.Filters(c.Request.Query);
        var incidents = await pool.With(store => store.QueryIncidents(query), c.RequestAborted);
        var text = new StringWriter();
        IncidentExport.Write(text, incidents, format, countryName);
        c.Response.ContentType = contentType;
        c.Response.Headers.ContentDisposition = $"attachment; filename=\"sitrep-incidents.{extension}\"";
        await c.Response.WriteAsync(text.ToString(), c.RequestAborted);
    }
}
