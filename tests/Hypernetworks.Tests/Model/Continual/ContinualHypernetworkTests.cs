using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Continual;
using Hypernetworks.Model.Training;
using Xunit.Abstractions;

namespace Hypernetworks.Tests.Model.Continual;

public class ContinualHypernetworkTests(ITestOutputHelper output)
{
    private static readonly TrainingOptions Training = new() { Epochs = 40, BatchSize = 32, LearningRate = 3e-3f, Seed = 5 };

    [Theory]
    [InlineData(ContinualTargets.Stored)]
    [InlineData(ContinualTargets.FrozenCopy)]
    public void Learn_WithRegularizationKeepsTheFirstTask(ContinualTargets targets)
    {
        (float justLearned, float final) = FirstTaskErrors(new ContinualOptions { Regularization = 0.05f, Targets = targets });
        output.WriteLine($"{targets}: task 0 MSE {justLearned} just learned, {final} after task 2");
        Assert.True(final <= 2 * justLearned, $"task 0's MSE went from {justLearned} to {final}");
    }

    [Fact]
    public void Learn_WithoutRegularizationForgetsTheFirstTask()
    {
        (float justLearned, float final) = FirstTaskErrors(new ContinualOptions { Regularization = 0f });
        output.WriteLine($"β = 0: task 0 MSE {justLearned} just learned, {final} after task 2");
        Assert.True(final > 10 * justLearned, $"task 0's MSE only went from {justLearned} to {final}");
    }

    [Fact]
    public void Learn_GrowsTheTableAndKeepsEarlierPredictions()
    {
        using var continual = new ContinualHypernetwork(new Hypernetwork(Spec(keys: 1), seed: 1));
        continual.Learn(ContinualRegressionTasks.Sample(0, 64, seed: 1), new TrainingOptions { Epochs = 1 }, new ContinualOptions());
        TrainingSet probe = ContinualRegressionTasks.Sample(0, 16, seed: 2);
        var before = new float[16];
        continual.Network.Forward(probe.Conditioning, probe.Data, before);
        using Hypernetwork grown = TaskTable.Grow(continual.Network, 3, seed: 9);
        var after = new float[16];
        grown.Forward(probe.Conditioning, probe.Data, after);
        Assert.Equal(3, grown.Spec.EmbeddingCount);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    public void Learn_OfANewKeyGrowsTheTableWithoutMovingAnEarlierTask(GeneratorKind kind)
    {
        // An earlier task's embedding row must come through a learn that grows the table, under AdamW's weight decay,
        // clipping and early stopping, bitwise; a chunked network keeps its output scale.
        using var continual = new ContinualHypernetwork(new Hypernetwork(Spec(keys: 1, kind), seed: 1));
        continual.Learn(ContinualRegressionTasks.Sample(0, 64, seed: 1), new TrainingOptions { Epochs = 2 }, new ContinualOptions());
        float[] firstRow = continual.Network.EmbeddingTable!.Value.Span[..8].ToArray();
        float[]? scale = continual.Network.ChunkScale?.ToArray();

        continual.Learn(ContinualRegressionTasks.Sample(2, 64, seed: 3), new TrainingOptions
        {
            Epochs = 3, Optimizer = OptimizerKind.AdamW, WeightDecay = 0.1f, GradientClipNorm = 0.5f, ValidationFraction = 0.25f, EarlyStoppingPatience = 1,
        }, new ContinualOptions());

        Assert.Equal(3, continual.Network.Spec.EmbeddingCount);
        Assert.Equal(firstRow, continual.Network.EmbeddingTable!.Value.Span[..8].ToArray());
        Assert.Equal(scale, continual.Network.ChunkScale?.ToArray());
        Assert.Equal([0, 2], continual.LearnedTasks);
    }

    [Fact]
    public void Learn_ThrowsForATaskLearnedBefore()
    {
        using var continual = new ContinualHypernetwork(new Hypernetwork(Spec(keys: 2), seed: 1), [1]);
        var e = Assert.Throws<ArgumentException>(() => continual.Learn(ContinualRegressionTasks.Sample(1, 8, seed: 1), Training, new ContinualOptions()));
        Assert.Contains("task key 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_ThrowsForANonIntegerKey()
    {
        using var continual = new ContinualHypernetwork(new Hypernetwork(Spec(keys: 2), seed: 1));
        var set = new TrainingSet([0f, 0.5f], [0f, 1f], [0f, 1f], 2);
        var e = Assert.Throws<ArgumentException>(() => continual.Learn(set, Training, new ContinualOptions()));
        Assert.Contains("Row 1 holds task key 0.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ThrowsForDenseConditioning()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 1, TargetLayerSizes = [(1, 1)] };
        using var net = new Hypernetwork(spec);
        var e = Assert.Throws<ArgumentException>(() => new ContinualHypernetwork(net));
        Assert.Contains("Embedding", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinualOptions_ThrowsForNegativeRegularization()
    {
        var e = Assert.Throws<ArgumentException>(() => new ContinualOptions { Regularization = -1f }.Validate());
        Assert.Equal("Regularization", e.ParamName);
    }

    private static HypernetworkSpec Spec(int keys, GeneratorKind kind = GeneratorKind.SharedTrunk) => new()
    {
        ConditioningSize = 1, Encoder = ConditioningEncoderKind.Embedding, EmbeddingCount = keys, EmbeddingSize = 8,
        InputSize = 1, TargetLayerSizes = [(1, 24), (24, 1)], HiddenSizes = [32], Activation = Activation.Tanh,
        Generator = kind, ChunkSize = 16,
    };

    /// <summary>Task 0's test MSE right after it was learned and after tasks 1 and 2 were learned in turn.</summary>
    private static (float JustLearned, float Final) FirstTaskErrors(ContinualOptions options)
    {
        using var continual = new ContinualHypernetwork(new Hypernetwork(Spec(keys: 1), seed: 1));
        TrainingSet test = ContinualRegressionTasks.Sample(0, 200, seed: 100);
        float justLearned = 0;
        for (int task = 0; task < ContinualRegressionTasks.Count; task++)
        {
            continual.Learn(ContinualRegressionTasks.Sample(task, 256, seed: (ulong)task + 1), Training, options);
            if (task == 0)
            {
                justLearned = continual.Network.ComputeLoss(test.Conditioning, test.Data, test.Labels);
            }
        }

        return (justLearned, continual.Network.ComputeLoss(test.Conditioning, test.Data, test.Labels));
    }
}
