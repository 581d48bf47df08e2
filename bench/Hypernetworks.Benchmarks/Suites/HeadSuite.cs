using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Optimizers;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// The parts of the seed step that stream the big generator head (128 → 50,176, 25.7 MB of weights): its forward
/// for 4 conditions; its backward after the gradient was zeroed (as in a training step: W read, dW written) and
/// accumulating into a gradient (W and dW read, dW written); Adam's update of it (W, dW and both moments read, W and
/// the moments written). Each is timed once warm and given as ms and as the GB/s of the memory it must move, to
/// show how close each is to the machine's bandwidth.
/// </summary>
internal sealed class HeadSuite : IBenchmarkSuite
{
    private const int Inputs = 128;
    private const int Outputs = 784 * 64;
    private const int Rows = 4;

    public string Name => "head";

    public string Description => "generator head 128->50176 x 4 rows: forward, zero+backward, accumulating backward and Adam, ms and GB/s: --iters N --threads N";

    public void Run(BenchmarkOptions options)
    {
        int iters = options.GetInt("iters", 50);
        using var layer = new Linear(Inputs, Outputs, "head");
        var random = new SeededRandom(1);
        Fill(layer.Weight.Value.Span, random);
        var x = new float[Rows * Inputs];
        var y = new float[Rows * Outputs];
        var dx = new float[Rows * Inputs];
        Fill(x, random);
        Fill(y, random);
        using var adam = new Adam([layer.Weight, layer.Bias]);
        double megabytes = (double)Outputs * Inputs * sizeof(float) / 1e6;
        Report("forward", Time(iters, () => layer.Forward(x, Inputs, Rows, y, Outputs)), megabytes);
        Report("zero+backward", Time(iters, () =>
        {
            adam.ZeroGradients();
            layer.Backward(x, Inputs, y, Outputs, Rows, dx, Inputs, accumulateInput: false);
        }), 2 * megabytes);
        Report("backward-accumulating", Time(iters, () => layer.Backward(x, Inputs, y, Outputs, Rows, dx, Inputs, accumulateInput: false)), 3 * megabytes);
        Report("adam", Time(iters, adam.Step), 7 * megabytes);
    }

    private static double Time(int iters, Action action)
    {
        // Enough calls for the kernels to reach their fully optimised JIT tier before the clock starts.
        for (int i = 0; i < 60; i++)
        {
            action();
        }

        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < iters; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / iters;
    }

    private static void Report(string part, double ms, double megabytes) => Console.WriteLine(JsonSerializer.Serialize(new
    {
        suite = "head",
        impl = "hypernetworks",
        part,
        threads = Hypernetworks.Tensors.WorkerPool.AvailableThreads,
        ms = Math.Round(ms, 3),
        gb_per_s = Math.Round(megabytes / ms, 1),
    }));

    private static void Fill(Span<float> values, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextFloat(-0.1f, 0.1f);
        }
    }
}
