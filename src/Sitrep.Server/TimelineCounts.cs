namespace Sitrep.Server;

/// <summary>
/// The timeline's bars for a view, as paint.js's <c>countTimeline</c> counts them: dated incidents per bucket (a day,
/// or a week from Monday when the span of days exceeds <see cref="MapStyle.MaxDayBuckets"/>) and event type, counting
/// only placed incidents inside the view's bounds (unplaced ones always count). The buckets span every dated incident.
/// </summary>
/// <param name="Weekly">Whether a bucket is a week (else a day).</param>
/// <param name="First">Number of the first bucket: bucket b starts on day b × 7 − 3 when weekly, on day b otherwise.</param>
/// <param name="Counts">Incidents per bucket and type: <c>Counts[bucket * types + type]</c>, types in <see cref="MapStyle.EventTypes"/> order.</param>
/// <param name="Shown">Incidents counted.</param>
public sealed record TimelineCounts(bool Weekly, int First, int[] Counts, int Shown)
{
    /// <summary>Number of buckets.</summary>
    public int Buckets => Counts.Length / MapStyle.EventTypes.Count;

    /// <summary>The counts of <paramref name="d"/> inside <paramref name="view"/>; null when no incident is dated.</summary>
    public static TimelineCounts? Of(MapPoints d, MapView view)
    {
        if (d.Days is not { } days) return null;
        var (south, west, north, east) = view.Bounds;
        var weekly = days.Last - days.First + 1 > MapStyle.MaxDayBuckets;
        // Floor division as the page does it (in doubles): days before 1970 are negative.
        int length = weekly ? 7 : 1, shift = weekly ? 3 : 0, types = MapStyle.EventTypes.Count;
        int BucketOf(int day) => (int)Math.Floor((day + shift) / (double)length);
        var first = BucketOf(days.First);
        var counts = new int[(BucketOf(days.Last) - first + 1) * types];
        var shown = 0;
        var (day, placed, lat, lon, typeOf) = (d.Day, d.Placed, d.Latitude, d.Longitude, d.TypeOf);
        for (var i = 0; i < d.Count; i++)
        {
            if (day[i] == MapPoints.NoDay) continue;
            if (placed[i] && (lat[i] < south || lat[i] > north || lon[i] < west || lon[i] > east)) continue;
            counts[(BucketOf(day[i]) - first) * types + typeOf[i]]++;
            shown++;
        }
        return new TimelineCounts(weekly, first, counts, shown);
    }
}
