using Hypernetworks.Model;
using Hypernetworks.Model.Conditioning;
using Hypernetworks.Model.Training;
using Hypernetworks.Tensors;
using Hypernetworks.TorchSharp.Tests.Testing;

namespace Hypernetworks.TorchSharp.Tests.Training;

/// <summary>The loop's guards and the trained state's currency on the TorchSharp backend.</summary>
public class TorchTrainingTests
{
    private static readonly HypernetworkSpec Spec = Specs.Tiny(GeneratorKind.SharedTrunk, task: HypernetworkTask.BinaryClassification);

    [SkippableFact]
    public void Fit_ThrowsNamingTheStepWhenTheLossDiverges()
    {
        Libtorch.Require();
        using var network = new Hypernetwork(Spec, seed: 1);
        foreach (Parameter p in network.Parameters)
        {
            p.Value.Span.Fill(1e30f);
        }

        var loop = new TrainingLoop(new TrainingOptions { Epochs = 1, BatchSize = 8, CalibrateInitialization = false, Backend = new TorchSharpBackend() });
        var e = Assert.Throws<TrainingDivergedException>(() => loop.Fit(network, Specs.Batch(Spec, 16, r => r % 2, seed: 1)));
        Assert.Contains("step 0", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ComputeGradients_ReportsTheNormBeforeClippingAsTheManagedEngine()
    {
        Libtorch.Require();
        using var network = new Hypernetwork(Spec, seed: 1);
        TrainingSet batch = Specs.Batch(Spec, 16, r => r % 3, seed: 1);
        var options = new TrainingOptions { GradientClipNorm = 1e-3f };
        using TrainingSession managed = TrainingBackend.Managed.Open(network, options);
        using TrainingSession torch = new TorchSharpBackend().Open(network, options);
        GradientStep expected = managed.ComputeGradients(batch.Conditioning, batch.Data, batch.Labels);
        GradientStep actual = torch.ComputeGradients(batch.Conditioning, batch.Data, batch.Labels);
        Assert.True(expected.GradientNorm > 1e-3f);
        Compare.Close(actual.GradientNorm, expected.GradientNorm, 1e-5, "gradient norm");
        Compare.Close(actual.Loss, expected.Loss, 1e-5, "loss");
    }

    [SkippableFact]
    public void Fit_StopsWhenCancelledAndKeepsTheStepsTaken()
    {
        Libtorch.Require();
        using var network = new Hypernetwork(Spec, seed: 2);
        float[] initial = Testing.Training.Flatten(network);
        using var cancellation = new CancellationTokenSource();
        var reports = new List<TrainingProgress>();
        var loop = new TrainingLoop(new TrainingOptions { Epochs = 10, BatchSize = 8, Backend = new TorchSharpBackend() });
        Assert.ThrowsAny<OperationCanceledException>(() => loop.Fit(network, Specs.Batch(Spec, 32, r => r % 4, seed: 2), progress: new Testing.Training.Recorder(reports, p =>
        {
            if (p.Epoch == 2)
            {
                cancellation.Cancel();
            }
        }), cancellationToken: cancellation.Token));
        Assert.Equal(2, reports.Count);
        Assert.NotEqual(initial, Testing.Training.Flatten(network));
    }

    [SkippableFact]
    public void Fit_ReportsProgressEveryEpoch()
    {
        Libtorch.Require();
        var result = Testing.Training.Run(Spec, Specs.Batch(Spec, 40, r => r % 4, seed: 3), new TrainingOptions { Epochs = 4, BatchSize = 8, ValidationFraction = 0.2f }, new TorchSharpBackend());
        Assert.Equal([1, 2, 3, 4], result.Progress.Select(p => p.Epoch));
        Assert.Equal([4, 8, 12, 16], result.Progress.Select(p => p.Step));
        Assert.All(result.Progress, p => Assert.True(float.IsFinite(p.ValidationLoss)));
    }

    [SkippableFact]
    public void Fit_GivesTheSameModelForTheSameSeed()
    {
        Libtorch.Require();
        TrainingSet train = Specs.Batch(Spec, 40, r => r % 4, seed: 4);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 8, Seed = 9 };
        Assert.Equal(
            Testing.Training.Run(Spec, train, options, new TorchSharpBackend()).Parameters,
            Testing.Training.Run(Spec, train, options, new TorchSharpBackend()).Parameters);
    }

    [SkippableFact]
    public void TrainedModel_SavesLoadsAndScoresOnTheManagedEngine()
    {
        Libtorch.Require();
        using var network = new Hypernetwork(Spec, seed: 5);
        TrainingSet train = Specs.Batch(Spec, 40, r => r % 4, seed: 5);
        var loop = new TrainingLoop(new TrainingOptions { Epochs = 3, BatchSize = 8, Backend = new TorchSharpBackend() });
        float before = loop.Evaluate(network, train);
        loop.Fit(network, train);
        Assert.True(loop.Evaluate(network, train) < before);
        using var stream = new MemoryStream();
        network.Save(stream);
        stream.Position = 0;
        using Hypernetwork loaded = Hypernetwork.Load(stream);
        var expected = new float[train.Rows * Spec.OutputSize];
        var actual = new float[expected.Length];
        network.Forward(train.Conditioning, train.Data, expected);
        loaded.Forward(train.Conditioning, train.Data, actual);
        Assert.Equal(expected, actual);
    }

    [SkippableFact]
    public void Open_RejectsAFewShotEncoder()
    {
        Libtorch.Require();
        var spec = new HypernetworkSpec
        {
            ConditioningSize = 2 * 1 * 3, InputSize = 3, TargetLayerSizes = [(3, 2)], HiddenSizes = [], Task = HypernetworkTask.MulticlassClassification,
            Encoder = ConditioningEncoderKind.DeepSets, Ways = 2, Shots = 1, SetHiddenSizes = [4], SetEmbeddingSize = 2,
        };
        using var network = new Hypernetwork(spec, 0);
        var e = Assert.Throws<NotSupportedException>(() => new TorchSharpBackend().Open(network, new TrainingOptions()));
        Assert.Contains("few-shot DeepSets encoder", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Open_RejectsACustomEncoder()
    {
        Libtorch.Require();
        HypernetworkSpec spec = Specs.Tiny(GeneratorKind.SharedTrunk, encoder: ConditioningEncoderKind.Custom);
        using var network = new Hypernetwork(spec, 0, new DenseEncoder(spec.ConditioningSize));
        var e = Assert.Throws<NotSupportedException>(() => new TorchSharpBackend().Open(network, new TrainingOptions()));
        Assert.Contains("custom conditioning encoder", e.Message, StringComparison.Ordinal);
    }
}
