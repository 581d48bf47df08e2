namespace Hypernetworks.Tensors;

/// <summary>
/// A light, non-owning view of a row-major matrix inside an <see cref="AlignedBuffer"/>: where it starts, its
/// rows and columns, and the stride between rows (at least the column count, more for a sub-matrix).
/// </summary>
public readonly struct MatrixView : IEquatable<MatrixView>
{
    /// <summary>A view of <paramref name="rows"/>×<paramref name="columns"/> values starting at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentException">The view does not fit in the buffer or the stride is shorter than a row.</exception>
    public MatrixView(AlignedBuffer buffer, int offset, int rows, int columns, int stride)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (stride < columns)
        {
            throw new ArgumentException($"A {rows}x{columns} view needs a row stride of at least {columns}; got {stride}.", nameof(stride));
        }

        long end = offset + (rows == 0 || columns == 0 ? 0 : ((long)(rows - 1) * stride) + columns);
        if (end > buffer.Length)
        {
            throw new ArgumentException($"A {rows}x{columns} view with stride {stride} at offset {offset} needs {end} floats; the buffer holds {buffer.Length}.", nameof(buffer));
        }

        Buffer = buffer;
        Offset = offset;
        Rows = rows;
        Columns = columns;
        Stride = stride;
    }

    /// <summary>A dense view of the whole buffer as <paramref name="rows"/>×<paramref name="columns"/>.</summary>
    public MatrixView(AlignedBuffer buffer, int rows, int columns)
        : this(buffer, 0, rows, columns, columns)
    {
    }

    /// <summary>The buffer the view reads and writes.</summary>
    public AlignedBuffer Buffer { get; }

    /// <summary>The index of the first element in <see cref="Buffer"/>.</summary>
    public int Offset { get; }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>The distance, in floats, between the starts of consecutive rows.</summary>
    public int Stride { get; }

    /// <summary>The memory from the first to the last element of the view (rows interleaved with what the stride skips).</summary>
    public Span<float> Span => Rows == 0 || Columns == 0
        ? Span<float>.Empty
        : Buffer.Span.Slice(Offset, ((Rows - 1) * Stride) + Columns);

    /// <summary>Compares two views.</summary>
    public static bool operator ==(MatrixView left, MatrixView right) => left.Equals(right);

    /// <summary>Compares two views.</summary>
    public static bool operator !=(MatrixView left, MatrixView right) => !left.Equals(right);

    /// <summary>The values of row <paramref name="row"/>.</summary>
    public Span<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return Buffer.Span.Slice(Offset + (row * Stride), Columns);
    }

    /// <summary>The rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>), sharing memory with this view.</summary>
    public MatrixView SliceRows(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Rows [{start}, {start + count}) are outside a view of {Rows} rows.");
        }

        return new MatrixView(Buffer, Offset + (start * Stride), count, Columns, Stride);
    }

    /// <summary>The columns [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>), sharing memory with this view.</summary>
    public MatrixView SliceColumns(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Columns [{start}, {start + count}) are outside a view of {Columns} columns.");
        }

        return new MatrixView(Buffer, Offset + start, Rows, count, Stride);
    }

    /// <inheritdoc />
    public bool Equals(MatrixView other) =>
        ReferenceEquals(Buffer, other.Buffer) && Offset == other.Offset && Rows == other.Rows && Columns == other.Columns && Stride == other.Stride;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MatrixView other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Buffer, Offset, Rows, Columns, Stride);

    /// <inheritdoc />
    public override string ToString() => $"{Rows}x{Columns} (stride {Stride})";
}
