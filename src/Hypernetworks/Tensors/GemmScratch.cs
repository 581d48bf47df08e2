namespace Hypernetworks.Tensors;

/// <summary>
/// Per-thread packing buffers. They grow to the largest size a thread has needed and are then reused, so a
/// steady stream of GEMM calls allocates nothing.
/// </summary>
internal sealed unsafe class GemmScratch
{
    [ThreadStatic]
    private static GemmScratch? s_current;

    private AlignedBuffer? _packedA;
    private AlignedBuffer? _packedB;
    private AlignedBuffer? _tile;

    /// <summary>The calling thread's buffers.</summary>
    public static GemmScratch Current => s_current ??= new GemmScratch();

    /// <summary>Room for a copied block of A.</summary>
    public float* PackedA(int length) => Ensure(ref _packedA, length);

    /// <summary>Room for a packed block of B.</summary>
    public float* PackedB(int length) => Ensure(ref _packedB, length);

    /// <summary>Room for one tile computed off to the side (column tails).</summary>
    public float* Tile(int length) => Ensure(ref _tile, length);

    private static float* Ensure(ref AlignedBuffer? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = new AlignedBuffer(length);
        }

        return buffer.Pointer;
    }
}
