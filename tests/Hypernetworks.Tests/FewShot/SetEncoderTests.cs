using Hypernetworks.Model;
using Hypernetworks.Model.Conditioning;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Model;
using Hypernetworks.Tests.Testing;
using static Hypernetworks.Tests.FewShot.SetEncoderFixtures;

namespace Hypernetworks.Tests.FewShot;

public class SetEncoderTests
{
    [Theory]
    [InlineData(ConditioningEncoderKind.Prototypes)]
    [InlineData(ConditioningEncoderKind.SupportMean)]
    [InlineData(ConditioningEncoderKind.DeepSets)]
    public void Forward_IsInvariantToTheOrderOfAClasssExamples(ConditioningEncoderKind kind)
    {
        using SetEncoder encoder = Encoder(kind);
        float[] set = SupportSet(seed: 4);
        float[] swapped = (float[])set.Clone();
        // Swap the two shots of class 1.
        int first = 1 * Shots * ExampleSize;
        set.AsSpan(first, ExampleSize).CopyTo(swapped.AsSpan(first + ExampleSize, ExampleSize));
        set.AsSpan(first + ExampleSize, ExampleSize).CopyTo(swapped.AsSpan(first, ExampleSize));

        float[] expected = Encode(encoder, set);
        float[] actual = Encode(encoder, swapped);

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }

    [Fact]
    public void Prototypes_FollowTheLabels()
    {
        using SetEncoder encoder = Encoder(ConditioningEncoderKind.Prototypes);
        float[] set = SupportSet(seed: 5);
        int[] order = [2, 0, 1];

        float[] z = Encode(encoder, set);
        float[] permuted = Encode(encoder, PermuteClasses(set, order));

        for (int c = 0; c < Ways; c++)
        {
            Assert.Equal(z.AsSpan(c * ExampleSize, ExampleSize).ToArray(), permuted.AsSpan(order[c] * ExampleSize, ExampleSize).ToArray());
            for (int j = 0; j < ExampleSize; j++)
            {
                float mean = (set[(c * Shots * ExampleSize) + j] + set[(c * Shots * ExampleSize) + ExampleSize + j]) / 2;
                Assert.Equal(mean, z[(c * ExampleSize) + j], 1e-6f);
            }
        }
    }

    [Fact]
    public void DeepSets_FollowsTheLabels()
    {
        using SetEncoder encoder = Encoder(ConditioningEncoderKind.DeepSets);
        float[] set = SupportSet(seed: 6);

        float[] z = Encode(encoder, set);
        float[] permuted = Encode(encoder, PermuteClasses(set, [1, 2, 0]));

        // The labels are an input of φ: moving the classes to other labels changes z, unlike a label-blind mean.
        double difference = 0;
        for (int i = 0; i < z.Length; i++)
        {
            difference += Math.Abs(z[i] - permuted[i]);
        }

        Assert.True(difference > 1e-3, $"z did not change when the labels were permuted (|Δ| = {difference}).");
    }

    [Fact]
    public void SupportMean_CannotTellTheLabelsApart()
    {
        using SetEncoder encoder = Encoder(ConditioningEncoderKind.SupportMean);
        float[] set = SupportSet(seed: 7);

        float[] z = Encode(encoder, set);
        float[] permuted = Encode(encoder, PermuteClasses(set, [1, 2, 0]));

        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(z[i], permuted[i], 1e-5f);
        }
    }

    [Theory]
    [InlineData(ConditioningEncoderKind.Prototypes)]
    [InlineData(ConditioningEncoderKind.SupportMean)]
    [InlineData(ConditioningEncoderKind.DeepSets)]
    public void Encode_OfTheFixedLayoutEqualsForward(ConditioningEncoderKind kind)
    {
        using SetEncoder encoder = Encoder(kind);
        float[] set = SupportSet(seed: 8);
        int[] labels = [.. Enumerable.Range(0, Ways * Shots).Select(i => i / Shots)];
        var z = new float[encoder.OutputSize];

        encoder.Encode(set, labels, z);

        float[] expected = Encode(encoder, set);
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(expected[i], z[i], 1e-5f);
        }
    }

    [Fact]
    public void Encode_PoolsAnyNumberOfExamplesPerClass()
    {
        using SetEncoder encoder = Encoder(ConditioningEncoderKind.Prototypes);
        float[] examples = [1, 1, 1, 1, 3, 3, 3, 3, 5, 5, 5, 5, 7, 7, 7, 7, 9, 9, 9, 9];
        int[] labels = [0, 0, 0, 1, 2];
        var z = new float[encoder.OutputSize];

        encoder.Encode(examples, labels, z);

        Assert.Equal([3f, 3, 3, 3, 7, 7, 7, 7, 9, 9, 9, 9], z);
    }

    [Fact]
    public void Encode_ThrowsNamingAClassWithNoExample()
    {
        using SetEncoder encoder = Encoder(ConditioningEncoderKind.DeepSets);
        var z = new float[encoder.OutputSize];

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode(new float[4 * ExampleSize], [0, 0, 2, 2], z));

        Assert.Contains("Support class 1 has no example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_ThrowsNamingALabelOutsideTheWays()
    {
        using SetEncoder encoder = Encoder(ConditioningEncoderKind.Prototypes);
        var z = new float[encoder.OutputSize];

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode(new float[3 * ExampleSize], [0, 1, 3], z));

        Assert.Contains("Support example 2 has label 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConditioningEncoderKind.Prototypes, false)]
    [InlineData(ConditioningEncoderKind.DeepSets, false)]
    [InlineData(ConditioningEncoderKind.DeepSets, true)]
    public void Hypernetwork_GradientsMatchFiniteDifferences(ConditioningEncoderKind kind, bool oneSupportSetPerSlice)
    {
        HypernetworkSpec full = Spec(kind);
        // A generated-weights budget of one support set's network makes the batch run in slices of one group.
        HypernetworkSpec spec = oneSupportSetPerSlice ? WithMaxGenerated(full, full.TargetParameterCount()) : full;
        using var net = new Hypernetwork(spec, seed: 3);

        Assert.Contains(net.Parameters, p => p.Name.StartsWith("encoder.", StringComparison.Ordinal) == (kind == ConditioningEncoderKind.DeepSets));
        CheckGradients(net);
    }

    [Fact]
    public void Adapt_GeneratesTheNetworkOfTheSupportSetsConditioningRow()
    {
        using var net = new Hypernetwork(Spec(ConditioningEncoderKind.DeepSets), seed: 4);
        float[] set = SupportSet(seed: 13);
        int[] labels = [.. Enumerable.Range(0, Ways * Shots).Select(i => i / Shots)];

        TargetNetwork adapted = net.Adapt(set, labels);
        TargetNetwork materialized = net.Materialize(set);

        for (int l = 0; l < adapted.LayerSizes.Count; l++)
        {
            Assert.Equal(materialized.Weight(l).ToArray(), adapted.Weight(l).ToArray());
            Assert.Equal(materialized.Bias(l).ToArray(), adapted.Bias(l).ToArray());
        }
    }

    [Fact]
    public void Adapt_ThrowsForAHypernetworkWithoutASetEncoder()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk), seed: 1);

        var error = Assert.Throws<InvalidOperationException>(() => net.Adapt(new float[4], [0]));

        Assert.Contains("Adapt needs a few-shot encoder", error.Message, StringComparison.Ordinal);
    }

    private static HypernetworkSpec WithMaxGenerated(HypernetworkSpec s, long floats) => new()
    {
        ConditioningSize = s.ConditioningSize, InputSize = s.InputSize, TargetLayerSizes = s.TargetLayerSizes, HiddenSizes = s.HiddenSizes,
        Activation = s.Activation, GeneratorActivation = s.GeneratorActivation, Task = s.Task, Encoder = s.Encoder, Ways = s.Ways, Shots = s.Shots,
        SetHiddenSizes = s.SetHiddenSizes, SetEmbeddingSize = s.SetEmbeddingSize, MaxGeneratedFloats = floats,
    };

    [Fact]
    public void Spec_RejectsAConditioningSizeThatIsNotTheSupportSet()
    {
        HypernetworkSpec good = Spec(ConditioningEncoderKind.DeepSets);
        var spec = new HypernetworkSpec
        {
            ConditioningSize = good.ConditioningSize + 1, InputSize = good.InputSize, TargetLayerSizes = good.TargetLayerSizes,
            Task = good.Task, Encoder = good.Encoder, Ways = good.Ways, Shots = good.Shots,
        };

        var error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains("HypernetworkSpec.ConditioningSize", error.Message, StringComparison.Ordinal);
        Assert.Contains($"must be {good.ConditioningSize}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_RoundTripsADeepSetsHypernetwork()
    {
        HypernetworkSpec spec = Spec(ConditioningEncoderKind.DeepSets);
        using var net = new Hypernetwork(spec, seed: 9);

        using Hypernetwork loaded = RoundTrip(net);

        Assert.Equal(spec.SetHiddenSizes, loaded.Spec.SetHiddenSizes);
        Assert.Equal(spec.SetEmbeddingSize, loaded.Spec.SetEmbeddingSize);
    }
}
