using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Model;

public class HypernetworkTrainerTests
{
    [Fact]
    public void Fit_RestoresTheBestEpochWhenStoppingEarly()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var net = new Hypernetwork(spec, seed: 1);
        TrainingSet train = Set(spec, 40, 4, 1);
        // Validation labels unrelated to training: the validation loss soon rises, so early stopping triggers.
        TrainingSet validation = Set(spec, 20, 4, 2);
        var losses = new List<TrainingProgress>();
        var trainer = new TrainingLoop(new TrainingOptions { Epochs = 60, BatchSize = 8, LearningRate = 3e-2f, EarlyStoppingPatience = 3 });
        TrainingResult result = trainer.Fit(net, train, validation, new Recorder(losses));
        Assert.True(result.StoppedEarly);
        Assert.Equal(losses.Min(p => p.ValidationLoss), trainer.Evaluate(net, validation));
        Assert.Equal(losses.Min(p => p.ValidationLoss), result.BestValidationLoss);
    }

    [Fact]
    public void Fit_ThrowsNamingTheStepWhenTheLossDiverges()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, activation: Activation.Relu);
        using var net = new Hypernetwork(spec, seed: 1);
        TrainingSet train = Set(spec, 16, 2, 1);
        foreach (Parameter p in net.Parameters)
        {
            p.Value.Span.Fill(1e30f);
        }

        var trainer = new TrainingLoop(new TrainingOptions { Epochs = 1, BatchSize = 8, CalibrateInitialization = false });
        var e = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(net, train));
        Assert.Contains("step 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_StopsWhenCancelled()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var net = new Hypernetwork(spec, seed: 1);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var trainer = new TrainingLoop(new TrainingOptions { Epochs = 5 });
        Assert.Throws<OperationCanceledException>(() => trainer.Fit(net, Set(spec, 16, 2, 1), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Fit_WithTheSameSeedGivesBitwiseTheSameModel()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.Chunked);
        TrainingSet train = Set(spec, 32, 4, 1);
        float[] first = Trained(spec, train);
        float[] second = Trained(spec, train);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Fit_ReducesTheTrainingLoss()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.PerLayer, task: HypernetworkTask.MulticlassClassification);
        using var net = new Hypernetwork(spec, seed: 1);
        var progress = new List<TrainingProgress>();
        var trainer = new TrainingLoop(new TrainingOptions { Epochs = 30, BatchSize = 8, LearningRate = 1e-2f, ValidationFraction = 0.25f });
        trainer.Fit(net, Set(spec, 48, 3, 1), progress: new Recorder(progress));
        Assert.True(progress[^1].Loss < 0.5f * progress[0].Loss, $"loss {progress[0].Loss} -> {progress[^1].Loss}");
        Assert.All(progress, p => Assert.False(float.IsNaN(p.ValidationLoss)));
    }

    [Fact]
    public void TrainingOptions_ThrowNamingTheOptionOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainingLoop(new TrainingOptions { BatchSize = 0 }));
        Assert.Equal(nameof(TrainingOptions.BatchSize), e.ParamName);
    }

    [Fact]
    public void Split_ThrowsForASingleRow()
    {
        var set = new TrainingSet(new float[3], new float[4], new float[3], 1);
        Assert.Throws<ArgumentException>(() => set.Split(0.5f, 1));
    }

    [Fact]
    public void Fit_ThrowsWhenTheSetDoesNotMatchTheSpec()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk), seed: 1);
        var set = new TrainingSet(new float[2 * 3], new float[2 * 5], new float[2 * 3], 2);
        var e = Assert.Throws<ArgumentException>(() => new TrainingLoop(new TrainingOptions()).Fit(net, set));
        Assert.Equal("train", e.ParamName);
    }

    private static float[] Trained(HypernetworkSpec spec, TrainingSet train)
    {
        using var net = new Hypernetwork(spec, seed: 5);
        new TrainingLoop(new TrainingOptions { Epochs = 3, BatchSize = 8, Seed = 9 }).Fit(net, train);
        return [.. net.Parameters.SelectMany(p => p.Value.Span.ToArray())];
    }

    private static TrainingSet Set(HypernetworkSpec spec, int rows, int distinct, ulong seed)
    {
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows, distinct, seed);
        return new TrainingSet(conditioning, data, labels, rows);
    }

    private sealed class Recorder(List<TrainingProgress> list) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => list.Add(value);
    }
}
