using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Server.Tests;

/// <summary>
/// The requests an in-process server answered, each with when it began and how long it took, from ASP.NET Core's
/// diagnostic events: a speed test prints them beside a slow load, to tell the server's time from the browser's.
/// </summary>
public sealed class RequestLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<(long Began, double Ms, string Request)> _done = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public RequestLog() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>The requests that ended since <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp), in order.</summary>
    public IEnumerable<string> Since(long since) =>
        _done.Where(r => r.Began >= since).OrderBy(r => r.Began)
            .Select(r => $"{r.Request} at +{Stopwatch.GetElapsedTime(since, r.Began).TotalMilliseconds:0} took {r.Ms:0} ms");

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.AspNetCore")
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Value is not HttpContext c) return;
        if (e.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start") c.Items[this] = Stopwatch.GetTimestamp();
        else if (e.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Stop" && c.Items[this] is long began)
            _done.Enqueue((began, Stopwatch.GetElapsedTime(began).TotalMilliseconds, c.Request.Path + c.Request.QueryString));
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
