using Sitrep.Core;
using Sitrep.Incidents;

namespace Sitrep.Pipeline;

/// <summary>
/// Finds syndicated copies and re-posts across ingest runs: seeded with the fingerprints already stored, it tells for
/// each new document which stored document it copies (if any) and the fingerprint to store with it.
/// </summary>
public sealed class DuplicateTracker
{
    private readonly NearDuplicateDetector _detector = new();

    /// <summary>Registers documents stored by earlier runs (id, stored fingerprint, stored copy link).</summary>
    public void Seed(IEnumerable<(string DocumentId, byte[] Fingerprint, string? DuplicateOf)> stored)
    {
        foreach (var (id, bytes, duplicateOf) in stored)
            if (NearDuplicateDetector.FromBytes(bytes) is { } signature) _detector.Register(id, signature, duplicateOf);
    }

    /// <summary>The original <paramref name="document"/> copies (null when none) and its fingerprint for storage.</summary>
    public (string? DuplicateOf, byte[]? Fingerprint) Check(Document document)
    {
        var signature = _detector.Signature(document.Text);
        var duplicateOf = _detector.FindDuplicateOf(document.Meta.Id, signature);
        return (duplicateOf, signature is null ? null : NearDuplicateDetector.ToBytes(signature));
    }

    /// <summary>The fingerprint of <paramref name="document"/> for storage (null when it has no words), registering nothing.</summary>
    public byte[]? Fingerprint(Document document) =>
        _detector.Signature(document.Text) is { } signature ? NearDuplicateDetector.ToBytes(signature) : null;

    /// <summary>
    /// Copy links recomputed from stored fingerprints, in the given order, as one run reading the documents in that
    /// order would have found them: document id → the original it copies, or null for an original. For stores that
    /// several workers fill side by side, each unaware of what the others just stored.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Relink(IEnumerable<(string DocumentId, byte[] Fingerprint, string? DuplicateOf)> stored)
    {
        var detector = new NearDuplicateDetector();
        var links = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (id, bytes, _) in stored)
            if (NearDuplicateDetector.FromBytes(bytes) is { } signature) links[id] = detector.FindDuplicateOf(id, signature);
        return links;
    }
}
