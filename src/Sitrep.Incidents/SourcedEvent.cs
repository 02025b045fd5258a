using Sitrep.Core;

namespace Sitrep.Incidents;

/// <summary>An event together with the document that reported it: the unit the incident builder clusters.</summary>
/// <param name="Document">Metadata of the reporting document (id, outlet, URL, title).</param>
/// <param name="Event">The event as coded from that document.</param>
public sealed record SourcedEvent(DocumentMeta Document, ConflictEvent Event);
