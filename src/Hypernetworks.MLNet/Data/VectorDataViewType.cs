using System.Collections.Immutable;

namespace Hypernetworks.MLNet.Data;

/// <summary>
/// A vector column type: values are <see cref="VBuffer{T}"/> of <see cref="ItemType"/>, of a fixed
/// <see cref="Size"/> or of any length (size 0).
/// </summary>
public sealed class VectorDataViewType : StructuredDataViewType
{
    /// <summary>Creates a vector type of any length.</summary>
    /// <param name="itemType">The type of the items.</param>
    public VectorDataViewType(PrimitiveDataViewType itemType)
        : this(itemType, 0)
    {
    }

    /// <summary>Creates a vector type with the given dimensions (0 in any dimension means of any length).</summary>
    /// <param name="itemType">The type of the items.</param>
    /// <param name="dimensions">The dimensions; the size is their product.</param>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
        : base(MakeRawType(itemType))
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Length == 0)
        {
            dimensions = [0];
        }

        long size = 1;
        foreach (int dimension in dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(dimensions));
            size *= dimension;
            if (size > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(dimensions), "A vector type holds at most int.MaxValue items.");
            }
        }

        ItemType = itemType;
        Dimensions = [.. dimensions];
        Size = (int)size;
    }

    /// <summary>The type of the items.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The dimensions of the vector.</summary>
    public ImmutableArray<int> Dimensions { get; }

    /// <summary>The number of items, or 0 when vectors of this type may have any length.</summary>
    public int Size { get; }

    /// <summary>Whether every vector of this type has <see cref="Size"/> items.</summary>
    public bool IsKnownSize => Size > 0;

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) =>
        other is VectorDataViewType vector && vector.ItemType.Equals(ItemType) && vector.Dimensions.SequenceEqual(Dimensions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VectorDataViewType vector && Equals(vector);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ItemType, Size);

    /// <inheritdoc />
    public override string ToString() => IsKnownSize ? $"Vector<{ItemType}, {string.Join(", ", Dimensions)}>" : $"Vector<{ItemType}>";

    private static Type MakeRawType(PrimitiveDataViewType itemType)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        return typeof(VBuffer<>).MakeGenericType(itemType.RawType);
    }
}
