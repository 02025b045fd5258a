using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sitrep.Server.Tests;

/// <summary>The page in headless Chromium, as a person would use it, with nothing fetched from off the machine.</summary>
public sealed class PageTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private IPage _page = null!;
    private readonly List<string> _problems = [];
    private readonly List<string> _requests = [];

    public async Task InitializeAsync()
    {
        _page = await fixture.Context.NewPageAsync();
        _page.Console += (_, m) => { if (m.Type == "error") _problems.Add("console: " + m.Text); };
        _page.PageError += (_, e) => _problems.Add("page error: " + e);
        _page.Request += (_, r) => _requests.Add(r.Url);
        _page.Response += (_, r) => { if (r.Status >= 400) _problems.Add($"{r.Status} for {r.Url}"); };
        await _page.GotoAsync(fixture.Server.BaseUrl + "/");
        await LoadsReach(1);
    }

    public async Task DisposeAsync() => await _page.CloseAsync();

    private Task LoadsReach(int n) =>
        _page.WaitForFunctionAsync($"() => Number(document.body.dataset.loads || 0) >= {n}", null, new() { Timeout = 15_000 });

    private async Task<string> Markers() => (await _page.GetAttributeAsync("#map", "data-markers"))!;

    private async Task Screenshot(string name)
    {
        var path = Browser.ArtifactPath(name);
        await _page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"screenshot: {path}");
    }

    [BrowserFact]
    public async Task Map_ShowsAMarkerPerIncident_AndTimelineBars_FetchingNothingFromOffTheMachine()
    {
        Assert.Equal("3", await Markers());
        Assert.Equal(3, await _page.Locator("#timeline rect.bar").CountAsync());
        Assert.Contains("3 incidents (3 on the map)", await _page.TextContentAsync("#status"));
        // Countries are drawn from the embedded Natural Earth outlines (countries.bin), with the first paint.
        Assert.True(int.Parse((await _page.GetAttributeAsync("#map", "data-outlines"))!) > 150);
        await Screenshot("sitrep-map.png");
        Assert.All(_requests, url => Assert.StartsWith(fixture.Server.BaseUrl + "/", url));
        Assert.Empty(_problems);
    }

    [BrowserFact]
    public async Task TimelineBar_GetsItsDatesCountAndType_AsATooltip_WhenThePointerReachesIt()
    {
        var bar = _page.Locator("#timeline rect.bar").First;
        Assert.Equal(0, await bar.Locator("title").CountAsync());
        await bar.HoverAsync();
        var (from, to, type) = (await bar.GetAttributeAsync("data-from"), await bar.GetAttributeAsync("data-to"), await bar.GetAttributeAsync("data-type"));
        Assert.Equal($"{from}{(to == from ? "" : " – " + to)}: 1 {type}", await bar.Locator("title").TextContentAsync());
        Assert.Empty(_problems);
    }

    [BrowserFact]
    public async Task CountryFilter_LeavesOnlyThatCountrysMarkersAndBars()
    {
        await _page.WaitForSelectorAsync("select[name=country] option[value=IQ]", new() { State = WaitForSelectorState.Attached });
        await _page.SelectOptionAsync("select[name=country]", "IQ");
        await LoadsReach(2);
        Assert.Equal("1", await Markers());
        Assert.Equal(1, await _page.Locator("#timeline rect.bar").CountAsync());
        Assert.Equal("Battles", await _page.GetAttributeAsync("#timeline rect.bar", "data-type"));
        Assert.Contains("country=IQ", await _page.GetAttributeAsync("#export-csv", "href"));
        Assert.Empty(_problems);
    }

    [BrowserFact]
    public async Task FiltersThePageAppliesItself_KeepWhatTheServerKeeps()
    {
        string[] queries =
        [
            "country=iq", "type=battles", "type=Air/drone strike", "actor=israel", "actor=CIVIL", "from=2018-08-01&to=2018-12-31",
            "from=2018-08-31", "to=2018-07-15", "grade=" + fixture.Server.Store.In("SY").Grade.ToString().ToLowerInvariant(),
            "country=SY&type=Explosions/Remote violence&actor=coalition",
        ];
        foreach (var q in queries)
        {
            var server = (await fixture.Server.Json("/api/incidents?" + q)).GetProperty("total").GetInt32();
            Assert.Equal(server, await _page.EvaluateAsync<int>("qs => sitrep.countLocally(qs)", q));
        }
    }

    [BrowserFact]
    public async Task TextSearch_AsksTheServer_AndMapsOnlyTheMatches()
    {
        await _page.FillAsync("input[name=q]", "rubble");
        await LoadsReach(2);
        Assert.Equal("1", await Markers());
        Assert.False(await _page.EvaluateAsync<bool>("() => sitrep.timings.at(-1).local"));
        Assert.Contains("1 incidents (1 on the map) matching the filters", await _page.TextContentAsync("#status"));
        Assert.Empty(_problems);
    }

    [BrowserFact]
    public async Task ClickingAMarker_OpensItsIncident_WithEvidenceHighlighted_AndArticleMarkupShownAsText()
    {
        var point = await _page.EvaluateAsync<double[]>("""
            () => { const p = sitrep.map.latLngToContainerPoint([34.69, 40.83]);
                    const r = document.getElementById('map').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }
            """);
        await _page.Mouse.ClickAsync((float)point[0], (float)point[1]);
        await _page.ClickAsync(".leaflet-popup a:text('Open incident')");
        await _page.WaitForSelectorAsync("#incident mark.evidence");

        Assert.Equal(fixture.Server.Store.In("SY").IncidentId, await _page.EvaluateAsync<string>("() => document.body.dataset.incident"));
        var marks = await _page.Locator("#incident mark.evidence").AllTextContentsAsync();
        Assert.Equal([WebStore.HajinEvidence, WebStore.HajinEvidence], marks);
        Assert.Equal(2, await _page.Locator("#incident .article").CountAsync());
        // The scraped <script> is text on the page, not an element, and it never ran.
        Assert.Contains(WebStore.ScriptInText, await _page.TextContentAsync("#incident"));
        Assert.Equal(0, await _page.Locator("#incident script").CountAsync());
        Assert.Null(await _page.EvaluateAsync<string?>("() => document.body.dataset.pwned ?? null"));
        await Screenshot("sitrep-incident.png");
        Assert.Empty(_problems);
    }
}
