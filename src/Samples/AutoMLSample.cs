using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;

namespace Hypernetworks.Samples;

/// <summary>
/// AutoML: a cost-frugal sweep of hypernetwork shapes and training settings on the sinusoid task family, with early
/// stopping of poor trials, trials kept in a trial store (SQLite in a temporary folder by default). Prints every
/// trial and the best, and scores the best on held-out rows against the default options (the sweep's first trial).
/// Arguments: <c>automl [--store sqlite:PATH|postgres:CONNSTR] [--seconds N] [--trials N] [--no-asha]</c>.
/// </summary>
public static class AutoMLSample
{
    private const int Tasks = 100;
    private const int PointsPerTask = 40;

    /// <summary>Runs the sample with the process's command-line arguments.</summary>
    public static void Run()
    {
        string[] args = Environment.GetCommandLineArgs();
        string folder = Directory.CreateTempSubdirectory("hypernetworks-automl-").FullName;
        string store = Option(args, "--store") ?? "sqlite:" + Path.Combine(folder, "sweep.db");
        uint seconds = uint.Parse(Option(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);
        int trials = int.Parse(Option(args, "--trials") ?? "1000", CultureInfo.InvariantCulture);
        bool asha = !args.Contains("--no-asha");
        RunAsync(store, seconds, trials, asha).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(string store, uint seconds, int trials, bool asha)
    {
        var clock = Stopwatch.StartNew();
        var mlContext = new MLContext(seed: 1);
        IDataView train = mlContext.Data.LoadFromEnumerable(Sinusoids(seed: 1));
        IDataView validation = mlContext.Data.LoadFromEnumerable(Sinusoids(seed: 2));
        IDataView test = mlContext.Data.LoadFromEnumerable(Sinusoids(seed: 3));
        var baseOptions = new HypernetworkTrainer.Options { ConditioningColumnName = "Task", FeatureColumnName = "Features", LabelColumnName = "Label", Seed = 1 };
        Console.WriteLine($"Data:  {Tasks} sinusoid tasks x {PointsPerTask} points each for train, validation and test");
        Console.WriteLine($"Sweep: CFO, {seconds} s or {trials} trials, ASHA {(asha ? "on" : "off")}, store {store.Split(':')[0]}");

        SweepableEstimator sweepable = mlContext.Auto().Hypernetwork(baseOptions);
        await using ITrialStore trialStore = OpenStore(store);
        TrialResult best = await mlContext.Auto().CreateExperiment()
            .SetPipeline(mlContext.Transforms.NormalizeMeanVariance("Features").Append(sweepable))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError, labelColumn: "Label")
            .SetMaxModelToExplore(trials)
            .SetTrainingTimeInSeconds(seconds)
            .SetCostFrugalTuner()
            .SetEarlyStopping(asha)
            .SetTrialStore(trialStore)
            .SetMonitor(new ConsoleMonitor())
            .RunAsync();

        IReadOnlyList<TrialRecord> records = await trialStore.LoadTrialsAsync(CancellationToken.None);
        Console.WriteLine($"Trials: {records.Count(r => r.IsFinished)} finished ({records.Count(r => r.Status == TrialStatus.Stopped)} stopped early, {records.Count(r => r.Status == TrialStatus.Failed)} failed)");
        Console.WriteLine($"Best:  trial {best.TrialSettings.TrialId}, validation RMSE {best.Metric:F4}, {best.TrialSettings.Parameter}");

        ITransformer model = best.Model ?? throw new InvalidOperationException("The sweep returned no model.");
        double sweptRmse = mlContext.Regression.Evaluate(model.Transform(test)).RootMeanSquaredError;
        ITransformer defaults = mlContext.Transforms.NormalizeMeanVariance("Features").Append(mlContext.Hypernetwork(baseOptions)).Fit(train);
        double defaultRmse = mlContext.Regression.Evaluate(defaults.Transform(test)).RootMeanSquaredError;
        Console.WriteLine($"Test:  RMSE {sweptRmse:F4} swept vs {defaultRmse:F4} with default options");

        string modelPath = Path.Combine(Path.GetTempPath(), $"hypernetworks-automl-{Guid.NewGuid():N}.zip");
        mlContext.Model.Save(model, train.Schema, modelPath);
        double stockRmse = mlContext.Regression.Evaluate(mlContext.Model.Load(modelPath, out _).Transform(test)).RootMeanSquaredError;
        Console.WriteLine($"Saved: {modelPath}; stock ML.NET loads it and scores test RMSE {stockRmse:F4}");

        Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
    }

    private static ITrialStore OpenStore(string store)
    {
        int colon = store.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? store : store[..colon];
        string target = colon < 0 ? string.Empty : store[(colon + 1)..];
        return kind switch
        {
            "sqlite" when target.Length > 0 => TrialStore.Sqlite(target),
            "postgres" when target.Length > 0 => TrialStore.Postgres(target, experimentName: "automl-sample"),
            "memory" => TrialStore.InMemory(),
            _ => throw new ArgumentException($"Unknown --store '{store}'; expected sqlite:PATH, postgres:CONNSTR or memory.", nameof(store)),
        };
    }

    private static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static IEnumerable<SinusoidRow> Sinusoids(int seed)
    {
        // The same tasks (amplitude, phase) in every set; the points differ with the seed.
        var tasks = new Random(0);
        var points = new Random(seed);
        var rows = new List<SinusoidRow>(Tasks * PointsPerTask);
        for (int t = 0; t < Tasks; t++)
        {
            float amplitude = 0.1f + (4.9f * tasks.NextSingle());
            float phase = MathF.PI * tasks.NextSingle();
            for (int p = 0; p < PointsPerTask; p++)
            {
                float x = -5f + (10f * points.NextSingle());
                rows.Add(new SinusoidRow { Task = [amplitude, MathF.Cos(phase), MathF.Sin(phase)], Features = x, Label = amplitude * MathF.Sin(x + phase) });
            }
        }

        return rows;
    }
}
