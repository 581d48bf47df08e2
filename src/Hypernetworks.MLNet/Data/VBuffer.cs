namespace Hypernetworks.MLNet.Data;

/// <summary>
/// A vector value: dense (every item stored) or sparse (only the items at <see cref="GetIndices"/> stored, the rest
/// are <c>default</c>). Its arrays may be larger than needed so that getters can reuse them from row to row:
/// write through <see cref="VBufferEditor"/> to reuse a buffer without allocating.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly struct VBuffer<T>
{
    internal readonly T[]? RawValues;
    internal readonly int[]? RawIndices;
    private readonly int _count;
    private readonly int _length;

    /// <summary>Creates a dense vector of <paramref name="length"/> items taken from the start of <paramref name="values"/>.</summary>
    /// <param name="length">The logical length.</param>
    /// <param name="values">At least <paramref name="length"/> values.</param>
    /// <param name="indices">An array kept for later reuse as sparse indices; not read.</param>
    public VBuffer(int length, T[] values, int[]? indices = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length < length)
        {
            throw new ArgumentException($"A dense vector of length {length} needs at least {length} values; got {values.Length}.", nameof(values));
        }

        _length = length;
        _count = length;
        RawValues = values;
        RawIndices = indices;
    }

    /// <summary>Creates a vector of <paramref name="length"/> items, <paramref name="count"/> of them stored.</summary>
    /// <param name="length">The logical length.</param>
    /// <param name="count">How many items are stored; equal to <paramref name="length"/> for a dense vector.</param>
    /// <param name="values">At least <paramref name="count"/> values.</param>
    /// <param name="indices">For a sparse vector, at least <paramref name="count"/> strictly increasing indices below <paramref name="length"/>.</param>
    public VBuffer(int length, int count, T[]? values, int[]? indices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, length);
        if (count > 0 && (values is null || values.Length < count))
        {
            throw new ArgumentException($"A vector with {count} stored items needs at least {count} values.", nameof(values));
        }

        if (count < length)
        {
            if (count > 0 && (indices is null || indices.Length < count))
            {
                throw new ArgumentException($"A sparse vector with {count} stored items needs at least {count} indices.", nameof(indices));
            }

            for (int i = 0; i < count; i++)
            {
                int index = indices![i];
                if (index < 0 || index >= length || (i > 0 && index <= indices[i - 1]))
                {
                    throw new ArgumentException($"Sparse indices must be strictly increasing and in [0, {length}); index {i} is {index}.", nameof(indices));
                }
            }
        }

        _length = length;
        _count = count;
        RawValues = values;
        RawIndices = indices;
    }

    /// <summary>The logical length of the vector.</summary>
    public int Length => _length;

    /// <summary>Whether every item is stored (then <see cref="GetValues"/> has <see cref="Length"/> items).</summary>
    public bool IsDense => _count == _length;

    /// <summary>The stored values: all items when dense, else the items at <see cref="GetIndices"/>.</summary>
    public ReadOnlySpan<T> GetValues() => RawValues is null ? default : RawValues.AsSpan(0, _count);

    /// <summary>The indices of the stored values of a sparse vector; empty when dense.</summary>
    public ReadOnlySpan<int> GetIndices() => IsDense || RawIndices is null ? default : RawIndices.AsSpan(0, _count);

    /// <summary>The item at <paramref name="index"/> (<c>default</c> when a sparse vector does not store it).</summary>
    /// <param name="index">An index in [0, <see cref="Length"/>).</param>
    public T GetItemOrDefault(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _length);
        if (IsDense)
        {
            return RawValues![index];
        }

        int found = GetIndices().BinarySearch(index);
        return found >= 0 ? RawValues![found] : default!;
    }

    /// <summary>Writes all <see cref="Length"/> items, densely, to the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="Length"/> items.</param>
    public void CopyTo(Span<T> destination) => CopyTo(destination, 0);

    /// <summary>Writes all <see cref="Length"/> items, densely, into <paramref name="destination"/> from <paramref name="destinationIndex"/>.</summary>
    /// <param name="destination">The span written.</param>
    /// <param name="destinationIndex">Where the first item goes.</param>
    /// <param name="defaultValue">The value written for items a sparse vector does not store.</param>
    public void CopyTo(Span<T> destination, int destinationIndex, T defaultValue = default!)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(destinationIndex);
        if (destination.Length - destinationIndex < _length)
        {
            throw new ArgumentException($"The destination needs {_length} items from index {destinationIndex}; it has {destination.Length}.", nameof(destination));
        }

        Span<T> target = destination.Slice(destinationIndex, _length);
        if (IsDense)
        {
            GetValues().CopyTo(target);
            return;
        }

        target.Fill(defaultValue);
        ReadOnlySpan<T> values = GetValues();
        ReadOnlySpan<int> indices = GetIndices();
        for (int i = 0; i < values.Length; i++)
        {
            target[indices[i]] = values[i];
        }
    }

    /// <summary>Copies this vector into <paramref name="destination"/>, keeping its sparsity and reusing its arrays when large enough.</summary>
    /// <param name="destination">The vector written.</param>
    public void CopyTo(ref VBuffer<T> destination)
    {
        VBufferEditor<T> editor = VBufferEditor.Create(ref destination, _length, _count);
        GetValues().CopyTo(editor.Values);
        if (!IsDense)
        {
            GetIndices().CopyTo(editor.Indices);
        }

        destination = editor.Commit();
    }

    /// <summary>Copies this vector into <paramref name="destination"/> as a dense vector, reusing its arrays when large enough.</summary>
    /// <param name="destination">The vector written.</param>
    public void CopyToDense(ref VBuffer<T> destination)
    {
        VBufferEditor<T> editor = VBufferEditor.Create(ref destination, _length);
        CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>All <see cref="Length"/> items in order, including the ones a sparse vector does not store.</summary>
    public IEnumerable<T> DenseValues()
    {
        for (int i = 0; i < _length; i++)
        {
            yield return GetItemOrDefault(i);
        }
    }

    /// <summary>The (index, value) pairs of the stored items, or of all items when <paramref name="all"/> is true.</summary>
    /// <param name="all">Whether to list the items a sparse vector does not store as well.</param>
    public IEnumerable<KeyValuePair<int, T>> Items(bool all = false)
    {
        if (all || IsDense)
        {
            for (int i = 0; i < _length; i++)
            {
                yield return new KeyValuePair<int, T>(i, GetItemOrDefault(i));
            }

            yield break;
        }

        for (int i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<int, T>(RawIndices![i], RawValues![i]);
        }
    }
}
