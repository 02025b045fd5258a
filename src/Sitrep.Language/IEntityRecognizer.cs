using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>Finds named entities in a tokenized, sentence-split document; rule-based now, a trained model later.</summary>
public interface IEntityRecognizer
{
    /// <summary>Entities in document order, non-overlapping, each within one sentence.</summary>
    IReadOnlyList<EntityMention> Recognize(Document document);
}
