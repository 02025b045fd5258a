namespace Sitrep.Core;

/// <summary>Whether a reported event took place. Only <see cref="Asserted"/> and <see cref="Claimed"/> are events.</summary>
public enum Modality
{
    /// <summary>Reported as having happened.</summary>
    Asserted,
    /// <summary>Only a party to the conflict says it happened, and nobody contradicts that.</summary>
    Claimed,
    /// <summary>Said to have happened, and that it happened at all is denied.</summary>
    Denied,
    /// <summary>Intended or being prepared ("are planning to launch").</summary>
    Planned,
    /// <summary>Threatened or vowed ("vowed to take revenge").</summary>
    Threatened,
    /// <summary>Conditional, possible or negated ("could", "no strikes were launched").</summary>
    Hypothetical,
}

/// <summary>Helpers for <see cref="Modality"/>.</summary>
public static class ModalityExtensions
{
    /// <summary>True for the modalities that count as events in output, exports and counts.</summary>
    public static bool IsCounted(this Modality modality) => modality is Modality.Asserted or Modality.Claimed;

    /// <summary>The contract's lower-case name.</summary>
    public static string ToContractName(this Modality modality) => modality.ToString().ToLowerInvariant();
}
