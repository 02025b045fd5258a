using System.Diagnostics;
using System.Text;

namespace Sitrep.Cli.Tests;

/// <summary>Runs the <c>sitrep</c> command in-process and captures what a user would see.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args) => RunWithStdin(null, args);

    public static Result RunWithStdin(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SitrepCommand.Run(args, stdout, stderr, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Starts the <c>sitrep.dll</c> built next to these tests as a child process (for what needs a real process: a kill,
    /// several workers, a server). Standard error is left for the caller to read; standard output is drained so a
    /// chatty child never blocks on a full pipe.
    /// </summary>
    public static Process Start(params string[] args)
    {
        var process = Process.Start(StartInfo(args))!;
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    /// <summary>Runs the built <c>sitrep.dll</c> as a child process to its end; its standard output as raw bytes.</summary>
    public static (int ExitCode, byte[] Out) RunProcess(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        using var bytes = new MemoryStream();
        var err = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        _ = err.Result;
        return (process.ExitCode, bytes.ToArray());
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        Assert.True(File.Exists(dll), $"sitrep.dll is not built next to the tests ({dll})");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>The repository root (where Sitrep.slnx is), found from the test binary.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sitrep-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public string Write(string name, string content) { System.IO.File.WriteAllText(File(name), content); return File(name); }
    public string Write(string name, byte[] content) { System.IO.File.WriteAllBytes(File(name), content); return File(name); }
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
