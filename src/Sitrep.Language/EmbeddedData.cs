using System.Reflection;

namespace Sitrep.Language;

/// <summary>Opens the data files embedded into this assembly and reads their TSV rows.</summary>
internal static class EmbeddedData
{
    /// <summary>Opens embedded resource <paramref name="logicalName"/> (e.g. "Sitrep.Language.actors.tsv").</summary>
    public static TextReader Open(string logicalName)
    {
        var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"LANG001: embedded resource '{logicalName}' is missing from {typeof(EmbeddedData).Assembly.GetName().Name}.");
        return new StreamReader(stream);
    }

    /// <summary>
    /// The data rows of a TSV file: comment lines (#) and blank lines skipped, the first remaining line (the header)
    /// skipped, each row split on TAB. Yields the 1-based line number with each row for error messages.
    /// </summary>
    public static IEnumerable<(int Line, string[] Fields)> Rows(TextReader reader)
    {
        var lineNo = 0;
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.Trim().Length == 0) continue;
            if (!headerSeen) { headerSeen = true; continue; }
            yield return (lineNo, line.Split('\t'));
        }
    }
}
