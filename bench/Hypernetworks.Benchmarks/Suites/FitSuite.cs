using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Microsoft.ML;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// The cost of training through ML.NET: the hypernetwork trainer fitted on an ML.NET data view against the core
/// training loop on the same rows already in memory as floats, same spec, epochs and seed (the goal: at most 1.1×).
/// The two runs alternate, and each figure is the best of the repeats.
/// </summary>
internal sealed class FitSuite : IBenchmarkSuite
{
    public string Name => "fit";

    public string Description => "ML.NET trainer Fit vs the core TrainingLoop on the same rows, small model: --rows N --epochs N --repeats N";

    public void Run(BenchmarkOptions options)
    {
        int rowCount = options.GetInt("rows", 20_000);
        int epochs = options.GetInt("epochs", 5);
        int repeats = options.GetInt("repeats", 3);
        var context = new MLContext(1);
        List<SmallModelRow> rows = SmallModel.Rows(rowCount, distinctConditionings: 100, seed: 7);
        IDataView data = context.Data.LoadFromEnumerable(rows);
        var trainerOptions = new HypernetworkTrainer.Options { HiddenSizes = [64, 64], TargetHiddenSizes = [64], Epochs = epochs, Seed = 1, Standardize = false };
        var set = new TrainingSet([.. rows.SelectMany(r => r.Conditioning)], [.. rows.SelectMany(r => r.Features)], [.. rows.Select(r => r.Label)], rows.Count);

        double mlnet = double.MaxValue, core = double.MaxValue;
        for (int r = 0; r < repeats + 1; r++)
        {
            long start = Stopwatch.GetTimestamp();
            using (HypernetworkTransformer fitted = context.Regression.Trainers.Hypernetwork(trainerOptions).Fit(data))
            {
                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                mlnet = r == 0 ? mlnet : Math.Min(mlnet, seconds);
                start = Stopwatch.GetTimestamp();
                using var network = new Hypernetwork(fitted.Model.Spec, 1);
                new TrainingLoop(new TrainingOptions { Epochs = epochs, BatchSize = trainerOptions.BatchSize, LearningRate = trainerOptions.LearningRate, Seed = 1 }).Fit(network, set);
                seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                core = r == 0 ? core : Math.Min(core, seconds);
            }
        }

        Console.Error.WriteLine($"fit: {rowCount} rows x {epochs} epochs: ML.NET trainer {mlnet:F3} s, core loop {core:F3} s");
        Console.WriteLine(JsonSerializer.Serialize(new { suite = Name, impl = "hypernetworks-mlnet", rows = rowCount, epochs, fit_s = mlnet, core_s = core, ratio = mlnet / core }));
    }
}
