using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Sitrep.Storage;

namespace Sitrep.Server.Tests;

/// <summary>A real Kestrel server on a free loopback port over a <see cref="WebStore"/>, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly WebStore _store = new();
    private WebApplication? _app;

    internal WebStore Store => _store;
    public HttpClient Http { get; } = new();
    public string BaseUrl { get; private set; } = "";
    internal WebApplication App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var path = _store.Path;
        _app = SitrepServer.Create(new ServerOptions
        {
            OpenStore = () => SqliteStore.Open(path),
            StoreVersion = ServerOptions.FileVersion(path),
            Urls = "http://127.0.0.1:0",
            CountryName = iso => iso switch { "SY" => "Syria", "IQ" => "Iraq", "PS" => "Palestine", _ => null },
        });
        await _app.StartAsync();
        BaseUrl = SitrepServer.Addresses(_app).Single().TrimEnd('/');
        Http.BaseAddress = new Uri(BaseUrl);
    }

    public async Task<JsonElement> Json(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _store.Dispose();
    }
}
