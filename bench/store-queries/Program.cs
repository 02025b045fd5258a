// Latency of the `sitrep events` filters on a large synthetic store, SQLite or PostgreSQL.
// Usage: dotnet run -c Release --project bench/store-queries -- (--db FILE | --pg CONNSTRING) [--incidents N] [--queries Q]
// The store is filled once (N incidents, one document per 4 incidents, deterministic) and reused by later runs.
// Each filter runs Q times with different values; the page asked for is the first 100 matches, as the web API does.
using System.Diagnostics;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Storage;

var options = Args.Parse(args);
using IEventStore store = options.Pg is { } pg ? PostgresStore.Open(pg) : SqliteStore.Open(options.Db ?? "store-queries.db");
var corpus = new Synthetic(options.Incidents);
var counts = store.Counts();
if (counts.Incidents != options.Incidents)
{
    var fill = Stopwatch.StartNew();
    if (counts.Documents < corpus.DocumentCount)
        foreach (var batch in corpus.Documents().Skip((int)counts.Documents).Chunk(2000)) store.SaveDocuments(batch);
    var documents = fill.Elapsed;
    store.ReplaceIncidents(corpus.Incidents());
    Console.WriteLine($"filled: {corpus.DocumentCount:N0} documents in {documents.TotalSeconds:F0} s, " +
                      $"{options.Incidents:N0} incidents in {(fill.Elapsed - documents).TotalSeconds:F0} s");
}

var random = new Random(11);
var filters = new (string Name, Func<IncidentQuery> Query)[]
{
    ("no filter", () => new IncidentQuery()),
    ("--from --to (one month)", () =>
    {
        var from = Synthetic.FirstDay.AddDays(random.Next(Synthetic.Days - 31));
        return new IncidentQuery(From: from, To: from.AddDays(30));
    }),
    ("--country", () => new IncidentQuery(Country: Synthetic.Countries[random.Next(Synthetic.Countries.Length)].Code)),
    ("--actor (substring)", () => new IncidentQuery(Actor: Synthetic.Actors[random.Next(Synthetic.Actors.Length)].Split(' ')[^1])),
    ("--type (sub-event type)", () => new IncidentQuery(Type: Synthetic.SubTypes[random.Next(Synthetic.SubTypes.Length)])),
    ("--type (event type)", () => new IncidentQuery(Type: AcledTaxonomy.EventTypeOf[Synthetic.SubTypes[random.Next(Synthetic.SubTypes.Length)]])),
    ("--near (50 km)", () =>
    {
        var c = Synthetic.Countries[random.Next(Synthetic.Countries.Length)];
        return new IncidentQuery(Near: (c.Lat + random.NextDouble() - 0.5, c.Lon + random.NextDouble() - 0.5, 50));
    }),
    ("--text (one word)", () => new IncidentQuery(Text: Synthetic.Word(random.Next(Synthetic.Vocabulary)))),
    ("--text (two words)", () => new IncidentQuery(Text: Synthetic.Word(random.Next(Synthetic.Vocabulary)) + " " + Synthetic.Word(random.Next(Synthetic.Vocabulary)))),
    ("grade", () => new IncidentQuery { Grade = (IncidentGrade)random.Next(5) }),
    ("--country --type --from --to", () =>
    {
        var from = Synthetic.FirstDay.AddDays(random.Next(Synthetic.Days - 366));
        return new IncidentQuery(From: from, To: from.AddDays(365), Country: Synthetic.Countries[random.Next(Synthetic.Countries.Length)].Code,
            Type: AcledTaxonomy.EventTypeOf[Synthetic.SubTypes[random.Next(Synthetic.SubTypes.Length)]]);
    }),
};

Console.WriteLine($"{(options.Pg is null ? "SQLite" : "PostgreSQL")}, {store.Counts().Incidents:N0} incidents, {options.Queries} queries per filter, " +
                  $"first page of 100; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
// CPU time beside wall time: on a shared, loaded machine the wall time is mostly waiting for a core.
Console.WriteLine($"{"filter",-30} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"rows",6} {"cpu p50",8} {"cpu p99",8}");
var process = Process.GetCurrentProcess();
var worst = 0.0;
foreach (var (name, make) in filters)
{
    store.QueryIncidents(make() with { Limit = 100 }); // warm the cache and the statement
    var times = new List<double>();
    var cpu = new List<double>();
    var rows = 0;
    for (var i = 0; i < options.Queries; i++)
    {
        var q = make() with { Limit = 100 };
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        rows += store.QueryIncidents(q).Count;
        times.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }
    times.Sort();
    cpu.Sort();
    var p99 = times[(int)Math.Ceiling(0.99 * times.Count) - 1];
    worst = Math.Max(worst, p99);
    Console.WriteLine($"{name,-30} {times[times.Count / 2],8:F1} {p99,8:F1} {times[^1],8:F1} {rows / options.Queries,6} " +
                      $"{cpu[cpu.Count / 2],8:F1} {cpu[(int)Math.Ceiling(0.99 * cpu.Count) - 1],8:F1}");
}
Console.WriteLine($"worst p99 = {worst:F1} ms");

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record Args(string? Db, string? Pg, int Incidents, int Queries)
{
    public static Args Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Args(Value("--db"), Value("--pg"),
            int.Parse(Value("--incidents") ?? "1000000", CultureInfo.InvariantCulture),
            int.Parse(Value("--queries") ?? "100", CultureInfo.InvariantCulture));
    }
}

/// <summary>A deterministic synthetic store: incident i and document d are functions of their number only.</summary>
internal sealed class Synthetic(int incidents)
{
    public static readonly DateOnly FirstDay = new(2014, 1, 1);
    public const int Days = 3650;
    public const int Vocabulary = 5000;

    public static readonly (string Code, string Name, double Lat, double Lon)[] Countries =
    [
        ("SY", "Aleppo", 36.2, 37.16), ("IQ", "Mosul", 36.34, 43.13), ("YE", "Taiz", 13.58, 44.02), ("AF", "Kandahar", 31.61, 65.71),
        ("SO", "Mogadishu", 2.04, 45.34), ("NG", "Maiduguri", 11.85, 13.16), ("ML", "Gao", 16.27, -0.04), ("UA", "Donetsk", 48.0, 37.8),
        ("PS", "Gaza", 31.5, 34.47), ("LY", "Sirte", 31.21, 16.59), ("SD", "El Fasher", 13.63, 25.35), ("MM", "Myitkyina", 25.38, 97.4),
    ];

    public static readonly string[] Actors = [.. Enumerable.Range(0, 60).Select(i => $"Armed Group {Word(i * 7 + 3)}")];

    public static readonly string[] SubTypes = [.. AcledTaxonomy.EventTypeOf.Keys];

    public int DocumentCount { get; } = Math.Max(1, incidents / 4);

    /// <summary>A made-up word, the same for the same number.</summary>
    public static string Word(int n)
    {
        const string letters = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var x = (uint)(n * 2654435761u % 1_000_003u);
        return string.Concat(letters[(int)(x % 16)], vowels[(int)(x / 16 % 5)], letters[(int)(x / 80 % 16)], vowels[(int)(x / 1280 % 5)],
            letters[(int)(x / 6400 % 16)]) + n.ToString(CultureInfo.InvariantCulture);
    }

    public IEnumerable<DocumentToStore> Documents()
    {
        for (var d = 0; d < DocumentCount; d++)
        {
            var random = new Random(d);
            // Word frequencies follow a rough Zipf law, as in real text.
            var words = Enumerable.Range(0, 80).Select(_ => Word((int)(Vocabulary * Math.Pow(random.NextDouble(), 3))));
            var meta = new DocumentMeta($"doc-{d}", $"synthetic/{d}.txt")
            {
                Title = $"Report {Word(random.Next(Vocabulary))}", Source = $"Outlet {d % 50}", Url = $"https://example.org/{d}",
                ContentHash = $"synthetic-{d}",
            };
            yield return new DocumentToStore(new Document { Meta = meta, Text = string.Join(' ', words) + "." });
        }
    }

    public IReadOnlyList<Incident> Incidents() => new Generated(incidents, Incident);

    private Incident Incident(int i)
    {
        var random = new Random(i);
        var (code, name, lat, lon) = Countries[random.Next(Countries.Length)];
        var day = FirstDay.AddDays(random.Next(Days));
        var killed = random.Next(20);
        var e = new ConflictEvent
        {
            SubEventType = SubTypes[random.Next(SubTypes.Length)],
            Trigger = new TextRange(0, 5),
            Date = ResolvedDate.Day(day, "synthetic"),
            Actor1 = Actors[random.Next(Actors.Length)],
            Actor2 = random.Next(3) == 0 ? null : Actors[random.Next(Actors.Length)],
            Place = new Place(name, new GeoPoint(lat + random.NextDouble() * 2 - 1, lon + random.NextDouble() * 2 - 1), code, name,
                PlaceKind.PopulatedPlace, 1000, i),
            GeoPrecision = 1,
            FatalitiesMin = killed,
            FatalitiesMax = killed + random.Next(3),
        };
        var sources = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(DocumentCount)).Distinct()
            .Select(d => new IncidentSource($"doc-{d}", $"Outlet {d % 50}", $"https://example.org/{d}")).ToList();
        return new Incident
        {
            IncidentId = $"inc-{i:D8}",
            Event = e,
            Sources = sources,
            SourceCount = sources.Count,
            Grade = (IncidentGrade)random.Next(5),
            GradeReason = "synthetic",
            FatalitiesMin = e.FatalitiesMin,
            FatalitiesMax = e.FatalitiesMax,
        };
    }

    /// <summary>A list whose items are made when read, so a million incidents never sit in memory at once.</summary>
    private sealed class Generated(int count, Func<int, Incident> make) : IReadOnlyList<Incident>
    {
        public Incident this[int index] => make(index);
        public int Count => count;
        public IEnumerator<Incident> GetEnumerator()
        {
            for (var i = 0; i < count; i++) yield return make(i);
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
