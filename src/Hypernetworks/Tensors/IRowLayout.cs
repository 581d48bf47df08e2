namespace Hypernetworks.Tensors;

/// <summary>
/// How a micro-kernel finds A(r, p), fixed at compile time so that each kernel specialises per layout:
/// rows adjacent (A transposed, or packed) or rows a stride apart (A read in place, not transposed).
/// </summary>
internal interface IRowLayout
{
    /// <summary>True: A(r, p) = a[r·stride + p]. False: A(r, p) = a[p·stride + r].</summary>
    static abstract bool Strided { get; }
}

/// <summary>A(r, p) = a[p·stride + r]: the rows of a column are adjacent.</summary>
internal readonly struct AdjacentRows : IRowLayout
{
    /// <inheritdoc />
    public static bool Strided => false;
}

/// <summary>A(r, p) = a[r·stride + p]: each row is contiguous and rows are a stride apart.</summary>
internal readonly struct StridedRows : IRowLayout
{
    /// <inheritdoc />
    public static bool Strided => true;
}
