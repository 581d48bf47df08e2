using System.CommandLine;
using Hypernetworks.Cli.Inspection;
using Microsoft.ML;

namespace Hypernetworks.Cli.Commands;

/// <summary><c>hypernet export</c>: writes the model's hypernetwork as ONNX, or one generated target network.</summary>
internal static class ExportCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "The model file (.zip).", Required = true };
        var onnx = new Option<FileInfo>("--onnx") { Description = "The .onnx file to write.", Required = true };
        var condition = new Option<string?>("--condition")
        {
            Description = "Export the one target network generated for this conditioning instead of the whole conditional network: input columns as NAME=VALUE,NAME=VALUE (e.g. task=T3), the conditioning vector as numbers, or a key (1-based).",
        };
        var command = new Command("export", "Export a model's hypernetwork as an ONNX graph (conditioning and features in, the task's outputs out), or with --condition the plain target network generated for one conditioning.")
        {
            model, onnx, condition,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            token => Task.Run(() => Run(result.GetValue(model)!.FullName, result.GetValue(onnx)!.FullName, result.GetValue(condition)), token),
            cancellationToken));
        return command;
    }

    private static void Run(string modelPath, string onnxPath, string? condition)
    {
        var mlContext = new MLContext(seed: 0);
        using ModelFile model = ModelFile.Load(mlContext, modelPath);
        if (!Directory.Exists(Path.GetDirectoryName(onnxPath)))
        {
            throw new CliException(ExitCode.OutputFailed, $"--onnx: the folder '{Path.GetDirectoryName(onnxPath)}' does not exist.");
        }

        if (condition is null)
        {
            model.Hypernetwork.SaveOnnx(onnxPath);
            Console.WriteLine($"Exported the conditional network ({model.Hypernetwork.ConditioningColumnName}, {model.Hypernetwork.FeatureColumnName} in): {onnxPath}");
            return;
        }

        (float[]? vector, uint key) = ConditionParser.Parse(mlContext, model, condition);
        if (vector is not null)
        {
            model.Hypernetwork.SaveTargetNetworkOnnx(vector, onnxPath);
        }
        else
        {
            model.Hypernetwork.SaveTargetNetworkOnnx(key, onnxPath);
        }

        Console.WriteLine($"Exported the target network for {condition} ({model.Hypernetwork.FeatureColumnName} in): {onnxPath}");
    }
}
