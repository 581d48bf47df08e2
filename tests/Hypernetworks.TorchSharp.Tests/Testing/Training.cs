using Hypernetworks.Model;
using Hypernetworks.Model.Training;

namespace Hypernetworks.TorchSharp.Tests.Testing;

/// <summary>Trains two hypernetworks from the same seed, one per engine, and records what each run reported.</summary>
internal static class Training
{
    public static (TrainingResult Result, List<TrainingProgress> Progress, float[] Parameters) Run(HypernetworkSpec spec, TrainingSet train, TrainingOptions options, TrainingBackend backend, ulong seed = 11, TrainingSet? validation = null)
    {
        using var network = new Hypernetwork(spec, seed);
        var progress = new List<TrainingProgress>();
        TrainingOptions withBackend = With(options, backend);
        TrainingResult result = new TrainingLoop(withBackend).Fit(network, train, validation, new Recorder(progress));
        return (result, progress, Flatten(network));
    }

    public static float[] Flatten(Hypernetwork network) => [.. network.Parameters.SelectMany(p => p.Value.Span.ToArray())];

    public static TrainingOptions With(TrainingOptions o, TrainingBackend backend) => new()
    {
        Epochs = o.Epochs, BatchSize = o.BatchSize, LearningRate = o.LearningRate, Optimizer = o.Optimizer, Momentum = o.Momentum,
        WeightDecay = o.WeightDecay, Schedule = o.Schedule, GradientClipNorm = o.GradientClipNorm, ValidationFraction = o.ValidationFraction,
        EarlyStoppingPatience = o.EarlyStoppingPatience, Shuffle = o.Shuffle, CalibrateInitialization = o.CalibrateInitialization, Seed = o.Seed,
        Backend = backend,
    };

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool), optionally acting on each report.</summary>
    public sealed class Recorder(List<TrainingProgress> reports, Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
