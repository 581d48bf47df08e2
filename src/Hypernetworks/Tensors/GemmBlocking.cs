namespace Hypernetworks.Tensors;

/// <summary>
/// Cache block sizes of the packed path, for this class of CPU (AMD Zen: 48 KB L1d, 1 MB L2 per core, large
/// shared L3). A B micro-panel (KC × 32 floats = 32 KB) stays in L1 while the MC × KC block of packed A
/// (144 KB) streams from L2; the KC × NC block of packed B (2 MB) lives in L3.
/// </summary>
internal static class GemmBlocking
{
    /// <summary>The depth of a block (KC): the number of products summed per pass over a tile.</summary>
    public static readonly int K = int.Parse(Environment.GetEnvironmentVariable("GK") ?? "256", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rows of A packed at once (MC): a multiple of every kernel's tile height.</summary>
    public static readonly int M = int.Parse(Environment.GetEnvironmentVariable("GM") ?? "144", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The columns of B packed at once (NC): a multiple of every kernel's tile width.</summary>
    public static readonly int N = int.Parse(Environment.GetEnvironmentVariable("GN") ?? "4096", System.Globalization.CultureInfo.InvariantCulture);
}
