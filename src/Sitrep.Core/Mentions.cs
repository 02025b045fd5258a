namespace Sitrep.Core;

/// <summary>CoNLL-style named-entity classes.</summary>
public enum EntityType { PER, ORG, LOC, MISC }

/// <summary>A named entity in the text.</summary>
/// <param name="Range">Where it is.</param>
/// <param name="Type">Its class.</param>
/// <param name="Text">Its surface text.</param>
/// <param name="ActorId">The actor it resolves to (<see cref="Actor.Id"/>), when it is one.</param>
public sealed record EntityMention(TextRange Range, EntityType Type, string Text, string? ActorId = null);

/// <summary>A mention that refers to a conflict actor (named, aliased, or generic like "gunmen").</summary>
public sealed record ActorMention(TextRange Range, string Text, Actor Actor);

/// <summary>A time expression and the calendar range it denotes.</summary>
public sealed record TimeMention(TextRange Range, string Text, ResolvedDate Date);

/// <summary>A toponym resolved to a place.</summary>
/// <param name="GeoPrecision">ACLED geo-precision: 1 the town itself, 2 near it or part of a region, 3 the region only.</param>
/// <param name="Reason">Why this place was chosen (population, country context, admin hierarchy...).</param>
public sealed record PlaceMention(TextRange Range, string Text, Place Place, int GeoPrecision, string Reason);

/// <summary>A direct or indirect quote.</summary>
/// <param name="Speaker">Resolved speaker name, or null when not found.</param>
/// <param name="Text">The quoted content.</param>
/// <param name="Range">Where the quoted content is.</param>
/// <param name="SpeakerRange">Where the speaker is named (may be a pronoun resolved to a name earlier).</param>
/// <param name="IsDirect">True for words in quotation marks; false for reported speech ("X said that ...").</param>
public sealed record Quote(string? Speaker, string Text, TextRange Range, TextRange? SpeakerRange = null, bool IsDirect = true);
