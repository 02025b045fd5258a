using System.CommandLine;
using System.Globalization;

namespace Sitrep.Cli;

/// <summary>
/// The <c>sitrep</c> command line: verbs of ../shared/CONTRACT.md. Runs in-process with injected streams, so tests
/// drive it exactly as a user would. Exit codes: 0 success, 1 bad usage, 2 some inputs failed.
/// </summary>
public static class SitrepCommand
{
    /// <summary>Exit code when the run finished but some inputs failed.</summary>
    public const int InputsFailed = 2;
    /// <summary>Exit code for bad usage.</summary>
    public const int BadUsage = 1;

    /// <summary>
    /// Parses <paramref name="args"/> and runs the verb; <paramref name="openStdout"/>, when given, opens the UTF-8 byte
    /// stream under <paramref name="stdout"/>, which the JSONL verbs then write to directly.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> openStdin, Func<Stream>? openStdout = null)
    {
        var io = new CliIo(stdout, stderr, openStdin, openStdout);
        var root = new RootCommand("Sitrep: conflict news pages in, an ACLED-style event record out.");
        root.Subcommands.Add(DocumentCommands.Extract(io));
        root.Subcommands.Add(DocumentCommands.Text(io));
        root.Subcommands.Add(StoreCommands.Ingest(io));
        root.Subcommands.Add(StoreCommands.Events(io));
        root.Subcommands.Add(ServeCommand.Serve(io));
        root.Subcommands.Add(EvalCommands.Eval(io));
        root.Subcommands.Add(TrainCommands.Train(io));
        // Without the default handler a UsageException thrown inside a verb reaches the catch below: one line, exit 1.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"sitrep: {ex.Message}");
            return BadUsage;
        }
        catch (Exception ex)
        {
            // As the default handler did: the whole exception, for a bug report.
            stderr.WriteLine($"Unhandled exception: {ex}");
            return BadUsage;
        }
    }

    /// <summary>Parses a YYYY-MM-DD option value or throws a usage error naming the option.</summary>
    internal static DateOnly? ParseDate(string? value, string option)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new UsageException($"{option} '{value}' is not a date in YYYY-MM-DD form");
    }
}

/// <summary>The streams a command writes to and reads from.</summary>
/// <summary>
/// The streams a verb talks to; <c>OpenStdout</c>, when set, opens the byte stream under <c>Out</c>,
/// for verbs that write UTF-8 JSON lines without transcoding them.
/// </summary>
internal sealed record CliIo(TextWriter Out, TextWriter Err, Func<Stream> OpenStdin, Func<Stream>? OpenStdout = null);

/// <summary>Bad usage found after parsing (an option value that does not make sense); exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
