using System.CommandLine;
using Hypernetworks.Cli.Data;
using Hypernetworks.Cli.Output;
using Microsoft.ML;

namespace Hypernetworks.Cli.Commands;

/// <summary><c>hypernet predict</c>: scores a CSV file with a model and writes the rows with their predictions.</summary>
internal static class PredictCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "The model file (.zip) that hypernet train or sweep wrote.", Required = true };
        var data = new Option<FileInfo>("--data", "-d") { Description = "The CSV file to score: it needs the model's conditioning and feature columns (by header name); the label may be absent.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write: the input rows followed by the prediction columns.", DefaultValueFactory = _ => new FileInfo("scored.csv") };
        var command = new Command("predict", "Score a CSV file with a model; writes each input row followed by its prediction (Score; PredictedLabel and Probability; or PredictedLabel and a Score per class).")
        {
            model, data, output,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            token => Task.Run(() => Run(result.GetValue(model)!.FullName, result.GetValue(data)!.FullName, result.GetValue(output)!.FullName, token), token),
            cancellationToken));
        return command;
    }

    private static void Run(string modelPath, string dataPath, string outputPath, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 0);
        using ModelFile model = ModelFile.Load(mlContext, modelPath);
        CsvTable table = CsvTable.Read(dataPath);
        IDataView input = ModelInputLoader.Load(mlContext, table, model.InputSchema);
        IDataView scored;
        try
        {
            scored = model.Model.Transform(input);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw CliException.InvalidInput($"--data: the file '{dataPath}' lacks a column the model reads ({e.Message.Split('\n')[0].Trim()}). The model reads: {string.Join(", ", model.InputSchema.Select(c => c.Name))}.");
        }

        long total = Math.Max(1, File.ReadLines(dataPath).LongCount() - 1);
        try
        {
            ConsoleProgress.Run("Scoring", total, report =>
            {
                AtomicOutput.Write(outputPath, "--out", stream => PredictionWriter.Write(mlContext, model.Hypernetwork.Task, dataPath, scored, stream, report, cancellationToken));
                return 0;
            });
        }
        catch (InvalidOperationException e) when (e.Message.Contains("missing key", StringComparison.Ordinal))
        {
            throw CliException.InvalidInput($"--data '{dataPath}': {e.Message} The model maps its text conditioning column to a key, so a value no training row had has no network; train with --conditioning-encoding OneHot to score unseen values.");
        }
        Console.WriteLine($"Scored: {outputPath}");
    }
}
