using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Conditioning;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Model;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.FewShot;

/// <summary>Small few-shot specs and support sets for the set-encoder tests.</summary>
internal static class SetEncoderFixtures
{
    public const int Ways = 3;
    public const int Shots = 2;
    public const int ExampleSize = 4;

    public static HypernetworkSpec Spec(ConditioningEncoderKind encoder) => new()
    {
        ConditioningSize = Ways * Shots * ExampleSize, InputSize = ExampleSize, TargetLayerSizes = [(ExampleSize, 5), (5, Ways)],
        HiddenSizes = [6], Activation = Activation.Tanh, GeneratorActivation = Activation.Tanh, Task = HypernetworkTask.MulticlassClassification,
        Encoder = encoder, Ways = Ways, Shots = Shots, SetHiddenSizes = [5, 4], SetEmbeddingSize = 3,
    };

    public static SetEncoder Encoder(ConditioningEncoderKind kind, ulong seed = 1)
    {
        SetEncoder encoder = kind switch
        {
            ConditioningEncoderKind.Prototypes => new PrototypeEncoder(Ways, Shots, ExampleSize),
            ConditioningEncoderKind.SupportMean => new SupportMeanEncoder(Ways, Shots, ExampleSize),
            _ => new DeepSetsEncoder(Ways, Shots, ExampleSize, [5, 4], 3),
        };
        encoder.Initialize(new SeededRandom(seed));
        return encoder;
    }

    /// <summary>One support set in the conditioning layout: [Ways, Shots, ExampleSize], Gaussian values.</summary>
    public static float[] SupportSet(ulong seed)
    {
        var random = new SeededRandom(seed);
        var set = new float[Ways * Shots * ExampleSize];
        for (int i = 0; i < set.Length; i++)
        {
            set[i] = random.NextGaussian();
        }

        return set;
    }

    /// <summary>The support set with class blocks reordered: block <paramref name="order"/>[c] of the result is block c of <paramref name="set"/>.</summary>
    public static float[] PermuteClasses(float[] set, int[] order)
    {
        int block = Shots * ExampleSize;
        var permuted = new float[set.Length];
        for (int c = 0; c < Ways; c++)
        {
            set.AsSpan(c * block, block).CopyTo(permuted.AsSpan(order[c] * block, block));
        }

        return permuted;
    }

    public static float[] Encode(SetEncoder encoder, float[] set)
    {
        var z = new float[encoder.OutputSize];
        encoder.Forward(set, 1, z);
        return z;
    }

    /// <summary>
    /// Every parameter's gradient of a six-row batch of two support sets (labels cycling through the classes) against
    /// finite differences.
    /// </summary>
    public static void CheckGradients(Hypernetwork net)
    {
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(net.Spec, rows: 6, distinct: 2, seed: 12);
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = i % Ways;
        }

        foreach (Parameter p in net.Parameters)
        {
            p.Gradient.Clear();
        }

        net.ComputeGradients(conditioning, data, labels);
        foreach (Parameter p in net.Parameters)
        {
            GradientCheck.Check(p.Name, p.Value.Span, p.Gradient.Span, () => net.ComputeLoss(conditioning, data, labels), relativeTolerance: 2e-2, absoluteTolerance: 2e-3);
        }
    }

    /// <summary>Saves and loads <paramref name="net"/>, asserting the loaded copy gives the same outputs on a small batch.</summary>
    public static Hypernetwork RoundTrip(Hypernetwork net)
    {
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(net.Spec, rows: 4, distinct: 2, seed: 2);
        var expected = new float[4 * net.OutputSize];
        net.Forward(conditioning, data, expected);
        using var stream = new MemoryStream();
        net.Save(stream);
        stream.Position = 0;

        Hypernetwork loaded = Hypernetwork.Load(stream);
        var actual = new float[expected.Length];
        loaded.Forward(conditioning, data, actual);
        Assert.Equal(expected, actual);
        return loaded;
    }
}
