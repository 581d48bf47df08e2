namespace Hypernetworks.Tensors;

/// <summary>
/// Cache block sizes, for this class of CPU (AMD Zen: 48 KB L1d, 1 MB L2 per core, a large shared L3). A packed
/// B micro-panel (KC × 32 floats = 32 KB) stays in L1 while the MC rows of A (MC × KC floats = 144 KB) stream
/// from L2; the packed KC × NC block of B (up to 4 MB) lives in L3.
/// </summary>
internal static class GemmBlocking
{
    /// <summary>The largest depth of a block (KC): the number of products summed per pass over a tile.</summary>
    public const int K = 256;

    /// <summary>The rows of A swept per packed block of B (MC): a multiple of every kernel's tile height.</summary>
    public const int M = 144;

    /// <summary>The columns of B packed at once (NC): a multiple of every kernel's tile width.</summary>
    public const int N = 4096;

    /// <summary>
    /// The depth of each K block for a product of depth <paramref name="k"/>: the blocks are made equal, so that
    /// k = 784 runs as 4 × 196 rather than 3 × 256 + 16 (a last, shallow block pays a full epilogue for little work).
    /// </summary>
    public static int Depth(int k)
    {
        int blocks = Math.Max(1, (k + K - 1) / K);
        return (k + blocks - 1) / blocks;
    }
}
