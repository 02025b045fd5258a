using Sitrep.Core;

namespace Sitrep.Places;

/// <summary>
/// The Places stage: finds toponyms (LOC entities when present, plus gazetteer matching over capitalised words)
/// and resolves each to one gazetteer place with an ACLED geo-precision and a reason.
/// </summary>
public sealed class PlaceAnnotator : IDocumentAnnotator
{
    private readonly ToponymDetector _detector;
    private readonly PlaceResolver _resolver;
    private readonly Gazetteer _gazetteer;
    private readonly bool _keepContainers;

    /// <summary>
    /// An annotator over <paramref name="gazetteer"/> (the embedded default when null). With
    /// <paramref name="keepContainers"/> false (the pipeline's choice), an area that only says where the toponym
    /// before it lies ("Douma, in rural Damascus") is not reported as a place of its own, so events attach to the
    /// town; toponym-detection scoring wants it kept.
    /// </summary>
    public PlaceAnnotator(Gazetteer? gazetteer = null, bool keepContainers = false)
    {
        _gazetteer = gazetteer ?? Gazetteer.LoadDefault();
        _keepContainers = keepContainers;
        _detector = new ToponymDetector(_gazetteer);
        _resolver = new PlaceResolver(_gazetteer);
    }

    /// <inheritdoc />
    public string Name => "places";
    /// <inheritdoc />
    public IReadOnlyList<string> Reads { get; } = [Layers.Tokens, Layers.Sentences];
    /// <inheritdoc />
    public IReadOnlyList<string> Writes { get; } = [Layers.Places];

    /// <summary>The gazetteer this annotator resolves against.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    /// <inheritdoc />
    public Document Annotate(Document document) => document with { Places = FindPlaces(document) };

    /// <summary>Detects and resolves the toponyms of <paramref name="document"/>, in text order.</summary>
    public IReadOnlyList<PlaceMention> FindPlaces(Document document)
    {
        var (toponyms, demonyms) = _detector.Detect(document);
        var resolved = _resolver.Resolve(document, toponyms, demonyms, keepAll: false, dropContainers: !_keepContainers);
        var result = new List<PlaceMention>(resolved.Length);
        foreach (var m in resolved) if (m is not null) result.Add(m);
        return result;
    }

    /// <summary>
    /// Resolves given toponym spans (e.g. gold spans) using the whole document as context; an entry is null when
    /// the span's text is not in the gazetteer.
    /// </summary>
    public IReadOnlyList<PlaceMention?> ResolveSpans(Document document, IReadOnlyList<TextRange> spans)
    {
        var (detected, demonyms) = _detector.Detect(document);
        var given = new List<Toponym>(spans.Count);
        var index = new int[spans.Count];
        for (var s = 0; s < spans.Count; s++)
        {
            var hits = new List<int>();
            var text = document.Text.AsSpan(spans[s].Start, spans[s].Length);
            // A demonym given as a toponym ("Canadian") means its country, not a town of that name.
            if (_gazetteer.CountryOfDemonym(text) is { } cc && _gazetteer.CountryEntry(cc) is var ce and >= 0) hits.Add(ce);
            else _gazetteer.LookupEntries(text, hits);
            index[s] = -1;
            if (hits.Count == 0) continue;
            var first = document.TokenIndexAt(spans[s].Start);
            var end = Math.Max(first + 1, document.TokenIndexAt(Math.Max(spans[s].Start, spans[s].End - 1)) + 1);
            index[s] = given.Count;
            given.Add(new Toponym(first, Math.Min(end, document.TokenCount), spans[s], true, hits));
        }
        // Detected toponyms that no given span covers still give context.
        var all = new List<Toponym>(given);
        foreach (var d in detected)
        {
            var covered = false;
            foreach (var g in given) if (g.Range.Overlaps(d.Range)) { covered = true; break; }
            if (!covered) all.Add(d);
        }
        var order = new int[all.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => all[a].Range.Start.CompareTo(all[b].Range.Start));
        var sorted = new List<Toponym>(all.Count);
        var position = new int[all.Count];
        for (var i = 0; i < order.Length; i++) { position[order[i]] = i; sorted.Add(all[order[i]]); }
        var resolved = _resolver.Resolve(document, sorted, demonyms, keepAll: true, dropContainers: false);
        var result = new PlaceMention?[spans.Count];
        for (var s = 0; s < spans.Count; s++)
            if (index[s] >= 0) result[s] = resolved[position[index[s]]];
        return result;
    }
}
