using Hypernetworks.Optimizers;

namespace Hypernetworks.Model.Training;

/// <summary>Options of <see cref="TrainingLoop"/>.</summary>
public sealed class TrainingOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Rows per step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>The base learning rate.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>The momentum factor of <see cref="OptimizerKind.Sgd"/>; 0 for plain SGD.</summary>
    public float Momentum { get; init; }

    /// <summary>Weight decay (L2 for Adam and SGD, decoupled for AdamW).</summary>
    public float WeightDecay { get; init; }

    /// <summary>The learning-rate schedule over steps; null keeps the base rate.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Clip the gradients' global norm to this value; 0 turns clipping off.</summary>
    public float GradientClipNorm { get; init; }

    /// <summary>Fraction of the training rows held out for validation when no validation set is given; 0 for none.</summary>
    public float ValidationFraction { get; init; }

    /// <summary>Stop after this many epochs without a better validation loss, and restore the best epoch; 0 turns it off.</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Shuffle the rows every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Rescale the generator heads to the training conditions before the first step (hyperfan calibration).</summary>
    public bool CalibrateInitialization { get; init; } = true;

    /// <summary>Seed of shuffling and of the validation split.</summary>
    public ulong Seed { get; init; }

    /// <summary>The engine the steps run on; null for <see cref="TrainingBackend.Managed"/>.</summary>
    public TrainingBackend? Backend { get; init; }

    /// <summary>A copy of these options that runs on <paramref name="backend"/> and calibrates only if asked and these options do.</summary>
    internal TrainingOptions With(TrainingBackend backend, bool calibrate) => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Optimizer = Optimizer,
        Momentum = Momentum,
        WeightDecay = WeightDecay,
        Schedule = Schedule,
        GradientClipNorm = GradientClipNorm,
        ValidationFraction = ValidationFraction,
        EarlyStoppingPatience = EarlyStoppingPatience,
        Shuffle = Shuffle,
        CalibrateInitialization = CalibrateInitialization && calibrate,
        Seed = Seed,
        Backend = backend,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Epochs > 0, nameof(Epochs), $"is {Epochs}; it must be positive");
        Require(BatchSize > 0, nameof(BatchSize), $"is {BatchSize}; it must be positive");
        Require(LearningRate > 0 && float.IsFinite(LearningRate), nameof(LearningRate), $"is {LearningRate}; it must be positive and finite");
        Require(Momentum >= 0 && float.IsFinite(Momentum), nameof(Momentum), $"is {Momentum}; it must be non-negative and finite");
        Require(WeightDecay >= 0 && float.IsFinite(WeightDecay), nameof(WeightDecay), $"is {WeightDecay}; it must be non-negative");
        Require(GradientClipNorm >= 0 && float.IsFinite(GradientClipNorm), nameof(GradientClipNorm), $"is {GradientClipNorm}; it must be non-negative (0 = off)");
        Require(ValidationFraction is >= 0 and < 1, nameof(ValidationFraction), $"is {ValidationFraction}; it must be in [0, 1)");
        Require(EarlyStoppingPatience >= 0, nameof(EarlyStoppingPatience), $"is {EarlyStoppingPatience}; it must be non-negative (0 = off)");
        Require(Enum.IsDefined(Optimizer), nameof(Optimizer), $"is {Optimizer}, not a known optimizer");
    }

    private static void Require(bool condition, string option, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"TrainingOptions.{option} {message}.", option);
        }
    }
}
