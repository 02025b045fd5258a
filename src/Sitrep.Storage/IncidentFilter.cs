using System.Text;
using static Sitrep.Storage.StoredRows;

namespace Sitrep.Storage;

/// <summary>
/// The SQL of an incident query — WHERE conditions, their parameters and the listing order — built once for both
/// stores. Parameters appear as <c>@name</c> in the SQL, which SQLite and PostgreSQL both accept; only the full-text
/// condition differs by store and is given by it.
/// </summary>
/// <param name="Conditions">The conditions, joined by AND.</param>
/// <param name="Parameters">Parameter names (without '@') and values.</param>
internal sealed record IncidentFilter(IReadOnlyList<string> Conditions, IReadOnlyList<(string Name, object Value)> Parameters)
{
    /// <summary>
    /// The filter of <paramref name="q"/>; null when its text search can match nothing. <paramref name="maxSpanDays"/>
    /// is asked only for a start date; <paramref name="textMatch"/> turns the search text into the store's match
    /// expression (null when nothing can match) and <paramref name="textCondition"/> is the condition using @match.
    /// </summary>
    public static IncidentFilter? Of(IncidentQuery q, Func<long> maxSpanDays, Func<string, string?> textMatch, string textCondition)
    {
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        if (q.From is { } from)
        {
            where.Add("i.event_date_end >= @from AND i.event_date >= @earliest");
            parameters.Add(("from", Iso(from)!));
            parameters.Add(("earliest", EarliestStart(from, maxSpanDays())));
        }
        if (q.To is { } to)
        {
            where.Add("i.event_date <= @to");
            parameters.Add(("to", Iso(to)!));
        }
        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            where.Add("i.country = @country");
            parameters.Add(("country", q.Country.Trim().ToUpperInvariant()));
        }
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            where.Add("(LOWER(i.actor1) LIKE @actor ESCAPE '\\' OR LOWER(i.actor2) LIKE @actor ESCAPE '\\')");
            parameters.Add(("actor", "%" + EscapeLike(q.Actor.Trim().ToLowerInvariant()) + "%"));
        }
        if (!string.IsNullOrWhiteSpace(q.Type))
        {
            where.Add("(LOWER(i.event_type) = @type OR LOWER(i.sub_event_type) = @type)");
            parameters.Add(("type", q.Type.Trim().ToLowerInvariant()));
        }
        if (q.Grade is { } grade)
        {
            where.Add("i.grade = @grade");
            parameters.Add(("grade", grade.ToString()));
        }
        if (q.Near is { } near)
        {
            var (latMin, latMax, lon) = Box(near);
            where.Add("i.latitude BETWEEN @latMin AND @latMax");
            parameters.Add(("latMin", latMin));
            parameters.Add(("latMax", latMax));
            if (lon is { } band)
            {
                where.Add("i.longitude BETWEEN @lonMin AND @lonMax");
                parameters.Add(("lonMin", band.Min));
                parameters.Add(("lonMax", band.Max));
            }
        }
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            if (textMatch(q.Text) is not { } match) return null;
            where.Add(textCondition);
            parameters.Add(("match", match));
        }
        return new IncidentFilter(where, parameters);
    }

    /// <summary><paramref name="select"/> with the conditions and, when <paramref name="ordered"/>, the listing order.</summary>
    public string Sql(string select, IncidentQuery q, bool ordered)
    {
        var sb = new StringBuilder(select);
        if (Conditions.Count > 0) sb.Append(" WHERE ").AppendJoin(" AND ", Conditions);
        if (ordered) sb.Append(IncidentOrder(q));
        return sb.ToString();
    }
}
