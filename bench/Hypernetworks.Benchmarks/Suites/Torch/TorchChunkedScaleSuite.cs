using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.Initialization;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.TorchSharp;
using Hypernetworks.TorchSharp.Native;

namespace Hypernetworks.Benchmarks.Suites.Torch;

/// <summary>
/// chunked-scale --backend torchsharp: the chunked-scale suite's model and data trained by the same
/// <see cref="TrainingLoop"/> on the TorchSharp backend (libtorch's CPU). Run it in its own process (the peak working
/// set is the process's, libtorch's memory included) beside the managed <c>chunked-scale</c> run.
/// </summary>
internal sealed class TorchChunkedScaleSuite : IBenchmarkSuite
{
    private const int BatchSize = 128;

    public string Name => "chunked-scale/torchsharp";

    public string Description => "chunked-scale on the TorchSharp backend: --steps N (default 320) --threads N";

    public void Run(BenchmarkOptions options)
    {
        int steps = options.GetInt("steps", 320);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps, nameof(options));
        LibTorchRuntime.EnsureLoaded();
        global::TorchSharp.torch.set_num_threads(options.GetInt("threads", 1));
        var spec = new HypernetworkSpec
        {
            ConditioningSize = 8, InputSize = 784, TargetLayerSizes = [(784, 1024), (1024, 256), (256, 10)],
            HiddenSizes = [32], Generator = GeneratorKind.Chunked, ChunkSize = 2048, ChunkEmbeddingSize = 16,
            Task = HypernetworkTask.MulticlassClassification,
        };
        using var net = new Hypernetwork(spec, seed: 0);
        TrainingSet set = ChunkedScaleSuite.SyntheticTasks(new SeededRandom(0));
        net.CalibrateInitialization(set.Conditioning);
        int stepsPerEpoch = set.Rows / BatchSize;
        var trainer = new TrainingLoop(new TrainingOptions
        {
            Epochs = (steps + stepsPerEpoch - 1) / stepsPerEpoch, BatchSize = BatchSize, LearningRate = 1e-3f,
            CalibrateInitialization = false, Seed = 1, Backend = new TorchSharpBackend(),
        });
        float lossFirst = trainer.Evaluate(net, set);
        var clock = new ChunkedScaleSuite.EpochClock();
        TrainingResult result = trainer.Fit(net, set, progress: clock);
        float lossLast = trainer.Evaluate(net, set);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.Error.WriteLine($"chunked-scale torchsharp: {result.Steps} steps in {result.Epochs} epochs, loss {lossFirst:F4} -> {lossLast:F4} (evaluated on the managed engine)");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = "chunked-scale",
            impl = "torchsharp",
            target_params = net.GeneratedParameterCount,
            hypernetwork_params = net.ParameterCount,
            steps = result.Steps,
            ms_per_step = Math.Round(clock.MillisecondsPerWarmStep, 3),
            peak_working_set_mib = Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
            loss_first = Math.Round(lossFirst, 4),
            loss_last = Math.Round(lossLast, 4),
        }));
    }
}
