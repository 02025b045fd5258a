using System.Globalization;
using System.Reflection;
using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>Conditions an ontology row puts on the sentence its trigger is in.</summary>
[Flags]
public enum EventConstraint
{
    None = 0,
    /// <summary>An armed actor is present.</summary>
    Armed = 1,
    /// <summary>The victims or targets include civilians.</summary>
    Civilians = 2,
    /// <summary>The acting side is state forces.</summary>
    State = 4,
    /// <summary>The acting side is a non-state group.</summary>
    NonState = 8,
    /// <summary>Protesters or demonstrators are present.</summary>
    Protest = 16,
    /// <summary>Police or security forces are present.</summary>
    Force = 32,
    /// <summary>Aircraft (jets, warplanes, helicopters, drones) are present.</summary>
    Air = 64,
}

/// <summary>One row of the ontology: trigger patterns for an ACLED sub-type, with a priority and constraints.</summary>
/// <param name="SubEventType">ACLED sub-event type name.</param>
/// <param name="Priority">Higher wins when several rows match one sentence.</param>
/// <param name="Constraint">What the sentence must contain for the row to apply.</param>
/// <param name="Plover">PLOVER event type (and mode), "-" when none fits.</param>
/// <param name="Cameo">CAMEO code, "-" when none fits.</param>
/// <param name="Patterns">Trigger patterns, words separated by spaces.</param>
public sealed record OntologyEntry(string SubEventType, int Priority, EventConstraint Constraint, string Plover,
    string Cameo, IReadOnlyList<string> Patterns);

/// <summary>
/// The event ontology: which words signal which ACLED sub-type. Loaded from a TSV a domain expert edits
/// (data/ontology/events.tsv, embedded in this assembly).
/// </summary>
public sealed class EventOntology
{
    private const string ResourceName = "Sitrep.EventCoding.events.tsv";
    private static readonly Lazy<EventOntology> Default = new(() =>
    {
        using var stream = typeof(EventOntology).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"EC001: embedded ontology '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    });

    private EventOntology(IReadOnlyList<OntologyEntry> entries, IReadOnlyList<string> problems)
    {
        Entries = entries;
        Problems = problems;
        Matcher = new TriggerMatcher(entries);
    }

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<OntologyEntry> Entries { get; }

    /// <summary>Rows that were skipped while loading, each with its line number and reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    internal TriggerMatcher Matcher { get; }

    /// <summary>The ontology embedded in this assembly (loaded once).</summary>
    public static EventOntology LoadDefault() => Default.Value;

    /// <summary>Reads an ontology TSV; bad rows are skipped and listed in <see cref="Problems"/>, never thrown.</summary>
    public static EventOntology Load(TextReader reader)
    {
        var entries = new List<OntologyEntry>();
        var problems = new List<string>();
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("sub_event_type\t", StringComparison.Ordinal)) continue;
            var cols = line.Split('\t');
            if (cols.Length != 6) { problems.Add($"line {lineNo}: expected 6 tab-separated columns, found {cols.Length}"); continue; }
            var subType = cols[0].Trim();
            if (!AcledTaxonomy.IsSubEventType(subType)) { problems.Add($"line {lineNo}: '{subType}' is not an ACLED sub-event type"); continue; }
            if (!int.TryParse(cols[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority))
            { problems.Add($"line {lineNo}: priority '{cols[1]}' is not an integer"); continue; }
            if (!TryParseConstraint(cols[2], out var constraint, out var bad))
            { problems.Add($"line {lineNo}: unknown constraint '{bad}'"); continue; }
            var patterns = cols[5].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (patterns.Length == 0) { problems.Add($"line {lineNo}: no patterns"); continue; }
            entries.Add(new OntologyEntry(subType, priority, constraint, cols[3].Trim(), cols[4].Trim(), patterns));
        }
        return new EventOntology(entries, problems);
    }

    private static bool TryParseConstraint(string text, out EventConstraint constraint, out string bad)
    {
        constraint = EventConstraint.None;
        bad = "";
        var t = text.Trim();
        if (t is "" or "-") return true;
        foreach (var part in t.Split('+', StringSplitOptions.TrimEntries))
        {
            EventConstraint c = part switch
            {
                "armed" => EventConstraint.Armed,
                "civilians" => EventConstraint.Civilians,
                "state" => EventConstraint.State,
                "nonstate" => EventConstraint.NonState,
                "protest" => EventConstraint.Protest,
                "force" => EventConstraint.Force,
                "air" => EventConstraint.Air,
                _ => (EventConstraint)(-1),
            };
            if ((int)c < 0) { bad = part; return false; }
            constraint |= c;
        }
        return true;
    }
}
