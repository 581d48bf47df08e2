using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Model;

public class HypernetworkGradientTests
{
    [Theory]
    [InlineData(GeneratorKind.PerLayer, ConditioningEncoderKind.Dense)]
    [InlineData(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Dense)]
    [InlineData(GeneratorKind.Chunked, ConditioningEncoderKind.Dense)]
    [InlineData(GeneratorKind.LowRank, ConditioningEncoderKind.Dense)]
    [InlineData(GeneratorKind.PerLayer, ConditioningEncoderKind.Embedding)]
    [InlineData(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding)]
    [InlineData(GeneratorKind.Chunked, ConditioningEncoderKind.Embedding)]
    [InlineData(GeneratorKind.LowRank, ConditioningEncoderKind.Embedding)]
    public void ComputeGradients_MatchesFiniteDifferences(GeneratorKind kind, ConditioningEncoderKind encoder)
    {
        AssertModelGradients(ModelFixtures.TinySpec(kind, encoder));
    }

    [Fact]
    public void ComputeGradients_MatchesFiniteDifferencesForLowRankWithBase()
    {
        AssertModelGradients(new HypernetworkSpec
        {
            ConditioningSize = 3, InputSize = 4, TargetLayerSizes = [(4, 5), (5, 3)], HiddenSizes = [6],
            Activation = Activation.Tanh, GeneratorActivation = Activation.Tanh,
            Generator = GeneratorKind.LowRank, Rank = 2, LowRankBase = true,
        }, perturbBase: true);
    }

    [Theory]
    [InlineData(HypernetworkTask.BinaryClassification)]
    [InlineData(HypernetworkTask.MulticlassClassification)]
    public void ComputeGradients_MatchesFiniteDifferencesForClassification(HypernetworkTask task)
    {
        AssertModelGradients(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, task: task));
    }

    [Fact]
    public void ComputeGradients_MatchesFiniteDifferencesWhenTheBatchIsSliced()
    {
        HypernetworkSpec tiny = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        AssertModelGradients(new HypernetworkSpec
        {
            ConditioningSize = tiny.ConditioningSize, InputSize = tiny.InputSize, TargetLayerSizes = tiny.TargetLayerSizes,
            HiddenSizes = tiny.HiddenSizes, Activation = tiny.Activation, GeneratorActivation = tiny.GeneratorActivation,
            MaxGeneratedFloats = 100,
        });
    }

    private static void AssertModelGradients(HypernetworkSpec spec, bool perturbBase = false)
    {
        using var net = new Hypernetwork(spec, seed: 3);
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows: 7, distinct: 3, seed: 11);
        foreach (Parameter p in net.Parameters)
        {
            p.Gradient.Clear();
            if (perturbBase && p.Name.Contains(".base", StringComparison.Ordinal))
            {
                var random = new SeededRandom(5);
                for (int i = 0; i < p.Length; i++)
                {
                    p.Value.Span[i] = 0.3f * random.NextGaussian();
                }
            }
        }

        net.ComputeGradients(conditioning, data, labels);
        foreach (Parameter p in net.Parameters)
        {
            // float32 forward passes through two networks: a looser absolute tolerance than the layer tests.
            GradientCheck.Check(p.Name, p.Value.Span, p.Gradient.Span, () => net.ComputeLoss(conditioning, data, labels), relativeTolerance: 2e-2, absoluteTolerance: 2e-3);
        }
    }
}
