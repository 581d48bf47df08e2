using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Hypernetworks.Cli.Data;
using Hypernetworks.Cli.Output;
using Hypernetworks.Cli.Reports;
using Hypernetworks.Cli.Sweeps;
using Hypernetworks.Cli.Training;
using Hypernetworks.MLNet;
using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;

namespace Hypernetworks.Cli.Commands;

/// <summary>
/// <c>hypernet sweep</c>: an AutoML sweep of hypernetwork shapes and training settings on a CSV file, its trials kept
/// in a trial store so that running the same command again resumes it; writes the best model and an HTML report.
/// </summary>
internal static class SweepCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var options = new DataOptions();
        var store = new Option<string?>("--store") { Description = "Where trials are kept: sqlite:PATH (the default is sqlite: next to --out, with the extension .trials.db) or postgres:CONNECTION-STRING (workers on several machines share one sweep). Running again with the same store resumes the sweep." };
        var time = new Option<uint>("--time") { Description = "The time budget in seconds: no trial starts after it.", DefaultValueFactory = _ => 60 };
        var trials = new Option<int>("--trials") { Description = "The most trials the sweep holds in all, counting those already in the store.", DefaultValueFactory = _ => 100 };
        var metric = new Option<string?>("--metric") { Description = "The validation metric to optimise: RootMeanSquaredError (regression default), MeanAbsoluteError, RSquared; AreaUnderRocCurve (binary default), Accuracy, F1Score; MicroAccuracy (multiclass default), MacroAccuracy, LogLoss." };
        var tuner = new Option<string>("--tuner") { Description = "cfo (cost-frugal local search), random or grid.", DefaultValueFactory = _ => "cfo" };
        var name = new Option<string>("--experiment") { Description = "The sweep's name in a PostgreSQL store: workers with the same name run one sweep.", DefaultValueFactory = _ => "hypernet" };
        var noAsha = new Option<bool>("--no-early-stopping") { Description = "Run every trial to its last epoch (no successive halving)." };
        var command = new Command("sweep", "Sweep hypernetwork shapes and training settings with AutoML on a CSV file; writes the best model (.zip) and an HTML report of every trial. Trials are kept in a store, so running the same command again resumes the sweep.");
        options.AddTo(command);
        Option[] own = [store, time, trials, metric, tuner, name, noAsha];
        foreach (Option option in own)
        {
            command.Options.Add(option);
        }

        tuner.AcceptOnlyFromAmong("cfo", "random", "grid");
        trials.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--trials must be at least 1.");
            }
        });
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(new SweepArguments(options, result, result.GetValue(store), result.GetValue(time), result.GetValue(trials), result.GetValue(metric), result.GetValue(tuner)!, result.GetValue(name)!, !result.GetValue(noAsha)), token),
            cancellationToken));
        return command;
    }

    private static async Task RunAsync(SweepArguments a, CancellationToken cancellationToken)
    {
        ParseResult result = a.Result;
        DataOptions options = a.Options;
        int seed = result.GetValue(options.Seed);
        var mlContext = new MLContext(seed);
        string dataPath = result.GetValue(options.Data)!.FullName;
        string modelPath = result.GetValue(options.Out)!.FullName;
        PreparedData data = await Task.Run(
            () => PreparedData.Prepare(
                mlContext,
                dataPath,
                table => ColumnRoles.Resolve(table, result.GetValue(options.Conditioning)!, result.GetValue(options.Features)!, result.GetValue(options.Label)!, DataOptions.ParseTask(result.GetValue(options.Task)), result.GetValue(options.Encoding)),
                result.GetValue(options.TestFraction),
                seed),
            cancellationToken).ConfigureAwait(false);
        SweepMetric metric = SweepMetric.For(data.Roles.Task, a.Metric);
        HypernetworkTrainer.Options baseOptions = data.BaseOptions(seed);
        baseOptions.ValidationFraction = 0;
        OptionAssignments.Apply(baseOptions, result.GetValue(options.TrainerOptions) ?? []);
        DataOperationsCatalog.TrainTestData sweepSplit = mlContext.Data.TrainTestSplit(data.Train, testFraction: 0.2, seed: seed);
        string storeSpec = a.Store ?? "sqlite:" + Path.ChangeExtension(modelPath, ".trials.db");
        Console.WriteLine($"Data: {data.TrainRows} rows to sweep on (80% train, 20% validation), {data.TestRows} test rows; task {data.Roles.Task}; metric {metric.Name}; store {StoreSpec.Describe(storeSpec)}.");

        await using ITrialStore store = StoreSpec.Open(storeSpec, a.ExperimentName);
        AutoMLExperiment experiment = mlContext.Auto().CreateExperiment()
            .SetPipeline(data.Factory.Featurization().Append(mlContext.Auto().Hypernetwork(baseOptions)))
            .SetDataset(sweepSplit.TrainSet, sweepSplit.TestSet)
            .SetMaxModelToExplore(a.Trials)
            .SetTrainingTimeInSeconds(a.Seconds)
            .SetEarlyStopping(a.EarlyStopping)
            .SetTrialStore(store)
            .SetSeed(seed)
            .SetMonitor(new SweepMonitor());
        experiment = metric.Apply(experiment, data.Factory.LabelColumn);
        experiment = a.Tuner switch
        {
            "random" => experiment.SetRandomSearchTuner(),
            "grid" => experiment.SetGridSearchTuner(),
            _ => experiment.SetCostFrugalTuner(),
        };

        TrialResult best = ConsoleProgress.Run($"Sweeping for {a.Seconds} s", a.Seconds, report =>
        {
            var clock = Stopwatch.StartNew();
            using var timer = new Timer(_ => report(clock.Elapsed.TotalSeconds), null, 0, 500);
            try
            {
                return experiment.RunAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException e) when (e.Message.Contains("trials failed", StringComparison.Ordinal))
            {
                throw new CliException(ExitCode.TrainingFailed, e.Message, e);
            }
            catch (System.Data.Common.DbException e)
            {
                throw CliException.InvalidInput($"--store {StoreSpec.Describe(storeSpec)}: the trial store could not be used: {e.Message}");
            }
            catch (TimeoutException e)
            {
                throw new CliException(ExitCode.TrainingFailed, $"{e.Message} Give the sweep more time (--time).", e);
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
        ITransformer model = best.Model ?? throw new CliException(ExitCode.TrainingFailed, "The sweep returned no model.");
        Console.WriteLine($"Best: trial {best.TrialSettings.TrialId}, validation {metric.Name} {ReportFormat.Number(best.Metric)}, {best.TrialSettings.Parameter}");

        string? reportPath = options.ReportPath(result);
        ModelComparison? comparison = reportPath is null ? null : data.CompareWithStock(model, out _);
        cancellationToken.ThrowIfCancellationRequested();
        data.Save(model, modelPath);
        Console.WriteLine($"Model: {modelPath}");
        if (reportPath is null || comparison is null)
        {
            return;
        }

        ResultTable.Write(comparison);
        IReadOnlyList<TrialRecord> records = await store.LoadTrialsAsync(cancellationToken).ConfigureAwait(false);
        AtomicOutput.WriteText(reportPath, "--report", SweepReport.Render(new SweepReportData
        {
            DataFile = dataPath,
            Task = data.Roles.Task.ToString(),
            Metric = metric.Name,
            Direction = metric.Direction,
            Trials = SweepTrial.From(records),
            BestTrial = best.TrialSettings.TrialId,
            BestParameter = best.TrialSettings.Parameter.ToJson(),
            Comparison = comparison,
            Size = ModelSize.Of(ModelParts.Hypernetwork(model, modelPath)),
            Columns = data.DescribeColumns(),
            Settings =
            [
                ("Store", StoreSpec.Describe(storeSpec)),
                ("Time budget (s)", a.Seconds.ToString(CultureInfo.InvariantCulture)),
                ("Trial budget", a.Trials.ToString(CultureInfo.InvariantCulture)),
                ("Tuner", a.Tuner),
                ("Early stopping (ASHA)", a.EarlyStopping ? "on" : "off"),
            ],
            ModelFile = modelPath,
        }));
        Console.WriteLine($"Report: {reportPath}");
    }

    private sealed record SweepArguments(DataOptions Options, ParseResult Result, string? Store, uint Seconds, int Trials, string? Metric, string Tuner, string ExperimentName, bool EarlyStopping);
}
