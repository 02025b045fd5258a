namespace Sitrep.Ingest;

/// <summary>Options for <see cref="InputReader"/>.</summary>
/// <param name="DefaultPublished">Publication date to fall back on (--published); copied to every document.</param>
/// <param name="OpenStdin">Opens standard input for the "-" input; defaults to the console's stdin.</param>
public sealed record InputOptions(DateOnly? DefaultPublished = null, Func<Stream>? OpenStdin = null);
