using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.Optimizers;
using Hypernetworks.TorchSharp.Tests.Testing;

namespace Hypernetworks.TorchSharp.Tests.Training;

/// <summary>The same training run on both engines: after 50 steps the losses agree within 1e-3 relative.</summary>
public class LossAgreementTests
{
    private static readonly TrainingOptions FiftyAdamSteps = new() { Epochs = 10, BatchSize = 16, LearningRate = 3e-3f, Seed = 2 };

    public static TheoryData<GeneratorKind, bool, ConditioningEncoderKind, HypernetworkTask> EveryKindEncoderAndTask()
        => Matrix.EveryKindEncoderAndTask();

    public static TheoryData<string> EveryOption() =>
        ["adamw", "adam-l2", "sgd", "sgd-momentum", "cosine", "warmup", "clipping", "validation", "early-stopping", "no-shuffle", "no-calibration"];

    [SkippableTheory]
    [MemberData(nameof(EveryKindEncoderAndTask))]
    public void Fit_LossesAgreeAfter50AdamSteps(GeneratorKind kind, bool lowRankBase, ConditioningEncoderKind encoder, HypernetworkTask task)
    {
        Libtorch.Require();
        HypernetworkSpec spec = Specs.Tiny(kind, lowRankBase, encoder, task);
        TrainingSet train = Specs.Batch(spec, 80, r => r % 5, seed: 12);
        var managed = Testing.Training.Run(spec, train, FiftyAdamSteps, TrainingBackend.Managed);
        var torch = Testing.Training.Run(spec, train, FiftyAdamSteps, new TorchSharpBackend());
        Assert.Equal(50, torch.Result.Steps);
        AssertSameRun(managed, torch);
    }

    [SkippableTheory]
    [MemberData(nameof(EveryOption))]
    public void Fit_LossesAgreeForEveryTrainingOption(string option)
    {
        Libtorch.Require();
        HypernetworkSpec spec = Specs.Tiny(GeneratorKind.SharedTrunk, task: HypernetworkTask.MulticlassClassification);
        TrainingSet train = Specs.Batch(spec, 80, r => r % 5, seed: 13);
        TrainingOptions options = option switch
        {
            "adamw" => new() { Optimizer = OptimizerKind.AdamW, WeightDecay = 0.05f },
            "adam-l2" => new() { WeightDecay = 1e-2f },
            "sgd" => new() { Optimizer = OptimizerKind.Sgd, LearningRate = 0.05f, WeightDecay = 1e-3f },
            "sgd-momentum" => new() { Optimizer = OptimizerKind.Sgd, LearningRate = 0.02f, Momentum = 0.9f },
            "cosine" => new() { Schedule = new CosineSchedule(50, 1e-4f) },
            "warmup" => new() { Schedule = new WarmupDecaySchedule(10, 50) },
            "clipping" => new() { GradientClipNorm = 0.05f },
            "validation" => new() { ValidationFraction = 0.25f },
            "early-stopping" => new() { ValidationFraction = 0.25f, EarlyStoppingPatience = 2, Epochs = 40, LearningRate = 2e-2f },
            "no-shuffle" => new() { Shuffle = false },
            _ => new() { CalibrateInitialization = false },
        };
        TrainingOptions run = new()
        {
            Epochs = option == "early-stopping" ? options.Epochs : 10, BatchSize = 16, LearningRate = options.LearningRate == new TrainingOptions().LearningRate ? 3e-3f : options.LearningRate,
            Optimizer = options.Optimizer, Momentum = options.Momentum, WeightDecay = options.WeightDecay, Schedule = options.Schedule,
            GradientClipNorm = options.GradientClipNorm, ValidationFraction = options.ValidationFraction, EarlyStoppingPatience = options.EarlyStoppingPatience,
            Shuffle = options.Shuffle, CalibrateInitialization = options.CalibrateInitialization, Seed = 3,
        };
        var managed = Testing.Training.Run(spec, train, run, TrainingBackend.Managed);
        var torch = Testing.Training.Run(spec, train, run, new TorchSharpBackend());
        AssertSameRun(managed, torch);
    }

    [SkippableFact]
    public void Fit_ContinuesAManagedModelWithTheSameResult()
    {
        Libtorch.Require();
        HypernetworkSpec spec = Specs.Tiny(GeneratorKind.Chunked, task: HypernetworkTask.Regression);
        TrainingSet train = Specs.Batch(spec, 80, r => r % 5, seed: 14);
        var options = new TrainingOptions { Epochs = 5, BatchSize = 16, LearningRate = 3e-3f, Seed = 4 };
        using var managed = new Hypernetwork(spec, seed: 15);
        using var mixed = new Hypernetwork(spec, seed: 15);
        new TrainingLoop(options).Fit(managed, train);
        new TrainingLoop(options).Fit(mixed, train);
        var managedSecond = new TrainingLoop(Testing.Training.With(new TrainingOptions { Epochs = 5, BatchSize = 16, LearningRate = 3e-3f, Seed = 5, CalibrateInitialization = false }, TrainingBackend.Managed));
        var torchSecond = new TrainingLoop(Testing.Training.With(new TrainingOptions { Epochs = 5, BatchSize = 16, LearningRate = 3e-3f, Seed = 5, CalibrateInitialization = false }, new TorchSharpBackend()));
        TrainingResult expected = managedSecond.Fit(managed, train);
        TrainingResult actual = torchSecond.Fit(mixed, train);
        Compare.Close(actual.FinalLoss, expected.FinalLoss, 1e-3, "final loss");
        Compare.Close(managedSecond.Evaluate(mixed, train), managedSecond.Evaluate(managed, train), 1e-3, "loss on the managed engine");
    }

    private static void AssertSameRun((TrainingResult Result, List<TrainingProgress> Progress, float[] Parameters) managed, (TrainingResult Result, List<TrainingProgress> Progress, float[] Parameters) torch)
    {
        Assert.Equal(managed.Result.Epochs, torch.Result.Epochs);
        Assert.Equal(managed.Result.Steps, torch.Result.Steps);
        Assert.Equal(managed.Result.BestEpoch, torch.Result.BestEpoch);
        Assert.Equal(managed.Result.StoppedEarly, torch.Result.StoppedEarly);
        Assert.Equal(managed.Progress.Count, torch.Progress.Count);
        for (int i = 0; i < managed.Progress.Count; i++)
        {
            Compare.Close(torch.Progress[i].Loss, managed.Progress[i].Loss, 1e-3, $"epoch {i + 1} loss");
            if (!float.IsNaN(managed.Progress[i].ValidationLoss))
            {
                Compare.Close(torch.Progress[i].ValidationLoss, managed.Progress[i].ValidationLoss, 1e-3, $"epoch {i + 1} validation loss");
            }
        }

        Compare.Close(torch.Parameters, managed.Parameters, 1e-3, "trained parameters");
    }
}
