using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Sitrep.Testing;

/// <summary>
/// A private, throwaway PostgreSQL cluster for tests: initdb into a temp folder, pg_ctl start on a free loopback port,
/// stopped and removed when the test process exits. Needs the server binaries (/usr/lib/postgresql/*/bin, or initdb
/// and pg_ctl on PATH); as root it runs them as the "postgres" user, since initdb refuses root.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>Environment variable that turns "PostgreSQL missing" from a skip into a failure (CI sets it to 1).</summary>
    public const string RequireVariable = "SITREP_REQUIRE_POSTGRES";

    private const string ServiceUser = "postgres";
    private static readonly Lazy<PostgresCluster> LazyShared = new(Start);
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asServiceUser;
    private int _databases;

    private PostgresCluster(string bin, string root, int port, bool asServiceUser)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asServiceUser = asServiceUser;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>One cluster for the whole test run, started on first use and stopped when the process exits.</summary>
    public static PostgresCluster Shared => LazyShared.Value;

    /// <summary>True when CI demands PostgreSQL tests run (env SITREP_REQUIRE_POSTGRES=1).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Folder holding initdb and pg_ctl (newest installed version first), or null when there is none.</summary>
    public static string? BinDirectory { get; } = FindBinaries();

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => BinDirectory is null
        ? "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or on PATH; " +
          $"install the postgresql package (set {RequireVariable}=1 to make this a failure)"
        : null;

    /// <summary>Creates an empty database and returns its Npgsql connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"sitrep_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Run(Path.Combine(_bin, "createdb"), ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", ServiceUser, name], asServiceUser: false);
        return ConnectionString(name);
    }

    /// <summary>Npgsql connection string for <paramref name="database"/> on this cluster (no pooling, so killed
    /// clients and dropped databases leave nothing behind).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database={database};Pooling=false;Timeout=30;Command Timeout=120";

    private static PostgresCluster Start()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(MissingReason);
        var asServiceUser = Environment.IsPrivilegedProcess;
        var root = Directory.CreateTempSubdirectory("sitrep-pg-").FullName;
        var data = Path.Combine(root, "data");
        var port = FreePort();
        try
        {
            if (asServiceUser) Run("chown", [ServiceUser, root], asServiceUser: false);
            Run(Path.Combine(bin, "initdb"),
                ["-D", data, "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], asServiceUser);
            // fsync off: the tests kill clients, never the server, and a throwaway cluster needs no durability.
            Run(Path.Combine(bin, "pg_ctl"),
            [
                "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
                $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=50",
                "start",
            ], asServiceUser);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
        var cluster = new PostgresCluster(bin, root, port, asServiceUser);
        StartJanitor(Path.Combine(bin, "pg_ctl"), data, root, asServiceUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    /// <summary>
    /// A detached shell that waits for this process to end, however it ends (the test host may be killed before
    /// exit handlers finish), then stops the server and removes its folder, so no run leaves a cluster behind.
    /// </summary>
    private static void StartJanitor(string pgCtl, string data, string root, bool asServiceUser)
    {
        const string janitor = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ "$5" = 1 ]; then runuser -u postgres -- "$2" -D "$3" -m immediate -w stop
            else "$2" -D "$3" -m immediate -w stop; fi
            rm -rf "$4"
            """;
        // The outer shell exits at once, so the janitor is nobody's child and survives the test host's process tree.
        Run("sh", ["-c", "setsid sh -c \"$0\" sitrep-pg-janitor \"$@\" </dev/null >/dev/null 2>&1 &", janitor,
            Environment.ProcessId.ToString(), pgCtl, data, root, asServiceUser ? "1" : "0"], asServiceUser: false);
    }

    /// <summary>Stops the server at once and removes its folder.</summary>
    public void Dispose()
    {
        var data = Path.Combine(_root, "data");
        if (!Directory.Exists(data)) return;
        try { Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], _asServiceUser); }
        catch (InvalidOperationException) { /* already stopped */ }
        // The server may still be removing its last files when pg_ctl returns.
        for (var attempt = 0; attempt < 10 && Directory.Exists(_root); attempt++)
        {
            try { Directory.Delete(_root, recursive: true); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Thread.Sleep(200); }
        }
    }

    private static string? FindBinaries()
    {
        const string versions = "/usr/lib/postgresql";
        if (Directory.Exists(versions))
        {
            var newest = Directory.GetDirectories(versions)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "pg_ctl")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null) return newest.Dir;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(dir, "initdb");
            if (!File.Exists(initdb)) continue;
            // Tools on PATH are often links into the server's folder; that folder is the one to use, if it is there
            // (File.Exists is true for a dangling link).
            var real = Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb)!;
            if (File.Exists(Path.Combine(real, "initdb")) && File.Exists(Path.Combine(real, "pg_ctl"))
                && new FileInfo(Path.Combine(real, "initdb")).ResolveLinkTarget(true) is null or { Exists: true })
                return real;
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> args, bool asServiceUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServiceUser ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            foreach (var a in (string[])["-u", ServiceUser, "--", program]) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        // Read both streams before waiting, so a chatty tool cannot block on a full pipe.
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in 2 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout}");
    }
}

/// <summary>
/// A fact that needs a PostgreSQL server: skipped, saying why, when the binaries are missing — unless
/// SITREP_REQUIRE_POSTGRES=1, when it runs and fails on the missing server instead.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Skips when PostgreSQL is absent and not required.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresCluster.MissingReason is { } reason && !PostgresCluster.Required) Skip = reason;
    }
}
