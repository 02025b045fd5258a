using System.Runtime.CompilerServices;

namespace Sitrep.Language;

/// <summary>
/// A read-only map from 64-bit hashes to small values by linear probing over a power-of-two array of (key, value)
/// slots side by side, so a probe usually touches one cache line where a Dictionary touches two (the NER gazetteer's
/// phrases and the word clusters are looked up at every token). Absent keys give default: store no default values.
/// </summary>
internal sealed class HashKeyTable<TValue> where TValue : unmanaged
{
    private readonly Slot[] _slots;
    private readonly int _shift;
    // Key 0 marks an empty slot, so its value is kept apart.
    private readonly TValue _zeroKeyValue;
    private readonly bool _zeroKeySeen;

    private struct Slot
    {
        public ulong Key;
        public TValue Value;
    }

    /// <summary>A table of <paramref name="entries"/>; of repeated keys the first is kept.</summary>
    public HashKeyTable(IReadOnlyCollection<(ulong Key, TValue Value)> entries)
    {
        // At most 5/8 full: linear probing stays short.
        var bits = 4;
        while (5 * (1L << bits) < 8L * entries.Count) bits++;
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        var mask = _slots.Length - 1;
        var zeroSeen = false;
        foreach (var (key, value) in entries)
        {
            if (key == 0)
            {
                if (!zeroSeen) (_zeroKeyValue, zeroSeen) = (value, true);
                continue;
            }
            var i = Index(key);
            while (_slots[i].Key != 0 && _slots[i].Key != key) i = (i + 1) & mask;
            if (_slots[i].Key == key) continue;
            _slots[i] = new Slot { Key = key, Value = value };
            Count++;
        }
        if (zeroSeen) Count++;
        _zeroKeySeen = zeroSeen;
    }

    /// <summary>Every (key, value) pair, in slot order.</summary>
    public IEnumerable<(ulong Key, TValue Value)> Entries()
    {
        if (_zeroKeySeen) yield return (0, _zeroKeyValue);
        foreach (var slot in _slots)
            if (slot.Key != 0) yield return (slot.Key, slot.Value);
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count { get; }

    /// <summary>The value of <paramref name="key"/>, or default when it is absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TValue Get(ulong key)
    {
        if (key == 0) return _zeroKeyValue;
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Index(key); ; i = (i + 1) & mask)
        {
            var k = slots[i].Key;
            if (k == key) return slots[i].Value;
            if (k == 0) return default;
        }
    }

    // A multiply first: the keys' own top bits need not be well mixed.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
