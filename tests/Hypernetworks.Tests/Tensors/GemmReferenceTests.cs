using Hypernetworks.Initialization;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

public class GemmReferenceTests
{
    // Sizes around the vector widths (16, 32), the tile heights (4, 6, 12) and the block sizes.
    private static readonly int[] EdgeSizes = [1, 7, 15, 16, 17, 31, 33, 63, 64, 65, 127, 255, 300];

    public static TheoryData<string, bool, bool> PathsAndTranspositions()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (GemmPath path in GemmPaths.Supported())
        {
            foreach (bool transposeA in new[] { false, true })
            {
                foreach (bool transposeB in new[] { false, true })
                {
                    data.Add(path.ToString(), transposeA, transposeB);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndTranspositions))]
    public void Multiply_MatchesFloat64Reference_OverSampledShapes(string path, bool transposeA, bool transposeB)
    {
        using GemmPaths.Forced forced = GemmPaths.Force(Enum.Parse<GemmPath>(path));
        (float Alpha, float Beta)[] scalings = [(1f, 0f), (1f, 1f), (-0.7f, 0.5f), (2f, 0f)];
        int index = 0;
        foreach ((int m, int n, int k) in SampleShapes(seed: (ulong)(17 + ((int)Enum.Parse<GemmPath>(path) * 4) + (transposeA ? 2 : 0) + (transposeB ? 1 : 0))))
        {
            var gemm = new GemmCase(m, n, k, transposeA, transposeB, seed: (ulong)index);
            (float alpha, float beta) = scalings[index++ % scalings.Length];
            gemm.AssertMatches(gemm.Run(alpha, beta), alpha, beta);
        }
    }

    [Theory]
    [MemberData(nameof(PathsAndTranspositions))]
    public void Multiply_MatchesFloat64Reference_AtBlockBoundaries(string path, bool transposeA, bool transposeB)
    {
        using GemmPaths.Forced forced = GemmPaths.Force(Enum.Parse<GemmPath>(path));
        // Deeper than one K block and taller than one M block (this CPU's, from its caches), with every kind of tail.
        GemmBlocking blocking = GemmBlocking.Current;
        (int M, int N, int K)[] shapes = [(blocking.M + 1, 33, blocking.K + 1), (12, blocking.N + 1, 3), (blocking.M + 6, 47, (2 * blocking.K) + 1)];
        foreach ((int m, int n, int k) in shapes)
        {
            var gemm = new GemmCase(m, n, k, transposeA, transposeB, seed: 5);
            gemm.AssertMatches(gemm.Run(0.5f, 0.5f), 0.5f, 0.5f);
        }
    }

    [Theory]
    [MemberData(nameof(PathsAndTranspositions))]
    public void Multiply_WithBetaZero_IgnoresNaNsInC(string path, bool transposeA, bool transposeB)
    {
        using GemmPaths.Forced forced = GemmPaths.Force(Enum.Parse<GemmPath>(path));
        var gemm = new GemmCase(33, 65, 17, transposeA, transposeB, seed: 3);
        float[] c = gemm.Run(1f, 0f);
        Assert.DoesNotContain(c.Where((_, i) => i % gemm.Ldc < gemm.N), float.IsNaN);
    }

    [Fact]
    public void Multiply_WithDenseStrides_MatchesReference()
    {
        var gemm = new GemmCase(31, 47, 65, false, false, seed: 11, padStrides: false);
        gemm.AssertMatches(gemm.Run(1f, 0.5f), 1f, 0.5f);
    }

    [Fact]
    public void Multiply_WithZeroDepth_ScalesCAndAddsBias()
    {
        var gemm = new GemmCase(5, 9, 0, false, false, seed: 2);
        gemm.AssertMatches(gemm.Run(1f, 0.5f, withBias: true), 1f, 0.5f, withBias: true);
    }

    [Fact]
    public void Multiply_WithZeroRows_LeavesCUntouched()
    {
        float[] c = [1f, 2f];
        Gemm.Multiply(false, false, 0, 2, 3, 1f, [], 3, new float[6], 2, 0f, c, 2);
        Assert.Equal([1f, 2f], c);
    }

    // Shapes with each dimension drawn from the edge sizes or uniformly from 1..300, at most ~3 M multiply-adds
    // each so the float64 reference stays quick.
    private static IEnumerable<(int M, int N, int K)> SampleShapes(ulong seed)
    {
        var random = new SeededRandom(seed);
        int produced = 0;
        while (produced < 14)
        {
            int m = Draw(random);
            int n = Draw(random);
            int k = Draw(random);
            if ((long)m * n * k > 3_000_000)
            {
                continue;
            }

            produced++;
            yield return (m, n, k);
        }
    }

    private static int Draw(SeededRandom random) =>
        random.NextInt(2) == 0 ? EdgeSizes[random.NextInt(EdgeSizes.Length)] : 1 + random.NextInt(300);
}
