namespace Hypernetworks.Tensors;

/// <summary>
/// A register-blocked micro-kernel: C[rows×Columns] = epilogue(Σₚ A(r,p)·B(p,·)). The drivers are generic over
/// it, so the JIT compiles one specialised copy of the packed and direct loops per kernel.
/// </summary>
internal unsafe interface IGemmKernel
{
    /// <summary>The tile height (MR): rows of A broadcast per step.</summary>
    static abstract int Rows { get; }

    /// <summary>The tile width (NR): columns of B loaded per step; B rows must hold this many readable floats.</summary>
    static abstract int Columns { get; }

    /// <summary>Whether the hardware runs this kernel's vectors natively.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>
    /// Accumulates over <paramref name="kc"/> steps, A(r, p) at <c>a[r·aRowStride + p·aStep]</c> (one of the two
    /// strides is 1: rows adjacent, or each row contiguous) and the B row p at <c>b + p·bStep</c> (Columns
    /// readable floats), then writes the tile to <paramref name="c"/> through the epilogue.
    /// </summary>
    static abstract void Tile(int rows, int kc, float* a, nint aRowStride, nint aStep, float* b, nint bStep, float* c, nint ldc, in TileEpilogue epilogue);
}
