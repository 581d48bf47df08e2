using Hypernetworks.Layers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

[Collection(GemmGlobalStateCollection.Name)]
public class GemmThreadingTests
{
    public static TheoryData<string, bool, bool> PathsAndTranspositions() => GemmReferenceTests.PathsAndTranspositions();

    [Theory]
    [MemberData(nameof(PathsAndTranspositions))]
    public void Multiply_WithTwoThreads_IsBitwiseEqualToOneThread(string path, bool transposeA, bool transposeB)
    {
        using GemmPaths.Forced forced = GemmPaths.Force(Enum.Parse<GemmPath>(path));
        // Large enough to be split (above the parallel threshold), split by rows (tall), by columns (wide) and
        // by rows because of the activation.
        (int M, int N, int K, Activation Activation)[] shapes =
            [(301, 45, 200, Activation.Identity), (40, 333, 170, Activation.Identity), (90, 257, 130, Activation.Tanh)];
        foreach ((int m, int n, int k, Activation activation) in shapes)
        {
            var gemm = new GemmCase(m, n, k, transposeA, transposeB, seed: 4);
            float[] single = RunWithThreads(gemm, 1, activation);
            float[] dual = RunWithThreads(gemm, 2, activation);
            Assert.True(single.AsSpan().SequenceEqual(dual), $"{gemm} {activation}: two threads gave different bits.");
        }
    }

    private static float[] RunWithThreads(GemmCase gemm, int threads, Activation activation)
    {
        using ThreadLimitScope scope = Engine.LimitThreads(threads);
        return gemm.Run(0.5f, 0.5f, withBias: true, activation);
    }
}
