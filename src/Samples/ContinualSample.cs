using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Microsoft.ML;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// Continual learning on Split Fashion-MNIST through the ML.NET face: five two-class tasks arrive one after another,
/// each learned by <c>trainer.Fit(newTaskData, previousModel)</c>; the table shows every task's test accuracy right
/// after it was learned and after the last one, with the default continual regularization and without it.
/// </summary>
public static class ContinualSample
{
    private const int Epochs = 6;

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The arguments after the sample's name (none are read).</param>
    /// <returns>The exit code: 3 when Fashion-MNIST is not installed.</returns>
    public static int Run(string[] args)
    {
        if (!SplitFashionData.IsInstalled)
        {
            Narration.Error($"Fashion-MNIST is not installed in {SplitFashionData.Directory}. Install it with:");
            Narration.Error("  sudo apt-get install dataset-fashion-mnist");
            return 3;
        }

        var clock = Stopwatch.StartNew();
        Narration.Title("Continual learning with a hypernetwork");
        AnsiConsole.WriteLine("Five tasks arrive one after another, each telling two Fashion-MNIST classes apart. A hypernetwork");
        AnsiConsole.WriteLine("generates the weights of a 784-64-2 classifier from a learned embedding of the task id. Each new task");
        AnsiConsole.WriteLine("is learned by trainer.Fit(newTaskData, previousModel) from that task's images alone: the earlier tasks'");
        AnsiConsole.WriteLine("data are gone, but the regularizer holds the weights generated for them where they were.");
        AnsiConsole.WriteLine();

        List<SplitFashionRow>[] train = SplitFashionData.Load(test: false);
        List<SplitFashionRow>[] test = SplitFashionData.Load(test: true);
        float beta = HypernetworkTrainer.Defaults.ContinualRegularization;
        (double[] JustLearned, double[] Final) regularized = LearnInSequence(train, test, beta);
        (double[] JustLearned, double[] Final) plain = LearnInSequence(train, test, 0f);

        var table = new Table().Title("Test accuracy per task").AddColumn("Task");
        string b = beta.ToString(CultureInfo.InvariantCulture);
        foreach (string column in new[] { $"β={b} learned", $"β={b} final", "β=0 learned", "β=0 final" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        for (int t = 0; t < SplitFashionData.Tasks; t++)
        {
            table.AddRow($"{t + 1}: {SplitFashionData.ClassNames[2 * t]} / {SplitFashionData.ClassNames[(2 * t) + 1]}",
                Percent(regularized.JustLearned[t]), Percent(regularized.Final[t]), Percent(plain.JustLearned[t]), Percent(plain.Final[t]));
        }

        table.AddRow("[bold]mean[/]", string.Empty, $"[bold]{Percent(regularized.Final.Average())}[/]", string.Empty, $"[bold]{Percent(plain.Final.Average())}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("\"learned\": right after the task was learned; \"final\": after task 5.");
        AnsiConsole.WriteLine($"With β = {b} every task keeps its accuracy; with β = 0 the generator is free to serve the newest task and the earliest tasks fall towards chance (50%).");
        Narration.Note($"Done in {clock.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }

    /// <summary>Learns the tasks in order; every task's accuracy right after it was learned and after the last.</summary>
    private static (double[] JustLearned, double[] Final) LearnInSequence(List<SplitFashionRow>[] train, List<SplitFashionRow>[] test, float beta)
    {
        var mlContext = new MLContext(seed: 1);
        var justLearned = new double[SplitFashionData.Tasks];
        HypernetworkTransformer? model = null;
        AnsiConsole.MarkupLine($"[bold]Learning the tasks in sequence, ContinualRegularization (β) = {beta.ToString(CultureInfo.InvariantCulture)}[/]");
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).Start(context =>
        {
            ProgressTask[] bars = [.. Enumerable.Range(0, SplitFashionData.Tasks).Select(t => context.AddTask($"task {t + 1}: {SplitFashionData.ClassNames[2 * t]} / {SplitFashionData.ClassNames[(2 * t) + 1]}", autoStart: false, maxValue: Epochs))];
            for (int t = 0; t < SplitFashionData.Tasks; t++)
            {
                bars[t].StartTask();
                HypernetworkTrainer trainer = mlContext.MulticlassClassification.Trainers.Hypernetwork(Options(beta, new EpochBar(bars[t])));
                IDataView taskData = mlContext.Data.LoadFromEnumerable(train[t]);
                HypernetworkTransformer next = model is null ? trainer.Fit(taskData) : trainer.Fit(taskData, model);
                model?.Dispose();
                model = next;
                justLearned[t] = Accuracy(mlContext, model, test[t]);
                bars[t].Description += $" [grey]({Percent(justLearned[t])})[/]";
                bars[t].StopTask();
            }
        });

        using (model)
        {
            return (justLearned, [.. test.Select(rows => Accuracy(mlContext, model!, rows))]);
        }
    }

    private static HypernetworkTrainer.Options Options(float beta, IProgress<TrainingProgress> progress) => new()
    {
        ConditioningColumnName = "Task",
        Generator = GeneratorKind.Chunked,
        HiddenSizes = [100, 100],
        ChunkSize = 4096,
        EmbeddingSize = 32,
        TargetHiddenSizes = [64],
        Epochs = Epochs,
        BatchSize = 128,
        LearningRate = 1e-3f,
        ContinualRegularization = beta,

        // The pixels are already in [0, 1]; standardising them with the first task's statistics would give a later
        // task's pixels a scale fitted to other images.
        Standardize = false,
        Progress = progress,
        Seed = 1,
    };

    private static double Accuracy(MLContext mlContext, ITransformer model, List<SplitFashionRow> rows) =>
        mlContext.MulticlassClassification.Evaluate(model.Transform(mlContext.Data.LoadFromEnumerable(rows))).MicroAccuracy;

    private static string Percent(double accuracy) => accuracy.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>Advances a progress bar by one epoch.</summary>
    private sealed class EpochBar(ProgressTask bar) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => bar.Value = value.Epoch;
    }
}
