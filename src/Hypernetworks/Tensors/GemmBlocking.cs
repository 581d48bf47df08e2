namespace Hypernetworks.Tensors;

/// <summary>
/// Cache block sizes, derived from the caches this CPU reports (<see cref="CpuCaches"/>): a packed B micro-panel
/// (KC × 32 floats) no larger than L1d and KC at most 256, the MC rows of A (MC × KC floats) about a seventh of L2
/// (the rest holds the B panels streaming through and C's lines), and the packed KC × NC block of B one core's share
/// of L3. On AMD Zen 5 (48 KB L1d, 1 MB L2, 4 MB of L3 per core), where these rules were fitted, that is KC = 256,
/// MC = 144, NC = 4096. On Zen 4 (32 KB L1d) KC = 256 too: side by side, a B panel in two thirds of L1d (KC = 160)
/// measured about 10% slower at 512-2048, since the panel streams well from L2 and a shallower block makes more
/// passes over C.
/// </summary>
internal readonly record struct GemmBlocking(int K, int M, int N)
{
    // The widest tile of any kernel (GemmKernel512: 32 columns); MC a multiple of every tile height (12, 6, 4).
    private const int PanelColumns = 32;
    private const int RowMultiple = 12;
    private const int DepthMultiple = 16;

    // Deeper blocks measured no faster on Zen 5, whose L1d would hold a 384-deep panel.
    private const int MostDepth = 256;

    /// <summary>The block sizes for this machine.</summary>
    public static GemmBlocking Current { get; } = For(CpuCaches.Current);

    /// <summary>The block sizes for caches of the given sizes.</summary>
    public static GemmBlocking For(CpuCaches caches)
    {
        int k = RoundDown(Math.Clamp((int)(caches.L1Data / (PanelColumns * sizeof(float))), 64, MostDepth), DepthMultiple);
        int m = RoundDown(Math.Clamp((int)(caches.L2 / 7 / (k * sizeof(float))), 2 * RowMultiple, 480), RowMultiple);
        int n = RoundDown(Math.Clamp((int)(caches.L3PerCore / (k * sizeof(float))), 512, 8192), PanelColumns);
        return new GemmBlocking(k, m, n);
    }

    /// <summary>
    /// The depth of each K block for a product of depth <paramref name="k"/>: the blocks are made equal, so that
    /// k = 784 runs as 4 × 196 rather than 3 × 256 + 16 (a last, shallow block pays a full epilogue for little work).
    /// </summary>
    public int Depth(int k)
    {
        int blocks = Math.Max(1, (k + K - 1) / K);
        return (k + blocks - 1) / blocks;
    }

    private static int RoundDown(int value, int multiple) => value / multiple * multiple;
}
