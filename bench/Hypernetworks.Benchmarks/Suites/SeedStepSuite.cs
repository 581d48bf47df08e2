using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Optimizers;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// The seed's training step, as torch_reference.py's seed_step: SharedTrunk hypernetwork, conditioning 784 →
/// 128 → 128 → one head per target tensor, target 784 → 64 → 5, 4 tasks × 75 query rows, softmax cross-entropy,
/// Adam 1e-3, random inputs. Reports the time and the managed bytes allocated per warm step (all threads).
/// </summary>
internal sealed class SeedStepSuite : IBenchmarkSuite
{
    private const int Ways = 5;
    private const int Queries = 15;
    private const int Tasks = 4;
    private const int Pixels = 784;

    public string Name => "seed-step";

    public string Description => "seed hypernetwork training step (SharedTrunk 784->128->128, target 784->64->5, 4x75 rows, Adam): --iters N --warmup N --threads N --long-run yes|no (5000 timed steps unless --iters says otherwise, and the median ms per step of each 500-step window as window_ms_per_step; default no)";

    public void Run(BenchmarkOptions options)
    {
        bool longRun = options.GetString("long-run", "no") == "yes";
        int iters = options.GetInt("iters", longRun ? 5000 : 50);
        var spec = new HypernetworkSpec
        {
            ConditioningSize = Pixels, InputSize = Pixels, TargetLayerSizes = [(Pixels, 64), (64, Ways)], HiddenSizes = [128, 128],
            Activation = Activation.Relu, GeneratorActivation = Activation.Relu, Generator = GeneratorKind.SharedTrunk,
            Task = HypernetworkTask.MulticlassClassification,
        };
        using var net = new Hypernetwork(spec, seed: 0);
        int rows = Tasks * Ways * Queries;
        var random = new SeededRandom(0);
        var conditioning = new float[rows * Pixels];
        var data = new float[rows * Pixels];
        var labels = new float[rows];
        for (int t = 0; t < Tasks; t++)
        {
            var z = new float[Pixels];
            for (int i = 0; i < Pixels; i++)
            {
                z[i] = random.NextFloat();
            }

            for (int q = 0; q < Ways * Queries; q++)
            {
                z.CopyTo(conditioning, ((t * Ways * Queries) + q) * Pixels);
            }
        }

        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextFloat();
        }

        for (int i = 0; i < rows; i++)
        {
            labels[i] = random.NextInt(Ways);
        }

        using var adam = new Adam(net.Parameters, 1e-3f);
        float Step()
        {
            adam.ZeroGradients();
            float loss = net.ComputeGradients(conditioning, data, labels);
            adam.Step();
            return loss;
        }

        // Warm: enough steps for every kernel to reach its fully optimised JIT tier (5 steps left some in the
        // on-stack-replacement tier, which measured nearly twice as slow) and for the workers to be set up.
        int warmup = options.GetInt("warmup", 60);
        for (int i = 0; i < warmup; i++)
        {
            Step();
        }

        var windows = new StepWindows();
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        windows.Start();
        float loss = 0f;
        for (int i = 0; i < iters; i++)
        {
            loss = Step();
            windows.Lap();
        }

        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds / iters;
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        Console.Error.WriteLine($"seed-step: loss {loss:F4} after {iters + warmup} steps");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = Name,
            impl = "hypernetworks",
            threads = Hypernetworks.Tensors.WorkerPool.AvailableThreads,
            @params = net.ParameterCount,
            ms_per_step = Math.Round(ms, 3),
            bytes_per_step = (double)bytes / iters,
        }));
        if (longRun)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                suite = Name,
                impl = "hypernetworks",
                run = "long-run",
                threads = Hypernetworks.Tensors.WorkerPool.AvailableThreads,
                steps = iters,
                window_steps = StepWindows.WindowSteps,
                window_ms_per_step = windows.Medians,
                slowest_to_first = windows.SlowestToFirst,
                window_cpu_ms_per_step = windows.CpuMedians,
                cpu_slowest_to_first = windows.CpuSlowestToFirst,
            }));
        }
    }
}
