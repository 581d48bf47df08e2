using System.CommandLine;
using System.Diagnostics;
using Hypernetworks.Cli.Data;
using Hypernetworks.Cli.Output;
using Hypernetworks.Cli.Reports;
using Hypernetworks.Cli.Training;
using Hypernetworks.MLNet;
using Microsoft.ML;

namespace Hypernetworks.Cli.Commands;

/// <summary><c>hypernet train</c>: fits a hypernetwork pipeline on a CSV file, tests it against a stock ML.NET trainer, and writes the model and an HTML report.</summary>
internal static class TrainCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var options = new DataOptions();
        var command = new Command("train", "Train a hypernetwork on a CSV file; writes an ML.NET model (.zip) and an HTML report comparing it with a stock ML.NET trainer on held-out rows.");
        options.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(token => Task.Run(() => Run(options, result, token), token), cancellationToken));
        return command;
    }

    private static void Run(DataOptions options, ParseResult result, CancellationToken cancellationToken)
    {
        int seed = result.GetValue(options.Seed);
        var mlContext = new MLContext(seed);
        string dataPath = result.GetValue(options.Data)!.FullName;
        PreparedData data = PreparedData.Prepare(
            mlContext,
            dataPath,
            table => ColumnRoles.Resolve(table, result.GetValue(options.Conditioning)!, result.GetValue(options.Features)!, result.GetValue(options.Label)!, DataOptions.ParseTask(result.GetValue(options.Task)), result.GetValue(options.Encoding)),
            result.GetValue(options.TestFraction),
            seed);

        var recorder = new EpochRecorder();
        HypernetworkTrainer.Options trainerOptions = data.BaseOptions(seed);
        OptionAssignments.Apply(trainerOptions, result.GetValue(options.TrainerOptions) ?? []);
        trainerOptions.Progress = recorder;
        trainerOptions.CancellationToken = cancellationToken;
        Console.WriteLine($"Data: {data.TrainRows} training rows, {data.TestRows} test rows; task {data.Roles.Task}.");

        var clock = Stopwatch.StartNew();
        IEstimator<ITransformer> pipeline = data.Factory.Featurization().Append(mlContext.Hypernetwork(trainerOptions));
        ITransformer model = ConsoleProgress.Run("Training the hypernetwork", trainerOptions.Epochs, report =>
        {
            recorder.OnEpoch = report;
            try
            {
                return pipeline.Fit(data.Train);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException
                && (e.Message.Contains(PipelineFactory.ConditioningColumn, StringComparison.Ordinal) || e.Message.Contains(PipelineFactory.FeatureColumn, StringComparison.Ordinal)))
            {
                throw data.ExplainColumns(e);
            }
        });
        double seconds = clock.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();

        string? reportPath = options.ReportPath(result);
        double stockSeconds = 0;
        ModelComparison? comparison = reportPath is null ? null : data.CompareWithStock(model, out stockSeconds);
        cancellationToken.ThrowIfCancellationRequested();
        string modelPath = result.GetValue(options.Out)!.FullName;
        data.Save(model, modelPath);
        Console.WriteLine($"Model: {modelPath}");
        if (reportPath is not null && comparison is not null)
        {
            ResultTable.Write(comparison);
            AtomicOutput.WriteText(reportPath, "--report", TrainingReport.Render(new TrainingReportData
            {
                DataFile = dataPath,
                Task = data.Roles.Task.ToString(),
                Columns = data.DescribeColumns(),
                Options = OptionAssignments.Describe(trainerOptions),
                Epochs = recorder.Epochs,
                Comparison = comparison,
                Size = ModelSize.Of(ModelParts.Hypernetwork(model, modelPath)),
                Rows = (data.TrainRows, data.TestRows),
                Seconds = (seconds, stockSeconds),
                ModelFile = modelPath,
            }));
            Console.WriteLine($"Report: {reportPath}");
        }
    }
}
