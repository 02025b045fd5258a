using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>Filters over stored incidents; every filter given must hold. Null means "any".</summary>
/// <param name="From">Incidents whose date range reaches this day or later.</param>
/// <param name="To">Incidents whose date range starts on this day or earlier.</param>
/// <param name="Country">ISO 3166-1 alpha-2 (any case).</param>
/// <param name="Actor">Case-insensitive substring of actor1 or actor2.</param>
/// <param name="Type">ACLED event type or sub-event type (any case).</param>
/// <param name="Near">Within Km kilometres of (Lat, Lon).</param>
/// <param name="Text">Words that must all occur in the title or text of one of the incident's documents; a trailing
/// '*' makes a word a prefix. Text with no words matches nothing.</param>
/// <param name="Offset">Matches to skip.</param>
/// <param name="Limit">Most matches to return.</param>
public sealed record IncidentQuery(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Country = null,
    string? Actor = null,
    string? Type = null,
    (double Lat, double Lon, double Km)? Near = null,
    string? Text = null,
    int Offset = 0,
    int Limit = 1000)
{
    /// <summary>Only incidents with this grade, when set.</summary>
    public IncidentGrade? Grade { get; init; }

    /// <summary>No filters: every incident, first page.</summary>
    public static IncidentQuery All { get; } = new();
}
