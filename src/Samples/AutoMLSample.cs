using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// AutoML: a cost-frugal sweep of hypernetwork shapes and training settings on the sinusoid task family, with early
/// stopping of poor trials, trials kept in a trial store (SQLite in a temporary folder by default). Shows the best
/// trials and scores the best on held-out rows against the default options (the sweep's first trial).
/// Arguments: <c>automl [--store sqlite:PATH|postgres:CONNSTR|memory] [--seconds N] [--trials N] [--no-asha]</c>.
/// </summary>
public static class AutoMLSample
{
    private const int Tasks = 100;
    private const int PointsPerTask = 40;

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The arguments after the sample's name.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string folder = Directory.CreateTempSubdirectory("hypernetworks-automl-").FullName;
        string store = Option(args, "--store") ?? "sqlite:" + Path.Combine(folder, "sweep.db");
        uint seconds = uint.Parse(Option(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);
        int trials = int.Parse(Option(args, "--trials") ?? "1000", CultureInfo.InvariantCulture);
        bool asha = !args.Contains("--no-asha");
        RunAsync(folder, store, seconds, trials, asha).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(string folder, string store, uint seconds, int trials, bool asha)
    {
        var clock = Stopwatch.StartNew();
        Narration.Title("AutoML: sweeping hypernetwork shapes");
        Narration.Explain(
            $"{Tasks} sinusoid tasks with {PointsPerTask} points each for training, validation and test. The sweep " +
            "searches generator and target widths and depths, the generator kind, chunk size or rank, learning rate, " +
            $"batch size and epochs with a cost-frugal tuner (CFO) for {seconds} s or {trials} trials, whichever " +
            $"ends first; ASHA early stopping is {(asha ? "on" : "off")}. The first trial is the default options. " +
            $"Trials are kept in a {store.Split(':')[0]} trial store, so the same store resumes a sweep, and several " +
            "machines can share a PostgreSQL one.");

        var mlContext = new MLContext(seed: 1);
        IDataView train = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 0, pointSeed: 1));
        IDataView validation = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 0, pointSeed: 2));
        IDataView test = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 0, pointSeed: 3));
        var baseOptions = new HypernetworkTrainer.Options { ConditioningColumnName = "Task", FeatureColumnName = "Features", LabelColumnName = "Label", Seed = 1 };

        await using ITrialStore trialStore = OpenStore(store);
        TrialResult best = await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 16 }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask("starting the sweep", maxValue: seconds);
                Task<TrialResult> run = mlContext.Auto().CreateExperiment()
                    .SetPipeline(mlContext.Transforms.NormalizeMeanVariance("Features").Append(mlContext.Auto().Hypernetwork(baseOptions)))
                    .SetDataset(train, validation)
                    .SetRegressionMetric(RegressionMetric.RootMeanSquaredError, labelColumn: "Label")
                    .SetMaxModelToExplore(trials)
                    .SetTrainingTimeInSeconds(seconds)
                    .SetCostFrugalTuner()
                    .SetEarlyStopping(asha)
                    .SetTrialStore(trialStore)
                    .SetMonitor(new SweepMonitor(task))
                    .RunAsync();
                var watch = Stopwatch.StartNew();
                while (!run.IsCompleted)
                {
                    task.Value = Math.Min(seconds, watch.Elapsed.TotalSeconds);
                    await Task.WhenAny(run, Task.Delay(250)).ConfigureAwait(false);
                }

                task.Value = seconds;
                task.StopTask();
                return await run.ConfigureAwait(false);
            });

        IReadOnlyList<TrialRecord> records = await trialStore.LoadTrialsAsync(CancellationToken.None);
        WriteTrials(records);

        ITransformer model = best.Model ?? throw new InvalidOperationException("The sweep returned no model.");
        double sweptRmse = mlContext.Regression.Evaluate(model.Transform(test)).RootMeanSquaredError;
        ITransformer defaults = mlContext.Transforms.NormalizeMeanVariance("Features").Append(mlContext.Hypernetwork(baseOptions)).Fit(train);
        double defaultRmse = mlContext.Regression.Evaluate(defaults.Transform(test)).RootMeanSquaredError;
        string modelPath = Path.Combine(folder, "best.zip");
        mlContext.Model.Save(model, train.Schema, modelPath);
        double stockRmse = mlContext.Regression.Evaluate(mlContext.Model.Load(modelPath, out _).Transform(test)).RootMeanSquaredError;

        var table = new Table { Title = new TableTitle("Test rows (new points of the same tasks)") }
            .AddColumn("Model")
            .AddColumn(new TableColumn("Test RMSE").RightAligned());
        table.AddRow("default options", Format(defaultRmse));
        table.AddRow(Markup.Escape($"best of the sweep (trial {best.TrialSettings.TrialId})"), Format(sweptRmse));
        table.AddRow("the best, saved and read back by stock mlContext.Model.Load", Format(stockRmse));
        AnsiConsole.Write(table);
        Narration.Note($"Best trial's parameters: {best.TrialSettings.Parameter}");
        Narration.Note($"Model: {modelPath}");
        Narration.Note($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
    }

    private static void WriteTrials(IReadOnlyList<TrialRecord> records)
    {
        Narration.Explain($"{records.Count(r => r.IsFinished)} trials finished: {records.Count(r => r.Status == TrialStatus.Stopped)} stopped early by ASHA, {records.Count(r => r.Status == TrialStatus.Failed)} failed.");
        var table = new Table { Title = new TableTitle("The best five trials") }
            .AddColumn("Trial")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Validation RMSE").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned());
        foreach (TrialRecord record in records.Where(r => r.HasMetric).OrderBy(r => r.Loss).Take(5))
        {
            table.AddRow(
                record.TrialId.ToString(CultureInfo.InvariantCulture),
                record.Status.ToString(),
                Format(record.Metric ?? double.NaN),
                ((record.DurationInMilliseconds ?? 0) / 1000).ToString("F1", CultureInfo.InvariantCulture) + " s");
        }

        AnsiConsole.Write(table);
    }

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

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
}
