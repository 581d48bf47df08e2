using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.Json;
using Hypernetworks.Initialization;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Issue 3's scale goal: a Chunked hypernetwork (z of 8 → trunk [32] → one head of 2048, 16-wide chunk
/// embeddings) generating a 784 → 1024 → 256 → 10 target of over a million parameters, trained with
/// <see cref="TrainingLoop"/> (Adam 1e-3, batch 128) on synthetic multiclass tasks: a shared random linear
/// teacher labels Gaussian inputs and task t shifts its class by t, so each of the distinct conditionings needs
/// different generated weights. Reports the parameter ratio, the time per warm step (first epoch excluded),
/// the process's peak working set and the training-set loss before and after.
/// </summary>
internal sealed class ChunkedScaleSuite : IBenchmarkSuite
{
    private const int Pixels = 784;
    private const int Classes = 10;
    private const int ConditioningSize = 8;
    private const int Tasks = 8;
    private const int Rows = 2048;
    private const int BatchSize = 128;

    public string Name => "chunked-scale";

    public string Description => "Chunked hypernetwork training a >1M-parameter target (784->1024->256->10, batch 128, 8 tasks, Adam): --steps N (default 320)";

    public void Run(BenchmarkOptions options)
    {
        int steps = options.GetInt("steps", 320);
        if (steps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), steps, "--steps must be positive.");
        }

        var spec = new HypernetworkSpec
        {
            ConditioningSize = ConditioningSize, InputSize = Pixels, TargetLayerSizes = [(Pixels, 1024), (1024, 256), (256, Classes)],
            HiddenSizes = [32], Generator = GeneratorKind.Chunked, ChunkSize = 2048, ChunkEmbeddingSize = 16,
            Task = HypernetworkTask.MulticlassClassification,
        };
        using var net = new Hypernetwork(spec, seed: 0);
        TrainingSet set = SyntheticTasks(new SeededRandom(0));

        // The trainer would calibrate inside Fit; calibrating first makes the "before" loss that of the model trained.
        net.CalibrateInitialization(set.Conditioning);
        int stepsPerEpoch = Rows / BatchSize;
        var trainer = new TrainingLoop(new TrainingOptions
        {
            Epochs = (steps + stepsPerEpoch - 1) / stepsPerEpoch, BatchSize = BatchSize, LearningRate = 1e-3f,
            CalibrateInitialization = false, Seed = 1,
        });
        float lossFirst = trainer.Evaluate(net, set);
        var clock = new EpochClock();
        TrainingResult result = trainer.Fit(net, set, progress: clock);
        float lossLast = trainer.Evaluate(net, set);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long targetParams = net.GeneratedParameterCount;
        Console.Error.WriteLine($"chunked-scale: {result.Steps} steps in {result.Epochs} epochs, loss {lossFirst:F4} -> {lossLast:F4}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = Name,
            impl = "hypernetworks",
            target_params = targetParams,
            hypernetwork_params = net.ParameterCount,
            ratio = Math.Round((double)net.ParameterCount / targetParams, 4),
            steps = result.Steps,
            ms_per_step = Math.Round(clock.MillisecondsPerWarmStep, 3),
            peak_working_set_mib = Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
            loss_first = Math.Round(lossFirst, 4),
            loss_last = Math.Round(lossLast, 4),
        }));
    }

    internal static TrainingSet SyntheticTasks(SeededRandom random)
    {
        var teacher = new float[Classes * Pixels];
        for (int i = 0; i < teacher.Length; i++)
        {
            teacher[i] = random.NextGaussian();
        }

        var taskCodes = new float[Tasks * ConditioningSize];
        for (int i = 0; i < taskCodes.Length; i++)
        {
            taskCodes[i] = random.NextGaussian();
        }

        var conditioning = new float[Rows * ConditioningSize];
        var data = new float[Rows * Pixels];
        var labels = new float[Rows];
        for (int row = 0; row < Rows; row++)
        {
            int task = row % Tasks;
            taskCodes.AsSpan(task * ConditioningSize, ConditioningSize).CopyTo(conditioning.AsSpan(row * ConditioningSize));
            Span<float> x = data.AsSpan(row * Pixels, Pixels);
            for (int i = 0; i < Pixels; i++)
            {
                x[i] = random.NextGaussian();
            }

            int best = 0;
            float bestScore = float.NegativeInfinity;
            for (int c = 0; c < Classes; c++)
            {
                float score = TensorPrimitives.Dot(teacher.AsSpan(c * Pixels, Pixels), x);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }

            labels[row] = (best + task) % Classes;
        }

        return new TrainingSet(conditioning, data, labels, Rows);
    }

    /// <summary>
    /// Times the epochs after the first (which includes warm-up) from the trainer's synchronous per-epoch reports;
    /// with a single epoch, that epoch is all there is to time.
    /// </summary>
    internal sealed class EpochClock : IProgress<TrainingProgress>
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private long _firstEpochEnd;
        private int _firstEpochSteps;
        private long _lastEpochEnd;
        private int _lastSteps;

        public double MillisecondsPerWarmStep => _lastSteps > _firstEpochSteps
            ? Stopwatch.GetElapsedTime(_firstEpochEnd, _lastEpochEnd).TotalMilliseconds / (_lastSteps - _firstEpochSteps)
            : Stopwatch.GetElapsedTime(_start, _lastEpochEnd).TotalMilliseconds / Math.Max(1, _lastSteps);

        public void Report(TrainingProgress value)
        {
            long now = Stopwatch.GetTimestamp();
            if (value.Epoch == 1)
            {
                _firstEpochEnd = now;
                _firstEpochSteps = value.Step;
            }

            _lastEpochEnd = now;
            _lastSteps = value.Step;
        }
    }
}
