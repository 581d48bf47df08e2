namespace Hypernetworks.MLNet.Data;

/// <summary>
/// A key (category index) column type. Values are unsigned integers: 0 means missing, 1..<see cref="Count"/>
/// are the categories.
/// </summary>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    /// <summary>Creates a key type over the unsigned integer <paramref name="type"/> with <paramref name="count"/> categories.</summary>
    /// <param name="type">The raw type: <see cref="byte"/>, <see cref="ushort"/>, <see cref="uint"/> or <see cref="ulong"/>.</param>
    /// <param name="count">The number of categories, at least 1 and at most the largest value of <paramref name="type"/>.</param>
    public KeyDataViewType(Type type, ulong count)
        : base(type ?? throw new ArgumentNullException(nameof(type)))
    {
        ulong max = type == typeof(byte) ? byte.MaxValue
            : type == typeof(ushort) ? ushort.MaxValue
            : type == typeof(uint) ? uint.MaxValue
            : type == typeof(ulong) ? ulong.MaxValue
            : throw new ArgumentException($"A key type must be Byte, UInt16, UInt32 or UInt64; got {type.Name}.", nameof(type));
        if (count == 0 || count > max)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A key count must be between 1 and {max} for {type.Name}.");
        }

        Count = count;
    }

    /// <summary>Creates a key type over the unsigned integer <paramref name="type"/> with <paramref name="count"/> categories.</summary>
    /// <param name="type">The raw type: <see cref="byte"/>, <see cref="ushort"/>, <see cref="uint"/> or <see cref="ulong"/>.</param>
    /// <param name="count">The number of categories, at least 1.</param>
    public KeyDataViewType(Type type, int count)
        : this(type, count > 0 ? (ulong)count : throw new ArgumentOutOfRangeException(nameof(count), count, "A key count must be at least 1."))
    {
    }

    /// <summary>The number of categories; keys 1..Count are valid, 0 is missing.</summary>
    public ulong Count { get; }

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) =>
        other is KeyDataViewType key && key.RawType == RawType && key.Count == Count;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KeyDataViewType key && Equals(key);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RawType, Count);

    /// <inheritdoc />
    public override string ToString() => $"Key<{RawType.Name}, 0-{Count - 1}>";
}
