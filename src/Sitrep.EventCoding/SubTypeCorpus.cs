using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>One row of data/ontology/subtypes.tsv: a written snippet, its sub-type, and whether it is held out.</summary>
public sealed record SubTypeSnippet(string Id, string SubType, bool IsDev, string Text);

/// <summary>Reads the sub-type training TSV (header <c>id sub_event_type split snippet</c>).</summary>
public static class SubTypeCorpus
{
    /// <summary>
    /// The rows of <paramref name="reader"/>; <paramref name="source"/> names the file in errors. A row with a wrong
    /// column count, an unknown sub-type or split throws with the file, line and reason.
    /// </summary>
    public static List<SubTypeSnippet> Read(TextReader reader, string source)
    {
        var rows = new List<SubTypeSnippet>();
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("id\t", StringComparison.Ordinal)) continue;
            var cells = line.Split('\t');
            if (cells.Length != 4) throw new InvalidDataException($"{source}:{lineNo}: expected 4 tab-separated columns, found {cells.Length}");
            if (!AcledTaxonomy.EventTypeOf.ContainsKey(cells[1])) throw new InvalidDataException($"{source}:{lineNo}: '{cells[1]}' is not an ACLED sub-event type");
            if (cells[2] is not ("train" or "dev")) throw new InvalidDataException($"{source}:{lineNo}: split must be 'train' or 'dev', not '{cells[2]}'");
            rows.Add(new SubTypeSnippet(cells[0], cells[1], cells[2] == "dev", cells[3]));
        }
        return rows;
    }
}
