using Microsoft.Playwright;

namespace Sitrep.Server.Tests;

/// <summary>
/// The system Chromium, driven by Playwright (which never downloads a browser here). Tests that need it skip when
/// it is absent, unless SITREP_REQUIRE_BROWSER=1 (CI), when they fail instead.
/// </summary>
internal static class Browser
{
    /// <summary>SITREP_CHROMIUM, else /usr/bin/chromium; null when neither exists.</summary>
    public static string? ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("SITREP_CHROMIUM"), "/usr/bin/chromium" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static bool Required => Environment.GetEnvironmentVariable("SITREP_REQUIRE_BROWSER") == "1";

    /// <summary>A fresh profile in a temp folder, offline except for loopback, as the issue asks.</summary>
    public static async Task<(IPlaywright Playwright, IBrowserContext Context, string Profile)> LaunchAsync()
    {
        var exe = ExecutablePath ?? throw new InvalidOperationException(
            "SITREP_REQUIRE_BROWSER=1 but no Chromium at /usr/bin/chromium or SITREP_CHROMIUM: install it (apt-get install chromium)");
        var profile = Directory.CreateTempSubdirectory("sitrep-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = exe,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        return (playwright, context, profile);
    }

    /// <summary>Where a test keeps a screenshot: artifacts/screenshots under the repository (git-ignored), else temp.</summary>
    public static string ArtifactPath(string name)
    {
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) { root = dir.FullName; break; }
        var folder = Directory.CreateDirectory(Path.Combine(root, "artifacts", "screenshots")).FullName;
        return Path.Combine(folder, name);
    }
}

/// <summary>A fact that needs Chromium: skipped with the reason when it is absent, unless SITREP_REQUIRE_BROWSER=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.ExecutablePath is null && !Browser.Required)
            Skip = "needs Chromium at /usr/bin/chromium (or SITREP_CHROMIUM); SITREP_REQUIRE_BROWSER=1 makes this a failure";
    }
}

/// <summary>A <see cref="ServerFixture"/> plus one browser, shared by a test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public ServerFixture Server { get; } = new();
    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private string? _profile;

    public IBrowserContext Context => _context ?? throw new InvalidOperationException("Chromium did not start");

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        if (Browser.ExecutablePath is null && !Browser.Required) return;
        (_playwright, _context, _profile) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        _playwright?.Dispose();
        if (_profile is not null) Directory.Delete(_profile, recursive: true);
        await Server.DisposeAsync();
    }
}
