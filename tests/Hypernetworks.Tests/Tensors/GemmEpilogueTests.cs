using Hypernetworks.Layers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

public class GemmEpilogueTests
{
    public static TheoryData<string, Activation> PathsAndActivations()
    {
        var data = new TheoryData<string, Activation>();
        foreach (GemmPath path in GemmPaths.Supported())
        {
            foreach (Activation activation in Enum.GetValues<Activation>())
            {
                data.Add(path.ToString(), activation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndActivations))]
    public void Multiply_WithBiasAndActivation_MatchesReference(string path, Activation activation)
    {
        using GemmPaths.Forced forced = GemmPaths.Force(Enum.Parse<GemmPath>(path));
        (int M, int N, int K, bool TransposeA, bool TransposeB)[] shapes =
            [(1, 70, 33, false, true), (37, 33, 300, false, true), (20, 49, 19, true, false), (13, 17, 270, false, false)];
        foreach ((int m, int n, int k, bool transposeA, bool transposeB) in shapes)
        {
            var gemm = new GemmCase(m, n, k, transposeA, transposeB, seed: 9);
            gemm.AssertMatches(gemm.Run(1f, 0f, withBias: true, activation), 1f, 0f, withBias: true, activation);
            gemm.AssertMatches(gemm.Run(0.5f, 1f, withBias: true, activation), 0.5f, 1f, withBias: true, activation);
        }
    }
}
