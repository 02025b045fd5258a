using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
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
        "/api/points", "/api/points/ids", "/api/export.csv", "/api/export.geojson",
    ];

    // Article text is shown as text, never markup; the policy stops any script but our own should that ever slip.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
        builder.Services.AddSingleton(new StorePool(options.OpenStore, options.PoolSize));
        if (options.StoreVersion is { } stamp) builder.Services.AddSingleton(new ResponseCache(stamp));

        var app = builder.Build();
        var pool = app.Services.GetRequiredService<StorePool>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("sitrep.serve");
        app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h.ContentSecurityPolicy = ContentSecurityPolicy;
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

        var files = new EmbeddedFileProvider(typeof(SitrepServer).Assembly, "Sitrep.Server.wwwroot");
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "no-cache",
        });

        var allPoints = options.StoreVersion is { } version ? new PointsCache(pool, version) : null;
        // Built as soon as the server listens, so the first page load finds the map's columns ready.
        if (allPoints is not null) app.Lifetime.ApplicationStarted.Register(() => _ = allPoints.Get(CancellationToken.None));
        MapApi(app, pool, app.Services.GetService<ResponseCache>(), options.CountryName, allPoints,
            options.StoreVersion is { } v ? new CountCache(v) : null);
        return app;
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

    private static void MapApi(WebApplication app, StorePool pool, ResponseCache? cache, Func<string, string?>? countryName,
        PointsCache? allPoints, CountCache? counts)
    {
        Task Json(HttpContext c, Func<IEventStore, Action<Utf8JsonWriter>?> work, string notFound = "not found") =>
            JsonAnswer(c, pool, cache, work, notFound);

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
            return Json(c, store =>
            {
                var items = store.QueryIncidents(query);
                var total = counts?.Get(query, () => store.CountIncidents(query)) ?? store.CountIncidents(query);
                return w => ApiJson.IncidentPage(w, total, page, size, items);
            });
        });

        app.MapGet("/api/incidents/{id}", (HttpContext c, string id) => Json(c, store =>
        {
            if (store.GetIncident(id) is not { } incident) return null;
            var documents = incident.Sources.Select(s => (s, store.GetDocument(s.DocumentId))).ToList();
            return w => ApiJson.IncidentDetail(w, incident, documents);
        }, $"no incident with id '{id}'"));

        app.MapGet("/api/documents/{id}", (HttpContext c, string id) => Json(c, store =>
            store.GetDocument(id) is { } doc ? w => ApiJson.Document(w, doc) : null, $"no document with id '{id}'"));

        app.MapGet("/api/actors", (HttpContext c) => Json(c, store =>
        {
            var actors = store.Actors();
            return w => ApiJson.Actors(w, actors);
        }));

        app.MapGet("/api/countries", (HttpContext c) => Json(c, store =>
        {
            var counts = store.QueryIncidentPoints(IncidentQuery.All with { Limit = int.MaxValue })
                .Where(p => p.Country is not null)
                .GroupBy(p => p.Country!.ToUpperInvariant())
                .Select(g => (g.Key, countryName?.Invoke(g.Key), g.Count()))
                .OrderByDescending(x => x.Item3).ThenBy(x => x.Key, StringComparer.Ordinal)
                .ToList();
            return w => ApiJson.Countries(w, counts);
        }));

        app.MapGet("/api/points", async (HttpContext c) =>
        {
            var query = ApiQuery.Filters(c.Request.Query);
            if (query == ApiQuery.Unfiltered && allPoints is not null)
            {
                var body = await allPoints.Get(c.RequestAborted);
                c.Response.ContentType = "application/json; charset=utf-8";
                c.Response.ContentLength = body.Length;
                await c.Response.Body.WriteAsync(body, c.RequestAborted);
                return;
            }
            await Json(c, store =>
            {
                var points = store.QueryIncidentPoints(query);
                return w => ApiJson.Points(w, points);
            });
        });

        // Ids by position in /api/points under the same filters: the map asks for a clicked disc's id, not for all.
        app.MapGet("/api/points/ids", async (HttpContext c) =>
        {
            var query = ApiQuery.Filters(c.Request.Query);
            var (offset, limit) = ApiQuery.Window(c.Request.Query);
            if (query == ApiQuery.Unfiltered && allPoints is not null)
            {
                var ids = await allPoints.Ids(c.RequestAborted);
                await ApiJson.Send(c, w => ApiJson.PointIds(w, ids, offset, limit));
                return;
            }
            await Json(c, store =>
            {
                var ids = store.QueryIncidentPoints(query).Select(p => p.IncidentId).ToList();
                return w => ApiJson.PointIds(w, ids, offset, limit);
            });
        });

        app.MapGet("/api/export.csv", (HttpContext c) => Export(c, pool, ExportFormat.Csv, "text/csv; charset=utf-8", "csv", countryName));
        app.MapGet("/api/export.geojson", (HttpContext c) =>
            Export(c, pool, ExportFormat.GeoJson, "application/geo+json; charset=utf-8", "geojson", countryName));
    }

    /// <summary>
    /// Answers with the JSON <paramref name="work"/> builds from a pooled store, or 404 with <paramref name="notFound"/>
    /// when it returns null. The store is handed back before the body is written. With a <paramref name="cache"/>, the
    /// body is remembered under the request's path and query for the store's current version.
    /// </summary>
    private static async Task JsonAnswer(HttpContext c, StorePool pool, ResponseCache? cache,
        Func<IEventStore, Action<Utf8JsonWriter>?> work, string notFound)
    {
        if (cache is null)
        {
            var write = await pool.With(work, c.RequestAborted);
            if (write is null) await ApiJson.Error(c, StatusCodes.Status404NotFound, notFound);
            else await ApiJson.Send(c, write);
            return;
        }
        var key = c.Request.Path.Value + c.Request.QueryString.Value;
        var body = await cache.Get(key, async () =>
        {
            var write = await pool.With(work, CancellationToken.None).ConfigureAwait(false);
            return write is null ? null : ApiJson.Bytes(write);
        }, c.RequestAborted);
        if (body is null) await ApiJson.Error(c, StatusCodes.Status404NotFound, notFound);
        else await ApiJson.SendBytes(c, body);
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
