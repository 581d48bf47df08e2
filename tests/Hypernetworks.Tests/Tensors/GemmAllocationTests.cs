using Hypernetworks.Layers;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Tensors;

[Collection(GemmGlobalStateCollection.Name)]
public class GemmAllocationTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (GemmPath path in GemmPaths.Supported())
        {
            data.Add(path.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_OnceWarm_AllocatesNothing(string path)
    {
        using GemmPaths.Forced forced = GemmPaths.Force(Enum.Parse<GemmPath>(path));
        var nn = new GemmCase(70, 45, 33, false, false, seed: 1);
        var nt = new GemmCase(3, 40, 300, false, true, seed: 2);
        float[] c1 = new float[nn.InitialC.Length];
        float[] c2 = new float[nt.InitialC.Length];
        void Both()
        {
            Gemm.Multiply(false, false, nn.M, nn.N, nn.K, 1f, nn.A, nn.Lda, nn.B, nn.Ldb, 0.5f, c1, nn.Ldc, nn.Bias, Activation.Tanh);
            Gemm.Multiply(false, true, nt.M, nt.N, nt.K, 1f, nt.A, nt.Lda, nt.B, nt.Ldb, 0f, c2, nt.Ldc);
        }

        Assert.Equal(0, Allocations.OfWarm(Both));
    }

    [Fact]
    public void Multiply_WithTwoThreadsOnceWarm_AllocatesNothing()
    {
        var gemm = new GemmCase(200, 150, 100, false, false, seed: 3);
        float[] c = new float[gemm.InitialC.Length];
        using ThreadLimitScope scope = Engine.LimitThreads(2);
        Assert.Equal(0, Allocations.OfWarm(() => Gemm.Multiply(false, false, gemm.M, gemm.N, gemm.K, 1f, gemm.A, gemm.Lda, gemm.B, gemm.Ldb, 0f, c, gemm.Ldc)));
    }

    [Fact]
    public void Multiply_WithAlphaZero_DoesNotReadAOrB()
    {
        float[] a = [float.NaN, float.NaN];
        float[] b = [float.NaN, float.NaN];
        float[] c = [2f];
        Gemm.Multiply(false, false, 1, 1, 2, 0f, a, 2, b, 1, 0.5f, c, 1);
        Assert.Equal(1f, c[0]);
    }
}
