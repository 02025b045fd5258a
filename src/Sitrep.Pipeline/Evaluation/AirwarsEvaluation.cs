using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Core;
using Sitrep.Incidents;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>Airwars' own record of one incident, as scraped into airwars_incidence.csv.</summary>
/// <param name="Id">Incident code (ispt0019).</param>
/// <param name="Date">Incident date, when the row gives one.</param>
/// <param name="Killed">Civilians reported killed (min, max); null when "Unknown".</param>
/// <param name="Injured">Civilians reported injured (min, max); null when not given.</param>
/// <param name="Grade">Airwars civilian-harm grading (Fair, Weak, Contested, Confirmed, Discounted).</param>
/// <param name="Point">Geolocation, when the row has one.</param>
/// <param name="Belligerents">Known or suspected belligerents.</param>
/// <param name="StrikeType">Airwars strike type ("Airstrike", "Airstrike and/or Artillery", ...).</param>
public sealed record AirwarsIncident(string Id, DateOnly? Date, (int Min, int Max)? Killed, (int Min, int Max)? Injured,
    string Grade, GeoPoint? Point, IReadOnlyList<string> Belligerents, string StrikeType);

/// <summary>What Sitrep made of one Airwars incident page, next to Airwars' record of it.</summary>
/// <param name="Gold">Airwars' record.</param>
/// <param name="Incidents">Incidents Sitrep built from the page's counted events (ideally one).</param>
/// <param name="Primary">The incident of the page's first counted event: the lead sentence states the incident.</param>
/// <param name="Grade">Sitrep's grade of the page's reports, given the number of sources the page lists.</param>
/// <param name="ListedSources">Number of sources the page lists ("Sources (7)"), 1 when it lists none.</param>
public sealed record AirwarsPageResult(AirwarsIncident Gold, int Incidents, Incident? Primary, IncidentGrade? Grade, int ListedSources);

/// <summary>Agreement of Sitrep with Airwars over the incident pages.</summary>
public sealed record AirwarsScore(IReadOnlyList<AirwarsPageResult> Pages, IReadOnlyList<(string Id, string Reason)> Failures)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Pages where Sitrep found at least one counted (asserted or claimed) event.</summary>
    public int Detected => Pages.Count(p => p.Primary is not null);

    /// <summary>Incidents per page with an event: 1.0 is ideal, more means one incident split into several.</summary>
    public double IncidentsPerPage => Detected == 0 ? 0 : Pages.Where(p => p.Primary is not null).Average(p => p.Incidents);

    /// <summary>Share of pages whose grade equals Airwars' grade (pages without an event count as disagreement).</summary>
    public double GradeAgreement => Share(Pages, p => p.Grade is { } g && Same(g, p.Gold.Grade));

    /// <summary>Share of pages Airwars grades with its most common grade: the score of always guessing it.</summary>
    public double GradeMajorityBaseline =>
        Pages.Count == 0 ? 0 : Pages.GroupBy(p => p.Gold.Grade).Max(g => g.Count()) / (double)Pages.Count;

    /// <summary>Pages with a numeric killed figure whose primary incident's fatality range overlaps it.</summary>
    public double KilledOverlap => Share(WithKilled, p => Overlaps(p.Primary?.FatalitiesMin, p.Primary?.FatalitiesMax, p.Gold.Killed!.Value));

    /// <summary>Pages with a numeric killed figure whose best (lowest) fatality figure lies in Airwars' range.</summary>
    public double KilledExact => Share(WithKilled, p => p.Primary?.FatalitiesMin is { } f && f >= p.Gold.Killed!.Value.Min && f <= p.Gold.Killed.Value.Max);

    /// <summary>Pages with an injured figure whose primary incident's injured range overlaps it.</summary>
    public double InjuredOverlap => Share(WithInjured, p => Overlaps(p.Primary?.InjuredMin, p.Primary?.InjuredMax, p.Gold.Injured!.Value));

    /// <summary>Pages with an incident date whose primary incident's date range contains it.</summary>
    public double DateAccuracy => Share(Pages.Where(p => p.Gold.Date is not null).ToList(), p =>
        p.Primary?.Event.Date is { Start: { } s, End: { } e } && s <= p.Gold.Date!.Value && p.Gold.Date.Value <= e);

    /// <summary>Pages with coordinates whose primary incident lies within <paramref name="km"/> of them.</summary>
    public double PlaceWithin(double km) => Share(WithPoint, p => ErrorKm(p) is { } d && d <= km);

    /// <summary>Median distance in km over the pages with coordinates that Sitrep located.</summary>
    public double? MedianPlaceErrorKm
    {
        get
        {
            var errors = WithPoint.Select(ErrorKm).OfType<double>().Order().ToList();
            return errors.Count == 0 ? null : errors[errors.Count / 2];
        }
    }

    /// <summary>Pages with one belligerent named by Airwars whose primary incident's actor1 is that belligerent.</summary>
    public double Actor1Accuracy => Share(Pages.Where(p => p.Gold.Belligerents.Count == 1).ToList(),
        p => p.Primary?.Event.Actor1 is { } a && AirwarsEvaluation.IsBelligerent(a, p.Gold.Belligerents[0]));

    /// <summary>Pages whose primary incident has a sub-type Airwars' strike type allows.</summary>
    public double TypeAccuracy => Share(Pages.Where(p => AirwarsEvaluation.AllowedSubTypes(p.Gold.StrikeType).Count > 0).ToList(),
        p => p.Primary is { } i && AirwarsEvaluation.AllowedSubTypes(p.Gold.StrikeType).Contains(i.Event.SubEventType));

    /// <summary>Airwars grade → Sitrep grade → pages.</summary>
    public IReadOnlyDictionary<(string Airwars, string Sitrep), int> GradeConfusion =>
        Pages.GroupBy(p => (p.Gold.Grade, p.Grade?.ToString() ?? "no event")).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The report lines; the last is <c>metric=value ...</c>.</summary>
    public IEnumerable<string> Report()
    {
        foreach (var (id, reason) in Failures) yield return $"failed {id}: {reason}";
        foreach (var ((airwars, sitrep), n) in GradeConfusion.OrderBy(kv => kv.Key.Airwars, StringComparer.Ordinal).ThenBy(kv => kv.Key.Sitrep, StringComparer.Ordinal))
            yield return string.Format(Inv, "grade airwars={0,-10} sitrep={1,-10} pages={2}", airwars, sitrep, n);
        yield return string.Format(Inv, "pages={0} detected={1} incidents_per_page={2:0.00} killed_pages={3} injured_pages={4} located_pages={5} median_place_error_km={6}",
            Pages.Count, Detected, IncidentsPerPage, WithKilled.Count, WithInjured.Count, WithPoint.Count,
            MedianPlaceErrorKm is { } m ? m.ToString("0.0", Inv) : "n/a");
        yield return string.Format(Inv,
            "grade_agreement={0:0.000} grade_majority_baseline={1:0.000} killed_exact={2:0.000} killed_overlap={3:0.000} injured_overlap={4:0.000} date_accuracy={5:0.000} place_within_10km={6:0.000} place_within_25km={7:0.000} actor1_accuracy={8:0.000} type_accuracy={9:0.000} detected={10:0.000}",
            GradeAgreement, GradeMajorityBaseline, KilledExact, KilledOverlap, InjuredOverlap, DateAccuracy,
            PlaceWithin(10), PlaceWithin(25), Actor1Accuracy, TypeAccuracy, Share(Pages, p => p.Primary is not null));
    }

    private List<AirwarsPageResult> WithKilled => Pages.Where(p => p.Gold.Killed is not null).ToList();
    private List<AirwarsPageResult> WithInjured => Pages.Where(p => p.Gold.Injured is not null).ToList();
    private List<AirwarsPageResult> WithPoint => Pages.Where(p => p.Gold.Point is not null).ToList();

    private static double? ErrorKm(AirwarsPageResult p) =>
        p.Primary?.Event.Place is { } place && p.Gold.Point is { } gold ? place.Point.DistanceKm(gold) : null;

    private static bool Same(IncidentGrade grade, string airwars) =>
        string.Equals(grade.ToString(), airwars.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Overlaps(int? min, int? max, (int Min, int Max) gold) =>
        min is { } lo && (max ?? lo) >= gold.Min && lo <= gold.Max;

    private static double Share(IReadOnlyCollection<AirwarsPageResult> pages, Func<AirwarsPageResult, bool> hit) =>
        pages.Count == 0 ? 0 : pages.Count(hit) / (double)pages.Count;
}

/// <summary>
/// <c>sitrep eval incidents --airwars DIR</c>: every Airwars incident page (html/ID.html.gz) that has a row in
/// airwars_incidence.csv goes through the whole pipeline as a scraped page would; the page's counted events become
/// incidents and are graded with the number of sources the page lists, then compared with Airwars' grade, civilian
/// killed/injured figures, date, coordinates, belligerent and strike type.
/// </summary>
public static class AirwarsEvaluation
{
    private static readonly Regex ListedSources = new(@"\bSources\s*\((\d{1,4})\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Airwars belligerent names → words that Sitrep's actor names for that side contain.
    private static readonly IReadOnlyDictionary<string, string[]> BelligerentWords = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Israeli Military"] = ["Israel"],
        ["Palestinian Militants"] = ["Hamas", "Palestin", "Islamic Jihad", "Qassam", "Quds Brigades"],
        ["Russian Military"] = ["Russia"],
        ["Coalition"] = ["Coalition"],
        ["US Forces"] = ["United States"],
    };

    /// <summary>Reads airwars_incidence.csv: one incident per row, unparseable fields left null.</summary>
    public static IReadOnlyList<AirwarsIncident> ReadIncidents(TextReader csv)
    {
        var rows = Csv.Read(csv).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0];
        int Col(string name)
        {
            var i = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            return i;
        }
        int id = Col("Incidence_id"), date = Col("Incidence_date"), killed = Col("Civilians reported killed"),
            injured = Col("Civilians reported injured"), grade = Col("Airwars civilian harm grading"), lat = Col("lat"),
            lon = Col("long"), suspected = Col("Suspected belligerent"), suspectedMany = Col("Suspected belligerents"),
            known = Col("Known belligerent"), strike = Col("Strike type");
        if (id < 0 || grade < 0) throw new InvalidDataException("airwars_incidence.csv: no Incidence_id or grading column");
        string Field(List<string> row, int i) => i >= 0 && i < row.Count ? row[i].Trim() : "";

        var incidents = new List<AirwarsIncident>();
        foreach (var row in rows.Skip(1))
        {
            if (Field(row, id).Length == 0) continue;
            var belligerents = new List<string>();
            foreach (var col in (ReadOnlySpan<int>)[known, suspected, suspectedMany])
                foreach (var name in Field(row, col).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    if (!IsMissing(name) && !belligerents.Contains(name, StringComparer.OrdinalIgnoreCase)) belligerents.Add(name);
            GeoPoint? point = double.TryParse(Field(row, lat), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) &&
                              double.TryParse(Field(row, lon), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                ? new GeoPoint(la, lo) : null;
            incidents.Add(new AirwarsIncident(Field(row, id), ParseDate(Field(row, date)), ParseRange(Field(row, killed)),
                ParseRange(Field(row, injured)), Field(row, grade), point, belligerents, Field(row, strike)));
        }
        return incidents;
    }

    /// <summary>
    /// Runs every page with a CSV row through <paramref name="process"/> (page path → annotated document, or an
    /// exception with the reason) and compares the result with Airwars' record.
    /// </summary>
    public static AirwarsScore Evaluate(string dir, Func<string, Document> process)
    {
        var csvPath = Path.Combine(dir, "airwars_incidence.csv");
        if (!File.Exists(csvPath)) throw new FileNotFoundException($"no airwars_incidence.csv in {dir}", csvPath);
        IReadOnlyList<AirwarsIncident> gold;
        using (var reader = new StreamReader(csvPath, Encoding.UTF8)) gold = ReadIncidents(reader);

        var builder = new IncidentBuilder();
        var pages = new List<AirwarsPageResult>();
        var failures = new List<(string, string)>();
        foreach (var incident in gold)
        {
            var page = FindPage(dir, incident.Id);
            if (page is null) continue; // The CSV covers more incidents than the pages kept in this extract.
            Document document;
            try { document = process(page); }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                failures.Add((incident.Id, ex.Message));
                continue;
            }
            pages.Add(Compare(incident, document, CountListedSources(page), builder));
        }
        return new AirwarsScore(pages, failures);
    }

    /// <summary>Sitrep's incidents and grade for one annotated Airwars page, next to Airwars' record.</summary>
    public static AirwarsPageResult Compare(AirwarsIncident gold, Document document, int sources, IncidentBuilder builder)
    {
        var reports = document.Events.Where(e => e.Modality.IsCounted())
            .Select(e => new SourcedEvent(document.Meta, e)).ToList();
        if (reports.Count == 0) return new AirwarsPageResult(gold, 0, null, null, sources);

        var incidents = builder.Build(reports);
        var first = reports.MinBy(r => r.Event.Trigger.Start)!.Event;
        // The incident the lead event went into: the one whose merged event spans it, else the earliest in the text.
        var primary = incidents.FirstOrDefault(i => i.Event.Evidence.Any(r => r.Start <= first.Trigger.Start && first.Trigger.End <= r.End))
                      ?? incidents.MinBy(i => i.Event.Trigger.Start)!;
        var (grade, _) = builder.GradeOf(reports, Math.Max(1, sources));
        return new AirwarsPageResult(gold, incidents.Count, primary, grade, sources);
    }

    /// <summary>True when a Sitrep actor name stands for the Airwars belligerent.</summary>
    public static bool IsBelligerent(string actor, string airwarsBelligerent) =>
        BelligerentWords.TryGetValue(airwarsBelligerent, out var words)
            ? words.Any(w => actor.Contains(w, StringComparison.OrdinalIgnoreCase))
            : actor.Contains(airwarsBelligerent, StringComparison.OrdinalIgnoreCase);

    /// <summary>ACLED sub-types that code an Airwars strike type; empty when the strike type says nothing.</summary>
    public static IReadOnlySet<string> AllowedSubTypes(string strikeType)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (strikeType.Contains("Airstrike", StringComparison.OrdinalIgnoreCase) || strikeType.Contains("Drone", StringComparison.OrdinalIgnoreCase))
            allowed.Add("Air/drone strike");
        if (strikeType.Contains("Artillery", StringComparison.OrdinalIgnoreCase))
            allowed.Add("Shelling/artillery/missile attack");
        if (strikeType.Contains("Ground operation", StringComparison.OrdinalIgnoreCase))
            allowed.UnionWith(["Armed clash", "Attack"]);
        return allowed;
    }

    /// <summary>
    /// The number in the page's "Sources (N)" heading, read from the raw HTML because the article text may leave the
    /// source list out as furniture; 1 when the page has none.
    /// </summary>
    internal static int CountListedSources(string pagePath)
    {
        using var file = File.OpenRead(pagePath);
        using var stream = pagePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var html = reader.ReadToEnd();
        return ListedSources.Match(html) is { Success: true } m ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 1;
    }

    private static string? FindPage(string dir, string id)
    {
        foreach (var name in (ReadOnlySpan<string>)[id + ".html.gz", id + ".html"])
        {
            var path = Path.Combine(dir, "html", name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private static bool IsMissing(string value) =>
        value.Length == 0 || value.Equals("NA", StringComparison.OrdinalIgnoreCase) || value.Equals("Unknown", StringComparison.OrdinalIgnoreCase);

    /// <summary>"october-7-2023" → 2023-10-07.</summary>
    internal static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, ["MMMM-d-yyyy", "MMMM-dd-yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;

    /// <summary>"4" → (4, 4); "12–24" or "12-24" → (12, 24); "Unknown", "NA" → null.</summary>
    internal static (int Min, int Max)? ParseRange(string value)
    {
        if (IsMissing(value)) return null;
        var parts = value.Split(['–', '-', '—'], 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)) return null;
        if (parts.Length == 1) return (min, min);
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= min ? (min, max) : null;
    }
}

/// <summary>RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class Csv
{
    /// <summary>Rows of fields, header included.</summary>
    public static IEnumerable<List<string>> Read(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch != '"') { field.Append(ch); continue; }
                if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else quoted = false;
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    yield return row;
                    row = [];
                    any = false;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (any)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
