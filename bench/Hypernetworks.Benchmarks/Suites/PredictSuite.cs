using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.MLNet;
using Hypernetworks.MLNet.Data;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Single-row prediction through a <see cref="PredictionEngine{TSrc, TDst}"/> on a small hypernetwork (conditioning 8,
/// features 16, target 16 → 64 → 1, generator [64, 64]): the median latency of one prediction and the bytes allocated
/// per prediction once warm (the goals are under 20 µs and 0 bytes). Rows cycle through distinct conditionings, so
/// every prediction generates its weights.
/// </summary>
internal sealed class PredictSuite : IBenchmarkSuite
{
    public string Name => "predict";

    public string Description => "PredictionEngine single-row latency and allocation, small model (8, 16 -> 64 -> 1, generator [64, 64]): --predictions N --warmup N";

    public void Run(BenchmarkOptions options)
    {
        int predictions = options.GetInt("predictions", 50_000);
        int warmup = options.GetInt("warmup", 30_000);
        var context = new MLContext(1);
        List<SmallModelRow> rows = SmallModel.Rows(256, distinctConditionings: 64, seed: 3);
        using HypernetworkTransformer model = SmallModel.Fit(context, rows);
        using PredictionEngine<SmallModelRow, SmallModelScore> engine = context.Model.CreatePredictionEngine<SmallModelRow, SmallModelScore>(model);
        var prediction = new SmallModelScore();
        for (int i = 0; i < warmup; i++)
        {
            engine.Predict(rows[i % rows.Count], ref prediction);
        }

        var ticks = new long[predictions];
        float checksum = 0;
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < predictions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            engine.Predict(rows[i % rows.Count], ref prediction);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            checksum += prediction.Score;
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        Array.Sort(ticks);
        double medianUs = ticks[predictions / 2] * 1e6 / Stopwatch.Frequency;
        double p99Us = ticks[(int)(predictions * 0.99)] * 1e6 / Stopwatch.Frequency;
        Console.Error.WriteLine($"predict: {predictions} predictions, p99 {p99Us:F2} us, checksum {checksum:F3}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = Name,
            impl = "hypernetworks",
            median_us = medianUs,
            bytes_per_prediction = (double)bytes / predictions,
        }));
    }
}
