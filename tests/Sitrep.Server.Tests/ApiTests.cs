using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Pipeline;

namespace Sitrep.Server.Tests;

public sealed class ApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("incident_id").GetString()!)];

    private string[] IdsIn(params string[] countries) => [.. countries.Select(c => server.Store.In(c).IncidentId)];

    [Fact]
    public async Task Incidents_WithoutFilters_ListsEveryIncidentByDate_WithTheTotal()
    {
        var page = await server.Json("/api/incidents");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(IdsIn("IQ", "SY", "PS"), Ids(page));
        var hajin = page.GetProperty("items")[1];
        Assert.Equal("Air/drone strike", hajin.GetProperty("sub_event_type").GetString());
        Assert.Equal(2, hajin.GetProperty("sources").GetArrayLength());
        Assert.Equal(12, hajin.GetProperty("fatalities").GetInt32());
    }

    [Theory]
    [InlineData("country=iq", "IQ")]
    [InlineData("country=SY", "SY")]
    [InlineData("type=battles", "IQ")]
    [InlineData("type=Air%2Fdrone%20strike", "SY,PS")]
    [InlineData("actor=israel", "PS")]
    [InlineData("from=2018-08-01&to=2018-12-31", "SY")]
    [InlineData("q=rubble", "SY")]
    [InlineData("q=neighbours", "PS")]
    [InlineData("near=34.7,40.8,50", "SY")]
    public async Task Incidents_Filtered_KeepOnlyTheMatchingOnes(string filter, string countries)
    {
        var page = await server.Json("/api/incidents?" + filter);
        Assert.Equal(IdsIn(countries.Split(',')), Ids(page));
        Assert.Equal(countries.Split(',').Length, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Incidents_ByGrade_KeepOnlyThatGrade()
    {
        var grade = server.Store.In("SY").Grade.ToString().ToLowerInvariant();
        var page = await server.Json("/api/incidents?grade=" + grade);
        Assert.Contains(server.Store.In("SY").IncidentId, Ids(page));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal(grade, i.GetProperty("grade").GetString()));
    }

    [Fact]
    public async Task Incidents_Paged_ServeTheAskedPage_AndTheWholeTotal()
    {
        var second = await server.Json("/api/incidents?size=1&page=2");
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(IdsIn("SY"), Ids(second));
        Assert.Empty(Ids(await server.Json("/api/incidents?size=2&page=3")));
    }

    [Theory]
    [InlineData("from=31-08-2018", "from '31-08-2018' is not a date")]
    [InlineData("near=north", "near 'north' is not LAT,LON,KM")]
    [InlineData("grade=best", "grade 'best' is not one of")]
    [InlineData("grade=1", "grade '1' is not one of")]
    [InlineData("size=0", "size '0' is not a whole number")]
    [InlineData("size=5000", "size '5000' is not a whole number")]
    [InlineData("page=-1", "page '-1' is not a whole number")]
    public async Task Incidents_WithANonsenseParameter_Answer400NamingIt(string filter, string message)
    {
        using var response = await server.Http.GetAsync("/api/incidents?" + filter);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(message, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Incident_ById_HasEachSourceText_WithEvidenceAndItsSentence()
    {
        var id = server.Store.In("SY").IncidentId;
        var incident = await server.Json("/api/incidents/" + id);
        Assert.Equal(id, incident.GetProperty("incident_id").GetString());
        var documents = incident.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["hajin-local", "hajin-wire"], documents.Select(d => d.GetProperty("document_id").GetString()).Order());
        foreach (var d in documents)
        {
            var text = d.GetProperty("text").GetString()!;
            var evidence = Assert.Single(d.GetProperty("evidence").EnumerateArray().ToList());
            Assert.Equal(WebStore.HajinEvidence, text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()]);
            var sentence = Assert.Single(d.GetProperty("sentences").EnumerateArray().ToList());
            Assert.Equal(WebStore.HajinEvidence, text[sentence.GetProperty("start").GetInt32()..sentence.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public async Task Incident_UnknownId_Answers404_WithTheReason()
    {
        using var response = await server.Http.GetAsync("/api/incidents/inc-nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no incident with id 'inc-nothing'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Document_ById_IsAnExtractLine_WithTextEventsAndEvidence()
    {
        var doc = await server.Json("/api/documents/gaza");
        Assert.Equal("gaza", doc.GetProperty("id").GetString());
        Assert.Equal("Gaza Now", doc.GetProperty("source").GetString());
        Assert.Equal("2023-10-21", doc.GetProperty("published").GetString());
        var e = Assert.Single(doc.GetProperty("events").EnumerateArray().ToList());
        Assert.Equal("2023-10-20", e.GetProperty("event_date").GetString());
        var range = e.GetProperty("evidence")[0];
        Assert.Equal(WebStore.GazaEvidence, doc.GetProperty("text").GetString()![range.GetProperty("start").GetInt32()..range.GetProperty("end").GetInt32()]);
        using var missing = await server.Http.GetAsync("/api/documents/none");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Actors_AndCountries_AreListedMostFrequentFirst()
    {
        var actors = (await server.Json("/api/actors")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("Civilians", actors[0].GetProperty("actor").GetString());
        Assert.Equal(2, actors[0].GetProperty("incidents").GetInt32());
        var countries = (await server.Json("/api/countries")).GetProperty("items").EnumerateArray()
            .Select(c => $"{c.GetProperty("country").GetString()}:{c.GetProperty("name").GetString()}:{c.GetProperty("incidents").GetInt32()}");
        Assert.Equal(["IQ:Iraq:1", "PS:Palestine:1", "SY:Syria:1"], countries);
    }

    [Fact]
    public async Task Points_AreParallelColumns_UnderTheSameFilters()
    {
        var all = await server.Json("/api/points");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        foreach (var column in new[] { "lat", "lon", "type", "day", "span", "country", "fatalities", "grade", "actor1", "actor2" })
            Assert.Equal(3, all.GetProperty(column).GetArrayLength());
        Assert.False(all.TryGetProperty("id", out _));
        Assert.Equal(["IQ", "PS", "SY"], all.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));
        var syria = await server.Json("/api/points?country=sy");
        Assert.Equal("SY", syria.GetProperty("countries")[syria.GetProperty("country")[0].GetInt32()].GetString());
        Assert.Equal(new DateOnly(2018, 8, 30).DayNumber - new DateOnly(1970, 1, 1).DayNumber,
            syria.GetProperty("day_base").GetInt32() + syria.GetProperty("day")[0].GetInt32());
        var sub = syria.GetProperty("sub_event_types")[syria.GetProperty("type")[0].GetInt32()].GetString();
        Assert.Equal("Air/drone strike", sub);
        Assert.Equal(1000, syria.GetProperty("coordinate_scale").GetInt32());
        Assert.Equal(34690, syria.GetProperty("lat")[0].GetInt32());
        Assert.Equal(0, syria.GetProperty("span")[0].GetInt32());
        Assert.Equal("Civilians", syria.GetProperty("actors")[syria.GetProperty("actor2")[0].GetInt32()].GetString());
        Assert.Equal(server.Store.In("SY").Grade.ToString().ToLowerInvariant(), syria.GetProperty("grades")[syria.GetProperty("grade")[0].GetInt32()].GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?country=sy")]
    [InlineData("?type=Air%2Fdrone%20strike&from=2018-01-01")]
    public async Task PointsBin_HoldsTheColumnsOfTheJson_AsTypedArrays(string filter)
    {
        var json = await server.Json("/api/points" + filter);
        using var response = await server.Http.GetAsync("/api/points.bin" + filter);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        var columns = PointColumnsReader.Read(await response.Content.ReadAsByteArrayAsync());
        foreach (var table in new[] { "total", "coordinate_scale", "day_base", "sub_event_types", "event_types", "grades", "countries", "actors" })
            Assert.Equal(json.GetProperty(table).GetRawText(), columns.Header.GetProperty(table).GetRawText());
        Assert.Equal(10, columns.Values.Count);
        foreach (var (name, values) in columns.Values)
            Assert.Equal(json.GetProperty(name).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (int?)null : v.GetInt32()), values);
    }

    [Theory]
    [InlineData("gzip, deflate", true)]
    [InlineData("br;q=1, gzip;q=0.5", true)]
    [InlineData("gzip;q=0, deflate", false)]
    [InlineData("", false)]
    public async Task PointsBin_Unfiltered_IsGzipped_OnlyForClientsThatTakeGzip_AndUnpacksToTheSameBytes(string acceptEncoding, bool gzipped)
    {
        using var plain = await server.Http.GetAsync("/api/points.bin");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var expected = await plain.Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/points.bin");
        if (acceptEncoding != "") request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await server.Http.SendAsync(request);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(gzipped, response.Content.Headers.ContentEncoding.Contains("gzip"));
        if (gzipped)
        {
            using var unpacked = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)) gzip.CopyTo(unpacked);
            body = unpacked.ToArray();
        }
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task PointIds_AreThePointsIds_ByPosition_UnderTheSameFilters()
    {
        var all = await server.Json("/api/points");
        var ids = (await server.Json("/api/points/ids?limit=10")).GetProperty("ids").EnumerateArray().Select(x => x.GetString()!).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(server.Store.Incidents.Select(i => i.IncidentId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        // Position i of the ids is position i of the columns: the country of each id's incident is the column's.
        for (var i = 0; i < ids.Count; i++)
            Assert.Equal(server.Store.Incidents.Single(x => x.IncidentId == ids[i]).Event.Place?.CountryCode,
                all.GetProperty("countries")[all.GetProperty("country")[i].GetInt32()].GetString());
        var second = await server.Json("/api/points/ids?offset=1");
        Assert.Equal(1, second.GetProperty("offset").GetInt32());
        Assert.Equal([ids[1]], second.GetProperty("ids").EnumerateArray().Select(x => x.GetString()));
        var syria = await server.Json("/api/points/ids?country=SY&offset=0&limit=5");
        Assert.Equal(1, syria.GetProperty("total").GetInt32());
        Assert.Equal([server.Store.In("SY").IncidentId], syria.GetProperty("ids").EnumerateArray().Select(x => x.GetString()));
        Assert.Empty((await server.Json("/api/points/ids?offset=7")).GetProperty("ids").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Http.GetAsync("/api/points/ids?limit=0")).StatusCode);
    }

    [Fact]
    public async Task ExportCsv_HasAcledColumns_AndOnlyTheFilteredRows()
    {
        using var response = await server.Http.GetAsync("/api/export.csv?country=IQ");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', IncidentExport.CsvColumns), lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",Iraq,Nineveh,Mosul,", row);
    }

    [Fact]
    public async Task ExportGeoJson_IsAFeatureCollection_OfTheFilteredIncidents()
    {
        using var response = await server.Http.GetAsync("/api/export.geojson?type=Air/drone strike");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var geo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(IdsIn("SY", "PS").Order(), geo.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("incident_id").GetString()).Order());
    }

    [Theory]
    [InlineData("height=400", "width is required")]
    [InlineData("width=0&height=400", "width '0' is not a whole number from 1 to 4096")]
    [InlineData("width=800&height=5000", "height '5000' is not a whole number from 1 to 4096")]
    [InlineData("width=800&height=400&dpr=5", "dpr '5' is not a number from 0.5 to 4")]
    [InlineData("width=800&height=400&dpr=two", "dpr 'two' is not a number from 0.5 to 4")]
    [InlineData("width=4096&height=4096&dpr=2", "more than the 8388608 one picture may have")]
    [InlineData("width=50&height=400", "leaves no room inside the first view's 30 px padding")]
    public async Task FirstView_WithParametersItCannotDraw_Is400_SayingWhich(string query, string message)
    {
        using var response = await server.Http.GetAsync("/api/first-view?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task FirstView_IsTheViewCountsAndPictureOfTheStore_KeptUnderAnETag_ThatAnswers304()
    {
        using var response = await server.Http.GetAsync("/api/first-view?width=640&height=400&dpr=1.5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (header, png) = FirstViewTests.Split(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((3, 3, 3), (header.GetProperty("total").GetInt32(), header.GetProperty("placed").GetInt32(), header.GetProperty("drawn").GetInt32()));
        Assert.Equal(6, header.GetProperty("zoom").GetDouble());
        Assert.Equal(3, header.GetProperty("timeline").GetProperty("shown").GetInt32());
        Assert.Equal((960, 600), PngReader.Read(png) is var (w, h, _) ? (w, h) : default);
        var etag = response.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/first-view?width=640&height=400&dpr=1.5") { Headers = { IfNoneMatch = { etag } } };
        using var unchanged = await server.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        using var other = await server.Http.GetAsync("/api/first-view?width=640&height=400&dpr=2");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task OpenApi_DescribesExactlyTheRoutesTheServerAnswers()
    {
        var paths = (await server.Json("/openapi.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).Order();
        var mapped = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).Where(r => r.StartsWith("/api/", StringComparison.Ordinal)).Order();
        Assert.Equal(mapped, paths);
        Assert.Equal(SitrepServer.Routes.Order(), paths);
    }

    [Theory]
    [InlineData("POST", "/api/incidents")]
    [InlineData("PUT", "/api/incidents/x")]
    [InlineData("DELETE", "/api/documents/gaza")]
    [InlineData("PATCH", "/api/actors")]
    public async Task WriteMethods_AreRefused_AndChangeNothing(string method, string path)
    {
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(3, (await server.Json("/api/status")).GetProperty("incidents").GetInt32());
        Assert.Equal(200, (int)(await server.Http.GetAsync("/api/documents/gaza")).StatusCode);
    }

    [Fact]
    public async Task Page_AndItsAssets_AreServedFromTheAssembly_WithAScriptPolicy()
    {
        using var page = await server.Http.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"paint.js\"></script>", await page.Content.ReadAsStringAsync());
        // Our scripts and the page's inline script and style (by their hashes), nothing else.
        Assert.Matches("script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Matches("style-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        foreach (var asset in new[] { "/paint.js", "/app.js", "/leaflet.js", "/leaflet.css", "/LICENSES.txt" })
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync(asset)).StatusCode);
        // countries.bin (web/build.mjs): uint32 rings R and points N, R ring lengths adding up to N, 2N float32s.
        var outlines = await server.Http.GetByteArrayAsync("/countries.bin");
        var (rings, points) = (BitConverter.ToInt32(outlines, 0), BitConverter.ToInt32(outlines, 4));
        Assert.True(rings > 150);
        Assert.Equal(8 + 4 * rings + 8 * points, outlines.Length);
        Assert.Equal(points, Enumerable.Range(0, rings).Sum(r => BitConverter.ToInt32(outlines, 8 + 4 * r)));
    }
}
