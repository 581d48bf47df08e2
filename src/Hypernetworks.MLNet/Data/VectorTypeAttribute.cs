namespace Hypernetworks.MLNet.Data;

/// <summary>Marks an array member as a vector column of a known size (without it, the vector may have any length).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class VectorTypeAttribute : Attribute
{
    /// <summary>A vector of any length.</summary>
    public VectorTypeAttribute()
    {
        Dimensions = [];
    }

    /// <summary>A vector of <paramref name="size"/> items.</summary>
    /// <param name="size">The number of items, at least 1.</param>
    public VectorTypeAttribute(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Dimensions = [size];
    }

    /// <summary>A vector with the given dimensions (the size is their product).</summary>
    /// <param name="dimensions">The dimensions, each at least 1.</param>
    public VectorTypeAttribute(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        foreach (int dimension in dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension, nameof(dimensions));
        }

        Dimensions = dimensions;
    }

    /// <summary>The dimensions; empty for a vector of any length.</summary>
    public IReadOnlyList<int> Dimensions { get; }
}
