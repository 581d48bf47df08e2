using Hypernetworks.Initialization;
using Hypernetworks.Model;
using Hypernetworks.Model.Continual;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Model.Continual;

public class OutputRegularizerTests
{
    [Theory]
    [InlineData(GeneratorKind.SharedTrunk, ContinualTargets.Stored)]
    [InlineData(GeneratorKind.Chunked, ContinualTargets.Stored)]
    [InlineData(GeneratorKind.PerLayer, ContinualTargets.FrozenCopy)]
    [InlineData(GeneratorKind.Chunked, ContinualTargets.FrozenCopy)]
    public void AddGradients_MatchesFiniteDifferences(GeneratorKind kind, ContinualTargets targets)
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(kind, ConditioningEncoderKind.Embedding), seed: 3);
        using var regularizer = new OutputRegularizer(net, [0, 2], new ContinualOptions { Regularization = 0.7f, Targets = targets });
        Perturb(net, seed: 8);
        foreach (Parameter p in net.Parameters)
        {
            p.Gradient.Clear();
        }

        float value = regularizer.AddGradients();
        Assert.True(value > 0, $"the regulariser is {value} after the generator moved");
        // The earlier tasks' embeddings are held fixed (their gradient stays 0, checked below): only the generator's parameters are checked.
        foreach (Parameter p in net.Parameters.Where(p => p != net.EmbeddingTable))
        {
            GradientCheck.Check(p.Name, p.Value.Span, p.Gradient.Span, () => regularizer.Value(), relativeTolerance: 2e-2, absoluteTolerance: 2e-3);
        }
    }

    [Theory]
    [InlineData(ContinualTargets.Stored)]
    [InlineData(ContinualTargets.FrozenCopy)]
    public void Value_IsBetaOverTasksTimesTheSquaredDistances(ContinualTargets targets)
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding), seed: 3);
        int[] earlier = [0, 2, 3];
        var before = new float[earlier.Length * net.GeneratedParameterCount];
        net.Generate([.. earlier.Select(k => (float)k)], before);
        using var regularizer = new OutputRegularizer(net, earlier, new ContinualOptions { Regularization = 0.3f, Targets = targets });
        Perturb(net, seed: 8);

        // β / T · Σ over the earlier tasks of ‖h(e_t) − h*(e_t)‖², from θ generated before and after the move.
        var after = new float[before.Length];
        net.Generate([.. earlier.Select(k => (float)k)], after);
        double squared = before.Zip(after).Sum(p => (double)(p.First - p.Second) * (p.First - p.Second));
        Assert.Equal(0.3 / earlier.Length * squared, regularizer.Value(), 1e-4 * Math.Max(1, squared));
    }

    [Fact]
    public void AddGradients_LeavesTheTaskEmbeddingsWithoutGradient()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding), seed: 3);
        using var regularizer = new OutputRegularizer(net, [1], new ContinualOptions { Regularization = 1f });
        Perturb(net, seed: 4);
        net.EmbeddingTable!.Gradient.Clear();
        regularizer.AddGradients();
        Assert.All(net.EmbeddingTable.Gradient.Span.ToArray(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Value_IsZeroBeforeTheGeneratorMoves()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.Chunked, ConditioningEncoderKind.Embedding), seed: 3);
        using var regularizer = new OutputRegularizer(net, [0, 1, 3], new ContinualOptions { Regularization = 1f });
        Assert.Equal(0f, regularizer.Value());
    }

    [Fact]
    public void AfterUpdate_PutsTheEarlierTasksEmbeddingsBack()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding), seed: 3);
        float[] before = net.EmbeddingTable!.Value.Span.ToArray();
        using var regularizer = new OutputRegularizer(net, [2], new ContinualOptions());
        net.EmbeddingTable.Value.Span.Fill(5f);
        regularizer.AfterUpdate();
        int width = net.Spec.EmbeddingSize;
        Assert.Equal(before.AsSpan(2 * width, width).ToArray(), net.EmbeddingTable.Value.Span.Slice(2 * width, width).ToArray());
        Assert.Equal(5f, net.EmbeddingTable.Value.Span[0]);
    }

    private static void Perturb(Hypernetwork net, ulong seed)
    {
        var random = new SeededRandom(seed);
        foreach (Parameter p in net.Parameters)
        {
            Span<float> values = p.Value.Span;
            for (int i = 0; i < values.Length; i++)
            {
                values[i] += 0.2f * random.NextGaussian();
            }
        }
    }
}
