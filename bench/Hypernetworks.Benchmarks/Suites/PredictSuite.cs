using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.MLNet;
using Microsoft.ML;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Single-row prediction through stock ML.NET's <see cref="PredictionEngine{TSrc, TDst}"/> on the small hypernetwork
/// (conditioning 8, features 16, target 16 → 64 → 1, generator [64, 64]), in three cases, one JSON line each: rows
/// that repeat one condition (<c>repeat</c>, served from the cached generated network), a new condition every row
/// (<c>new</c>, generated every time), and stock ML.NET's SDCA regression on the same 16 features (<c>sdca</c>), the
/// peer. The figures are the median latency and the bytes allocated per prediction once warm.
/// </summary>
internal sealed class PredictSuite : IBenchmarkSuite
{
    public string Name => "predict";

    public string Description => "PredictionEngine single-row latency and allocation, small model, cases repeat | new | sdca: --predictions N --warmup N";

    public void Run(BenchmarkOptions options)
    {
        int predictions = options.GetInt("predictions", 50_000);
        int warmup = options.GetInt("warmup", 30_000);
        var context = new MLContext(1);
        List<SmallModelRow> training = SmallModel.Rows(256, distinctConditionings: 64, seed: 3);
        using HypernetworkTransformer model = SmallModel.Fit(context, training);
        ITransformer sdca = context.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features").Fit(context.Data.LoadFromEnumerable(training));

        List<SmallModelRow> repeat = SmallModel.Rows(256, distinctConditionings: 1, seed: 4);
        List<SmallModelRow> fresh = SmallModel.Rows(predictions + warmup, distinctConditionings: predictions + warmup, seed: 5);
        Measure(context, model, "repeat", repeat, predictions, warmup);
        Measure(context, model, "new", fresh, predictions, warmup);
        Measure(context, sdca, "sdca", repeat, predictions, warmup);
    }

    private void Measure(MLContext context, ITransformer model, string name, List<SmallModelRow> rows, int predictions, int warmup)
    {
        // ML.NET's engine disposes the transformer it owns; this one serves several engines.
        using PredictionEngine<SmallModelRow, SmallModelScore> engine = context.Model.CreatePredictionEngine<SmallModelRow, SmallModelScore>(model, new PredictionEngineOptions { OwnsTransformer = false });
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
            SmallModelRow row = rows[(warmup + i) % rows.Count];
            long start = Stopwatch.GetTimestamp();
            engine.Predict(row, ref prediction);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            checksum += prediction.Score;
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        Array.Sort(ticks);
        double medianUs = ticks[predictions / 2] * 1e6 / Stopwatch.Frequency;
        double p99Us = ticks[(int)(predictions * 0.99)] * 1e6 / Stopwatch.Frequency;
        Console.Error.WriteLine($"predict {name}: {predictions} predictions, p99 {p99Us:F2} us, checksum {checksum:F3}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = Name,
            impl = name == "sdca" ? "mlnet-sdca" : "hypernetworks",
            @case = name,
            median_us = medianUs,
            bytes_per_predict = (double)bytes / predictions,
        }));
    }
}
