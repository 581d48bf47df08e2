using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.Initialization;
using Hypernetworks.Tensors;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Square single-precision GEMM, C = A·B, at the sizes PyTorch's reference script measures; prints GFLOP/s.
/// Options: --threads N (default 1); --sizes 64,256 (default 64,256,512,1024,2048); --shape MxNxK (one
/// rectangular shape instead); --transpose NN|NT|TN|TT (default NN); --path Auto|Packed512|Direct512|...;
/// --cpu-time yes adds "gflops_cpu", the rate per second of process CPU time, which a busy shared machine
/// disturbs far less than wall time (for tuning; compare peers by wall time).
/// </summary>
internal sealed class GemmSuite : IBenchmarkSuite
{
    private const double SecondsPerSize = 1.5;
    private const double WindowSeconds = 0.05;

    public string Name => "gemm";

    public string Description => "square GEMM GFLOP/s at 64..2048 (--threads N)";

    public void Run(BenchmarkOptions options)
    {
        int threads = options.GetInt("threads", 1);
        string transpose = options.GetString("transpose", "NN");
        GemmPath path = Enum.Parse<GemmPath>(options.GetString("path", "Auto"));
        string shape = options.GetString("shape", "");
        bool cpuTime = options.GetString("cpu-time", "no") == "yes";
        List<(int M, int N, int K)> shapes = shape.Length > 0
            ? [ParseShape(shape)]
            : options.GetString("sizes", "64,256,512,1024,2048").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Select(s => (s, s, s)).ToList();

        Gemm.ForcedPath = path;
        try
        {
            foreach ((int m, int n, int k) in shapes)
            {
                (double gflops, double gflopsCpu) = Measure(m, n, k, transpose[0] == 'T', transpose[1] == 'T');
                var line = new Dictionary<string, object>
                {
                    ["suite"] = "gemm",
                    ["impl"] = "hypernetworks",
                    ["m"] = m,
                    ["n"] = n,
                    ["k"] = k,
                    ["threads"] = threads,
                    ["gflops"] = Math.Round(gflops, 1),
                };
                if (cpuTime)
                {
                    line["gflops_cpu"] = Math.Round(gflopsCpu, 1);
                }

                if (transpose != "NN" || path != GemmPath.Auto)
                {
                    line["transpose"] = transpose;
                    line["path"] = path.ToString();
                }

                Console.WriteLine(JsonSerializer.Serialize(line));
            }
        }
        finally
        {
            Gemm.ForcedPath = GemmPath.Auto;
        }
    }

    private static (int M, int N, int K) ParseShape(string text)
    {
        int[] parts = text.Split('x').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    private static (double Wall, double Cpu) Measure(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var random = new SeededRandom(1);
        float[] a = Fill(m * k, random);
        float[] b = Fill(k * n, random);
        float[] c = new float[m * n];
        int lda = transposeA ? m : k;
        int ldb = transposeB ? k : n;
        void Once() => Gemm.Multiply(transposeA, transposeB, m, n, k, 1f, a, lda, b, ldb, 0f, c, n);

        double flops = 2.0 * m * n * k;
        var watch = Stopwatch.StartNew();
        // Warm up past tiered compilation, then size the timed run to about SecondsPerSize.
        int warm = 0;
        while (watch.Elapsed.TotalSeconds < 0.3 || warm < 3)
        {
            Once();
            warm++;
        }

        double perCall = watch.Elapsed.TotalSeconds / warm;
        int batchReps = Math.Max(1, (int)(WindowSeconds / perCall));
        int batches = Math.Max(3, (int)(SecondsPerSize / (batchReps * perCall)));
        double best = double.MaxValue;
        double bestCpu = double.MaxValue;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        // The machine is shared: time many short windows and keep the fastest, the least disturbed one.
        for (int batch = 0; batch < batches; batch++)
        {
            process.Refresh();
            TimeSpan cpuStart = process.TotalProcessorTime;
            watch.Restart();
            for (int r = 0; r < batchReps; r++)
            {
                Once();
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / batchReps);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuStart).TotalSeconds / batchReps);
        }

        return (flops / best / 1e9, flops / bestCpu / 1e9);
    }

    private static float[] Fill(int length, SeededRandom random)
    {
        float[] values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextFloat();
        }

        return values;
    }
}
