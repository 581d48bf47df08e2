namespace Hypernetworks.MLNet.Data;

/// <summary>Creates <see cref="VBufferEditor{T}"/>s, which write a <see cref="VBuffer{T}"/> while reusing its arrays.</summary>
public static class VBufferEditor
{
    /// <summary>
    /// Starts writing a vector of <paramref name="newLogicalLength"/> items, <paramref name="valuesCount"/> of them stored
    /// (all of them when null), reusing the arrays of <paramref name="destination"/> when they are large enough.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="destination">The vector whose arrays are reused.</param>
    /// <param name="newLogicalLength">The length of the new vector.</param>
    /// <param name="valuesCount">How many items are stored; less than the length makes a sparse vector.</param>
    /// <param name="keepOldOnResize">Whether the old values are copied when a larger array must be allocated.</param>
    public static VBufferEditor<T> Create<T>(ref VBuffer<T> destination, int newLogicalLength, int? valuesCount = null, bool keepOldOnResize = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newLogicalLength);
        int count = valuesCount ?? newLogicalLength;
        ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(valuesCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, newLogicalLength, nameof(valuesCount));

        T[]? values = destination.RawValues;
        bool newValues = false;
        if (values is null || values.Length < count)
        {
            T[] grown = new T[count];
            if (keepOldOnResize && values is not null)
            {
                values.AsSpan().CopyTo(grown);
            }

            values = grown;
            newValues = true;
        }

        int[]? indices = destination.RawIndices;
        bool newIndices = false;
        if (count < newLogicalLength && (indices is null || indices.Length < count))
        {
            int[] grown = new int[count];
            if (keepOldOnResize && indices is not null)
            {
                indices.AsSpan().CopyTo(grown);
            }

            indices = grown;
            newIndices = true;
        }

        return new VBufferEditor<T>(newLogicalLength, count, values, indices, newValues, newIndices);
    }

    /// <summary>Starts rewriting the stored values of <paramref name="destination"/> in place, keeping its length and indices.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="destination">The vector edited.</param>
    public static VBufferEditor<T> CreateFromBuffer<T>(ref VBuffer<T> destination)
    {
        int count = destination.GetValues().Length;
        return new VBufferEditor<T>(destination.Length, count, destination.RawValues ?? [], destination.RawIndices, false, false);
    }
}

/// <summary>
/// Writes the values (and, for a sparse vector, the indices) of a <see cref="VBuffer{T}"/> in arrays reused from an
/// earlier vector; <see cref="Commit"/> makes the new vector.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly ref struct VBufferEditor<T>
{
    private readonly int _length;
    private readonly int _count;
    private readonly T[] _values;
    private readonly int[]? _indices;

    internal VBufferEditor(int length, int count, T[] values, int[]? indices, bool createdNewValues, bool createdNewIndices)
    {
        _length = length;
        _count = count;
        _values = values;
        _indices = indices;
        CreatedNewValues = createdNewValues;
        CreatedNewIndices = createdNewIndices;
        Values = values.AsSpan(0, count);
        Indices = count < length && indices is not null ? indices.AsSpan(0, count) : default;
    }

    /// <summary>The stored values to write.</summary>
    public Span<T> Values { get; }

    /// <summary>The indices to write, strictly increasing; empty for a dense vector.</summary>
    public Span<int> Indices { get; }

    /// <summary>Whether a new values array had to be allocated.</summary>
    public bool CreatedNewValues { get; }

    /// <summary>Whether a new indices array had to be allocated.</summary>
    public bool CreatedNewIndices { get; }

    /// <summary>The vector written.</summary>
    public VBuffer<T> Commit() => new(_length, _count, _values, _indices);

    /// <summary>The vector written, keeping only the first <paramref name="physicalValuesCount"/> stored items.</summary>
    /// <param name="physicalValuesCount">How many of the stored items to keep (a sparse vector when less than the length).</param>
    public VBuffer<T> CommitTruncated(int physicalValuesCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(physicalValuesCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(physicalValuesCount, _count);
        return new VBuffer<T>(_length, physicalValuesCount, _values, _indices);
    }
}
