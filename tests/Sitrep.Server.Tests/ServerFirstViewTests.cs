using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Sitrep.Storage;
using Sitrep.WebLoad;
using Xunit.Abstractions;

namespace Sitrep.Server.Tests;

/// <summary>A server over 10,000 synthetic incidents (twenty countries, overlapping discs) and one browser.</summary>
public sealed class SyntheticBrowserFixture : IAsyncLifetime
{
    public const int Incidents = 10_000;
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"sitrep-firstview-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private string? _profile;

    public string BaseUrl { get; private set; } = "";
    public IBrowserContext Context => _context ?? throw new InvalidOperationException("Chromium did not start");

    public async Task InitializeAsync()
    {
        if (Browser.ExecutablePath is null && !Browser.Required) return;
        SyntheticStore.Fill(_db, Incidents, documents: 50);
        _app = SitrepServer.Create(new ServerOptions
        {
            OpenStore = () => SqliteStore.Open(_db), StoreVersion = ServerOptions.FileVersion(_db), Urls = "http://127.0.0.1:0",
        });
        await _app.StartAsync();
        BaseUrl = SitrepServer.Addresses(_app).Single().TrimEnd('/');
        (_playwright, _context, _profile) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        _playwright?.Dispose();
        if (_profile is not null) Directory.Delete(_profile, recursive: true);
        if (_app is not null) await _app.DisposeAsync();
        foreach (var suffix in (string[])["", "-wal", "-shm"])
            if (File.Exists(_db + suffix)) File.Delete(_db + suffix);
    }
}

/// <summary>
/// The first view the server draws is the picture the page would draw itself, and the page shows it first, then hands
/// the map to app.js as if it had drawn it.
/// </summary>
public sealed class ServerFirstViewTests(SyntheticBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<SyntheticBrowserFixture>
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private async Task<IPage> Open()
    {
        var page = await fixture.Context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.WaitForFunctionAsync("() => document.body.dataset.loads === '1'", null, new() { Timeout = 30_000 });
        return page;
    }

    [BrowserFact]
    public async Task ServerPicture_HasThePixelsThePagesOwnRasteriserDraws_TheSameViewCountsAndTimeline_AtSeveralPixelRatios()
    {
        var page = await Open();
        try
        {
            // For each pixel ratio: the server's first view for the page's map box, against paint.js drawing the same
            // columns on its own firstView (the ratio the page reads is set for the comparison).
            var results = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const P = sitrepPaint, f = await P.first, d = f.d, size = f.view.size, out = [];
                  for (const dpr of [1, 2, 1.5]) {
                    Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => dpr });
                    const { header: h, image: decoding } = await P.getFirstView(size), image = await decoding;
                    const served = document.createElement('canvas');
                    served.width = image.width; served.height = image.height;
                    served.getContext('2d').drawImage(image, 0, 0);
                    const view = P.firstView(d, size), own = document.createElement('canvas'), drawn = P.drawPoints(own, d, null, view);
                    const a = served.getContext('2d').getImageData(0, 0, served.width, served.height).data;
                    const b = own.getContext('2d').getImageData(0, 0, own.width, own.height).data;
                    let maxDiff = 0, differing = 0, painted = 0;
                    for (let k = 0; k < b.length; k++) {
                      const diff = Math.abs(a[k] - b[k]);
                      if (diff > 0) differing++;
                      if (diff > maxDiff) maxDiff = diff;
                      if (k % 4 === 3 && b[k] > 0) painted++;
                    }
                    const t = P.countTimeline(d, null, P.boundsOf(view));
                    out.push({ dpr, served: [served.width, served.height], own: [own.width, own.height], drawn: [h.drawn, drawn],
                      view: [h.zoom, h.origin_x, h.origin_y, view.zoom, view.originX, view.originY], maxDiff, differing, painted,
                      counts: [h.total, d.n, h.placed, d.placedCount],
                      timeline: [JSON.stringify([h.timeline.weekly, h.timeline.first, h.timeline.buckets, h.timeline.shown, h.timeline.counts]),
                                 JSON.stringify([t.weekly, t.first, t.buckets, t.shown, [...t.counts]])] });
                  }
                  return out;
                }
                """);
            foreach (var r in results.EnumerateArray())
            {
                output.WriteLine(r.GetRawText().Split("\"counts\"")[0]);
                Assert.Equal(r.GetProperty("own").GetRawText(), r.GetProperty("served").GetRawText());
                var drawn = r.GetProperty("drawn");
                Assert.Equal(drawn[1].GetInt32(), drawn[0].GetInt32());
                Assert.True(drawn[0].GetInt32() > SyntheticBrowserFixture.Incidents / 2);
                var v = r.GetProperty("view");
                Assert.Equal((v[3].GetDouble(), v[4].GetDouble(), v[5].GetDouble()), (v[0].GetDouble(), v[1].GetDouble(), v[2].GetDouble()));
                var counts = r.GetProperty("counts");
                Assert.Equal((counts[1].GetInt32(), counts[3].GetInt32()), (counts[0].GetInt32(), counts[2].GetInt32()));
                Assert.Equal(r.GetProperty("timeline")[1].GetString(), r.GetProperty("timeline")[0].GetString());
                Assert.True(r.GetProperty("painted").GetInt32() > 10_000, "the discs cover a good part of the map");
                Assert.True(r.GetProperty("maxDiff").GetInt32() <= 1, $"a channel differs by {r.GetProperty("maxDiff")} at dpr {r.GetProperty("dpr")}");
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task FirstPaint_ShowsTheServersMarkersStatusAndTimeline_ThenAppJsTakesTheMapOver_AndFiltersIt()
    {
        var page = await Open();
        try
        {
            var first = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const P = sitrepPaint, f = await P.first, { header: h } = await P.getFirstView(f.view.size);
                  return { by: sitrep.timings[0].drawnBy, drawn: h.drawn, placed: h.placed, total: h.total,
                           markers: document.getElementById('map').dataset.markers, status: document.getElementById('status').textContent,
                           bars: document.querySelectorAll('#timeline rect.bar').length,
                           nonZero: h.timeline.counts.filter((c) => c > 0).length,
                           caption: document.getElementById('timeline-caption').textContent, shown: h.timeline.shown };
                }
                """);
            Assert.Equal("server", first.GetProperty("by").GetString());
            Assert.Equal(first.GetProperty("drawn").GetInt32().ToString(Invariant), first.GetProperty("markers").GetString());
            Assert.Equal(string.Create(Invariant, $"{SyntheticBrowserFixture.Incidents:N0} incidents ({first.GetProperty("placed").GetInt32():N0} on the map)"),
                first.GetProperty("status").GetString());
            Assert.Equal(first.GetProperty("nonZero").GetInt32(), first.GetProperty("bars").GetInt32());
            Assert.StartsWith(string.Create(Invariant, $"{first.GetProperty("shown").GetInt32():N0}") + " dated incidents in the map's view, per week", first.GetProperty("caption").GetString());

            // app.js took the picture over as it stands, and filters and redraws it from the columns from then on.
            await page.SelectOptionAsync("select[name=type]", "Battles");
            await page.WaitForFunctionAsync("() => sitrep.timings.length === 2", null, new() { Timeout = 15_000 });
            var battles = int.Parse((await page.GetAttributeAsync("#map", "data-markers"))!, Invariant);
            Assert.InRange(battles, 1, first.GetProperty("drawn").GetInt32() / 3);
            Assert.All((await page.Locator("#timeline rect.bar").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.type)")).Distinct(),
                t => Assert.Equal("Battles", t));
            // A click on the topmost disc finds its incident (hit tests use the positions prepared after the first paint).
            var at = await page.EvaluateAsync<JsonElement>("""
                async () => { const d = (await sitrepPaint.first).d, i = d.order[d.order.length - 1];
                              return { x: d.sx[i], y: d.sy[i] }; }
                """);
            await page.SelectOptionAsync("select[name=type]", "");
            await page.WaitForFunctionAsync("() => sitrep.timings.length === 3", null, new() { Timeout = 15_000 });
            var box = (await page.Locator("#map").BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(box.X + at.GetProperty("x").GetSingle(), box.Y + at.GetProperty("y").GetSingle());
            await page.WaitForSelectorAsync(".leaflet-popup a:text('Open incident')", new() { Timeout = 15_000 });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task DrawingConstants_OfThePage_AreTheServers()
    {
        var page = await Open();
        try
        {
            var style = await page.EvaluateAsync<JsonElement>("""
                () => { const P = sitrepPaint;
                        return { types: P.EVENT_TYPES.map((t) => t.name + ' ' + t.colour), radius: P.MAX_RADIUS, disc: [P.DISC.fill, P.DISC.outline, P.DISC.outlineWidth],
                                 opaque: P.OPAQUE, map: [P.MAP.minZoom, P.MAP.maxZoom, P.MAP.zoomSnap],
                                 first: [P.FIRST_VIEW.padding, P.FIRST_VIEW.maxZoom, P.FIRST_VIEW.empty.lat, P.FIRST_VIEW.empty.lon, P.FIRST_VIEW.empty.zoom],
                                 days: P.MAX_DAY_BUCKETS }; }
                """);
            Assert.Equal(MapStyle.EventTypes.Select(t => $"{t.Name} #{t.Red:x2}{t.Green:x2}{t.Blue:x2}"), style.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(MapStyle.MaxRadius, style.GetProperty("radius").GetInt32());
            Assert.Equal([MapStyle.DiscFill, MapStyle.DiscOutline, MapStyle.DiscOutlineWidth], style.GetProperty("disc").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal(MapStyle.Opaque, style.GetProperty("opaque").GetDouble());
            Assert.Equal([MapStyle.MinZoom, MapStyle.MaxZoom, MapStyle.ZoomSnap], style.GetProperty("map").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal([MapStyle.FirstViewPadding, MapStyle.FirstViewMaxZoom, MapStyle.EmptyLatitude, MapStyle.EmptyLongitude, MapStyle.EmptyZoom],
                style.GetProperty("first").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal(MapStyle.MaxDayBuckets, style.GetProperty("days").GetInt32());
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
