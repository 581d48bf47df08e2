using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.TorchSharp.Tests.Testing;

namespace Hypernetworks.TorchSharp.Tests.CrossCheck;

/// <summary>From the same parameters, both engines give the same outputs, loss and gradients (1e-5 relative).</summary>
public class GradientAgreementTests
{
    public static TheoryData<GeneratorKind, bool, ConditioningEncoderKind, HypernetworkTask> EveryKindEncoderAndTask() => Matrix.EveryKindEncoderAndTask();

    public static TheoryData<GeneratorKind, bool, string> EveryKindAndGrouping()
    {
        var data = new TheoryData<GeneratorKind, bool, string>();
        foreach ((GeneratorKind kind, bool lowRankBase) in Specs.Generators)
        {
            foreach (string grouping in new[] { "one", "equal", "uneven", "per-row", "many-uneven" })
            {
                data.Add(kind, lowRankBase, grouping);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(EveryKindEncoderAndTask))]
    public void ForwardAndGradients_Agree(GeneratorKind kind, bool lowRankBase, ConditioningEncoderKind encoder, HypernetworkTask task)
    {
        Libtorch.Require();
        HypernetworkSpec spec = Specs.Tiny(kind, lowRankBase, encoder, task);
        using var network = new Hypernetwork(spec, seed: 3);
        Engines.AssertAgree(network, Specs.Batch(spec, 20, Specs.Uneven, seed: 4));
    }

    [SkippableTheory]
    [MemberData(nameof(EveryKindAndGrouping))]
    public void ForwardAndGradients_AgreeForEveryGrouping(GeneratorKind kind, bool lowRankBase, string grouping)
    {
        Libtorch.Require();
        HypernetworkSpec spec = Specs.Tiny(kind, lowRankBase, task: HypernetworkTask.MulticlassClassification);
        using var network = new Hypernetwork(spec, seed: 5);
        Func<int, int> groupOf = grouping switch
        {
            "one" => _ => 0,
            "equal" => r => r % 4,
            "uneven" => Specs.Uneven,
            "per-row" => r => r,
            _ => r => r % 23 < 3 ? 0 : r % 23,
        };
        Engines.AssertAgree(network, Specs.Batch(spec, 48, groupOf, seed: 6));
    }

    [SkippableTheory]
    [InlineData(Activation.Identity)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.LeakyRelu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Gelu)]
    [InlineData(Activation.Silu)]
    public void ForwardAndGradients_AgreeForEveryActivation(Activation activation)
    {
        Libtorch.Require();
        HypernetworkSpec spec = Specs.Tiny(GeneratorKind.SharedTrunk, activation: activation, generatorActivation: activation);
        using var network = new Hypernetwork(spec, seed: 7);
        Engines.AssertAgree(network, Specs.Batch(spec, 20, Specs.Uneven, seed: 8));
    }

    [SkippableTheory]
    [InlineData(InitializationScheme.HyperfanIn)]
    [InlineData(InitializationScheme.HyperfanOut)]
    [InlineData(InitializationScheme.HyperfanHarmonic)]
    public void ForwardAndGradients_AgreeForEveryInitialization(InitializationScheme scheme)
    {
        Libtorch.Require();
        foreach ((GeneratorKind kind, bool lowRankBase) in Specs.Generators)
        {
            HypernetworkSpec spec = Specs.Tiny(kind, lowRankBase, initialization: scheme);
            using var network = new Hypernetwork(spec, seed: 9);
            Engines.AssertAgree(network, Specs.Batch(spec, 20, Specs.Uneven, seed: 10));
        }
    }
}
