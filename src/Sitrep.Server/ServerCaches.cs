namespace Sitrep.Server;

/// <summary>
/// What the server keeps per store version (given <see cref="ServerOptions.StoreVersion"/>): whole answers, the map's
/// columns with the listing index, listing totals the store counted, incident bodies and source documents.
/// </summary>
/// <param name="Responses">Whole GET answers by path and query.</param>
/// <param name="Points">The map's columns and the listing index.</param>
/// <param name="Counts">Totals of listings the store answered (text and distance filters).</param>
/// <param name="Incidents">Each incident's contract JSON.</param>
/// <param name="Documents">Source documents of incident pages.</param>
public sealed record ServerCaches(
    ResponseCache Responses, PointsCache Points, CountCache Counts, IncidentBodies Incidents, DocumentCache Documents)
{
    /// <summary>The last few first views drawn (<c>/api/first-view</c>), from <see cref="Points"/>.</summary>
    public FirstViewCache FirstViews { get; } = new(Points);

    /// <summary>
    /// Forgets every answer, first view, incident body and document kept so far (the columns and index stay): after the
    /// warm-up, so clients find compiled code, not answers made for them in advance. (The warm-up then reads the newest
    /// incidents' bodies back in with <see cref="IncidentBodies.Preload"/>: data, not answers.)
    /// </summary>
    public void ForgetAnswers()
    {
        Responses.Clear();
        Incidents.Clear();
        Documents.Clear();
        FirstViews.Clear();
    }
}
