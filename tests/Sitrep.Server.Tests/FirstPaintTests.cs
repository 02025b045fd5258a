using System.Text.Json;
using Microsoft.Playwright;

namespace Sitrep.Server.Tests;

/// <summary>
/// The first paint (paint.js) draws the map and timeline before Leaflet is there, on the view Leaflet then opens on,
/// and Leaflet takes its canvases over without drawing or moving anything.
/// </summary>
public sealed class FirstPaintTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task FirstPaint_DrawsEveryIncidentTheOutlinesAndTheTimeline_BeforeLeafletHasArrived_ThenLeafletKeepsThatView()
    {
        var page = await fixture.Context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.Console += (_, m) => { if (m.Type == "error") problems.Add("console: " + m.Text); };
        var leaflet = new TaskCompletionSource();
        await page.RouteAsync("**/leaflet.js", async route => { await leaflet.Task; await route.ContinueAsync(); });
        try
        {
            // Not until "load": the load event may wait for leaflet.js, which is held back here.
            await page.GotoAsync(fixture.Server.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.WaitForFunctionAsync("() => (window.sitrepTimings || []).length === 1", null, new() { Timeout = 15_000 });

            Assert.True(await page.EvaluateAsync<bool>("() => typeof L === 'undefined' && !window.sitrep"));
            Assert.Equal("server", await page.EvaluateAsync<string>("() => sitrepTimings[0].drawnBy"));
            // Asked for once, by the page's inline script as soon as the box was laid out; paint.js took that answer.
            Assert.Equal(1, await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(e => e.name.includes('api/first-view')).length"));
            Assert.True(await page.EvaluateAsync<bool>("() => performance.getEntriesByType('resource').find(e => e.name.includes('api/first-view')).startTime < sitrepTimings[0].scriptAt"));
            Assert.True(await page.EvaluateAsync<bool>("() => window.sitrepFirstView === undefined"));
            Assert.Equal("3", await page.GetAttributeAsync("#map", "data-markers"));
            Assert.True(int.Parse((await page.GetAttributeAsync("#map", "data-outlines"))!) > 150);
            Assert.Equal(3, await page.Locator("#timeline rect.bar").CountAsync());
            Assert.Contains("3 incidents (3 on the map)", await page.TextContentAsync("#status"));
            // Marks the canvases the first paint drew, to find them again under Leaflet.
            await page.EvaluateAsync("() => document.querySelectorAll('#map canvas').forEach(c => c.dataset.firstPaint = 'yes')");

            leaflet.SetResult();
            await page.WaitForFunctionAsync("() => document.body.dataset.loads === '1'", null, new() { Timeout = 15_000 });
            var view = await page.EvaluateAsync<JsonElement>("""
                () => { const m = sitrep.map, o = m.getPixelBounds().min, v = sitrep.firstView;
                        return { zoom: m.getZoom(), x: o.x, y: o.y, firstZoom: v.zoom, firstX: v.originX, firstY: v.originY,
                                 taken: [...document.querySelectorAll('.leaflet-pane canvas')].filter(c => c.dataset.firstPaint === 'yes').length,
                                 timings: sitrep.timings.length, size: JSON.stringify([m.getSize(), v.size]) }; }
                """);
            Assert.Equal(view.GetProperty("firstZoom").GetDouble(), view.GetProperty("zoom").GetDouble());
            Assert.True(view.GetProperty("firstX").GetDouble() == view.GetProperty("x").GetDouble(), view.GetRawText());
            Assert.True(view.GetProperty("firstY").GetDouble() == view.GetProperty("y").GetDouble(), view.GetRawText());
            Assert.Equal(2, view.GetProperty("taken").GetInt32());
            Assert.Equal(1, view.GetProperty("timings").GetInt32());
            // Leaflet's style, held back as a print style during the first paint, applies once Leaflet runs.
            Assert.Equal("absolute", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.leaflet-map-pane')).position"));
            Assert.Empty(problems);
        }
        finally
        {
            leaflet.TrySetResult();
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task WhenTheServersFirstViewFails_ThePageDrawsTheFirstPaintFromTheColumns_AndAppJsTakesItOver()
    {
        var page = await fixture.Context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add("page error: " + e);
        await page.RouteAsync("**/api/first-view*", route => route.FulfillAsync(new() { Status = 500, ContentType = "application/json", Body = "{\"error\":\"broken\"}" }));
        try
        {
            await page.GotoAsync(fixture.Server.BaseUrl + "/");
            await page.WaitForFunctionAsync("() => document.body.dataset.loads === '1'", null, new() { Timeout = 15_000 });
            Assert.Equal("page", await page.EvaluateAsync<string>("() => sitrep.timings[0].drawnBy"));
            Assert.Equal(1, await page.EvaluateAsync<int>("() => sitrep.timings.length"));
            Assert.Equal("3", await page.GetAttributeAsync("#map", "data-markers"));
            Assert.Equal(3, await page.Locator("#timeline rect.bar").CountAsync());
            Assert.Contains("3 incidents (3 on the map)", await page.TextContentAsync("#status"));
            Assert.Equal(2, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.leaflet-pane canvas')].filter(c => c.classList.contains('sitrep-points') || c.classList.contains('sitrep-outlines')).length"));
            await page.SelectOptionAsync("select[name=country]", "SY");
            await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.markers === '1'", null, new() { Timeout = 15_000 });
            Assert.Empty(problems);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Discs_AreRasterisedInTheirTypesColour_AtTheirIncidentsPixels_AndNothingElseIsPainted()
    {
        var page = await fixture.Context.NewPageAsync();
        try
        {
            await page.GotoAsync(fixture.Server.BaseUrl + "/");
            await page.WaitForFunctionAsync("() => document.body.dataset.loads === '1'", null, new() { Timeout = 15_000 });
            // For each incident: the pixel under its centre (from Leaflet, not from the page's own positions), the colour
            // of its type with the fill's opacity, and the top-left pixel of the canvas, which no disc reaches.
            var found = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const f = await sitrepPaint.first, d = f.d, c = document.querySelector('.leaflet-pane canvas.sitrep-points');
                  const ctx = c.getContext('2d'), dpr = window.devicePixelRatio || 1;
                  const pixels = [];
                  for (let i = 0; i < d.n; i++) {
                    const p = sitrep.map.latLngToContainerPoint([d.lat[i], d.lon[i]]);
                    const colour = sitrepPaint.EVENT_TYPES[d.typeOf[i]].colour;
                    pixels.push({ want: [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16)).concat(191),
                                  got: [...ctx.getImageData(Math.floor(p.x * dpr), Math.floor(p.y * dpr), 1, 1).data] });
                  }
                  return { pixels, corner: [...ctx.getImageData(0, 0, 1, 1).data] };
                }
                """);
            Assert.Equal(3, found.GetProperty("pixels").GetArrayLength());
            foreach (var p in found.GetProperty("pixels").EnumerateArray())
            {
                var (want, got) = (p.GetProperty("want").EnumerateArray().Select(x => x.GetInt32()).ToList(), p.GetProperty("got").EnumerateArray().Select(x => x.GetInt32()).ToList());
                Assert.True(want.Zip(got).All(w => Math.Abs(w.First - w.Second) <= 1), $"want {string.Join(",", want)}, got {string.Join(",", got)}");
            }
            Assert.Equal([0, 0, 0, 0], found.GetProperty("corner").EnumerateArray().Select(x => x.GetInt32()));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Discs_DrawnAgainAfterOtherViewsAndFilters_AreTheSamePixels()
    {
        var page = await fixture.Context.NewPageAsync();
        try
        {
            await page.GotoAsync(fixture.Server.BaseUrl + "/");
            await page.WaitForFunctionAsync("() => document.body.dataset.loads === '1'", null, new() { Timeout = 15_000 });
            // The rasteriser keeps its scratch memory between drawings and clears only what each drawing touched: a
            // drawing of the first view must come out the same after a closer, filtered one and a smaller one.
            var same = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const f = await sitrepPaint.first, d = f.d, v = f.view, P = sitrepPaint;
                  const pixels = (view, mask) => {
                    const c = document.createElement('canvas');
                    const drawn = P.drawPoints(c, d, mask, view);
                    return { drawn, data: [...c.getContext('2d').getImageData(0, 0, c.width, c.height).data] };
                  };
                  const before = pixels(v, null);
                  const closer = P.viewAt(v.zoom + 3, v.originX * 8 + 2000, v.originY * 8 + 1000, v.size);
                  pixels(closer, Uint8Array.from({ length: d.n }, (_, i) => i % 2));
                  pixels(P.viewAt(v.zoom, v.originX, v.originY, { x: 300, y: 200 }), null);
                  const after = pixels(v, null);
                  return { drawn: [before.drawn, after.drawn], painted: before.data.some((x) => x !== 0),
                           differing: before.data.filter((x, k) => x !== after.data[k]).length };
                }
                """);
            Assert.Equal([3, 3], same.GetProperty("drawn").EnumerateArray().Select(x => x.GetInt32()));
            Assert.True(same.GetProperty("painted").GetBoolean());
            Assert.Equal(0, same.GetProperty("differing").GetInt32());
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task FirstView_IsTheViewLeafletsFitBoundsFrames_ForWideNarrowPointAndNoBounds()
    {
        var page = await fixture.Context.NewPageAsync();
        try
        {
            await page.GotoAsync(fixture.Server.BaseUrl + "/");
            await page.WaitForFunctionAsync("() => document.body.dataset.loads === '1'", null, new() { Timeout = 15_000 });
            // Each case: placed incidents as [lat, lon]; paint.js's firstView against a Leaflet map of the same size
            // given fitBounds with the page's padding and zoom cap (or, with nothing placed, the default view).
            var results = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const cases = [[[-40, -120], [60, 150]], [[29, 34], [33.5, 36]], [[15.3, 44.2]], [[-5, 10], [5, 12], [0, 11]], []];
                  const box = document.createElement('div');
                  box.style.cssText = 'position:absolute;left:0;top:0;width:977px;height:613px;visibility:hidden';
                  document.body.append(box);
                  const m = L.map(box, { worldCopyJump: false, ...sitrepPaint.MAP }).setView([25, 30], 2);
                  return cases.map((c) => {
                    const d = { n: c.length, placed: Uint8Array.from(c, () => 1), lat: Float64Array.from(c, (p) => p[0]), lon: Float64Array.from(c, (p) => p[1]) };
                    const v = sitrepPaint.firstView(d, m.getSize());
                    if (c.length) m.fitBounds(c, { padding: [30, 30], maxZoom: 6, animate: false }); else m.setView([25, 30], 2, { animate: false });
                    const o = m.getPixelBounds().min;
                    return [v.zoom, m.getZoom(), Math.abs(v.originX - o.x), Math.abs(v.originY - o.y)];
                  });
                }
                """);
            foreach (var r in results.EnumerateArray())
            {
                var (zoom, leafletZoom, dx, dy) = (r[0].GetDouble(), r[1].GetDouble(), r[2].GetDouble(), r[3].GetDouble());
                Assert.Equal(leafletZoom, zoom);
                // Leaflet rounds its pixel origin too; the two may round a centre on a half pixel differently.
                Assert.True(dx <= 1 && dy <= 1, $"origin off by {dx}, {dy} px at zoom {zoom}");
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
