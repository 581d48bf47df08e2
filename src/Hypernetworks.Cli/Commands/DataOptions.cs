using System.CommandLine;
using Hypernetworks.Cli.Data;
using Hypernetworks.Model;

namespace Hypernetworks.Cli.Commands;

/// <summary>The options <c>train</c> and <c>sweep</c> share: the data file, the column roles, the task, trainer options, the split and the outputs.</summary>
internal sealed class DataOptions
{
    /// <summary>Gets --data.</summary>
    public Option<FileInfo> Data { get; } = new("--data", "-d") { Description = "The CSV file to train on (comma-separated, with a header row).", Required = true };

    /// <summary>Gets --conditioning.</summary>
    public Option<string[]> Conditioning { get; } = new("--conditioning", "-c")
    {
        Description = "The columns that condition the hypernetwork (the task descriptor), comma-separated. Numeric columns are concatenated; text columns are one-hot encoded, or a single text column becomes a key with a learned embedding.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Gets --features.</summary>
    public Option<string[]> Features { get; } = new("--features", "-f")
    {
        Description = "The columns the generated target network reads, comma-separated (text columns are one-hot encoded).",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Gets --label.</summary>
    public Option<string> Label { get; } = new("--label", "-l") { Description = "The column to predict.", Required = true };

    /// <summary>Gets --task.</summary>
    public Option<string?> Task { get; } = new("--task", "-t") { Description = "regression, binary or multiclass; inferred from the label when left out (numbers: regression, true/false: binary, text: multiclass)." };

    /// <summary>Gets --conditioning-encoding.</summary>
    public Option<ConditioningEncoding> Encoding { get; } = new("--conditioning-encoding")
    {
        Description = "How text conditioning columns are encoded: Auto (a single text column becomes a key, else one-hot), OneHot or Key.",
        DefaultValueFactory = _ => ConditioningEncoding.Auto,
    };

    /// <summary>Gets --option.</summary>
    public Option<string[]> TrainerOptions { get; } = new("--option", "-o")
    {
        Description = "A hypernetwork trainer option as NAME=VALUE, repeatable: e.g. Epochs=50, HiddenSizes=64,64, TargetHiddenSizes=32, Generator=Chunked, LearningRate=0.001, BatchSize=32, ValidationFraction=0.1.",
    };

    /// <summary>Gets --test-fraction.</summary>
    public Option<double> TestFraction { get; } = new("--test-fraction")
    {
        Description = "The fraction of rows held out to test the hypernetwork and the stock trainer on (0 < f < 1).",
        DefaultValueFactory = _ => 0.2,
    };

    /// <summary>Gets --seed.</summary>
    public Option<int> Seed { get; } = new("--seed") { Description = "The seed of the split, the initialisation and the shuffling.", DefaultValueFactory = _ => 1 };

    /// <summary>Gets --out.</summary>
    public Option<FileInfo> Out { get; } = new("--out") { Description = "The ML.NET model file (.zip) to write.", DefaultValueFactory = _ => new FileInfo("model.zip") };

    /// <summary>Gets --report.</summary>
    public Option<FileInfo?> Report { get; } = new("--report") { Description = "The HTML report to write; next to --out with the extension .html when left out." };

    /// <summary>Gets --no-report.</summary>
    public Option<bool> NoReport { get; } = new("--no-report") { Description = "Write no HTML report (the stock trainer is then not trained either)." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    /// <param name="command">The verb.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Option[] all = [Data, Conditioning, Features, Label, Task, Encoding, TrainerOptions, TestFraction, Seed, Out, Report, NoReport];
        foreach (Option option in all)
        {
            command.Options.Add(option);
        }

        Task.AcceptOnlyFromAmong("regression", "binary", "multiclass");
        TestFraction.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (value is <= 0 or >= 1)
            {
                result.AddError($"--test-fraction must lie between 0 and 1 (exclusive); got {value}.");
            }
        });
    }

    /// <summary>The task named by --task, or null.</summary>
    /// <param name="value">The option's value.</param>
    public static HypernetworkTask? ParseTask(string? value) => value switch
    {
        null => null,
        "regression" => HypernetworkTask.Regression,
        "binary" => HypernetworkTask.BinaryClassification,
        _ => HypernetworkTask.MulticlassClassification,
    };

    /// <summary>The report path: --report, or --out with the extension .html.</summary>
    /// <param name="result">The parse result.</param>
    public string? ReportPath(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GetValue(NoReport))
        {
            return null;
        }

        return result.GetValue(Report)?.FullName ?? Path.ChangeExtension(result.GetValue(Out)!.FullName, ".html");
    }
}
