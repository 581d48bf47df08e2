using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Microsoft.ML;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// <c>regression kinds</c>: the four generator kinds on the same sinusoid task family, target network, data and
/// training, with each hypernetwork's size beside the size of the network it generates, its test RMSE and its time.
/// </summary>
public static class GeneratorKindsSample
{
    private const int Tasks = 200;
    private const int PointsPerTask = 50;
    private const int Epochs = 40;

    /// <summary>Runs the sample.</summary>
    /// <returns>The exit code.</returns>
    public static int Run()
    {
        var clock = Stopwatch.StartNew();
        Narration.Title("Generator kinds: one task family, four ways to generate the weights");
        Narration.Explain(
            $"{Tasks} sinusoid tasks y = A·sin(x + φ), {PointsPerTask} training points each and as many new test points. " +
            "Every kind generates the same target network (1 → 40 → 40 → 1) from a generator with hidden sizes 64, 64, " +
            $"trained the same way for {Epochs} epochs. Chunked emits the target's parameters 256 at a time from one " +
            "shared head; LowRank emits rank-4 factors of each weight matrix.");

        var mlContext = new MLContext(seed: 1);
        IDataView train = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 1, pointSeed: 1));
        IDataView test = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 1, pointSeed: 2));
        GeneratorKind[] kinds = [GeneratorKind.SharedTrunk, GeneratorKind.PerLayer, GeneratorKind.Chunked, GeneratorKind.LowRank];
        var runs = TrainingBar.Show(context => kinds.Select(kind =>
        {
            TrainingBar bar = TrainingBar.Add(context, kind.ToString(), Epochs);
            var watch = Stopwatch.StartNew();
            HypernetworkTransformer model = mlContext.Regression.Trainers.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "Task",
                FeatureColumnName = "Features",
                LabelColumnName = "Label",
                HiddenSizes = [64, 64],
                TargetHiddenSizes = [40, 40],
                Generator = kind,
                ChunkSize = 256,
                Rank = 4,
                Epochs = Epochs,
                Seed = 1,
                Progress = bar,
            }).Fit(train);
            TimeSpan time = watch.Elapsed;
            bar.Finish();
            return (Kind: kind, Model: model, Time: time);
        }).ToList());

        var table = new Table { Title = new TableTitle("Same target, data and training; tested on new points") }
            .AddColumn("Generator")
            .AddColumn(new TableColumn("Hypernetwork").RightAligned())
            .AddColumn(new TableColumn("Generated").RightAligned())
            .AddColumn(new TableColumn("Ratio").RightAligned())
            .AddColumn(new TableColumn("Test RMSE").RightAligned())
            .AddColumn(new TableColumn("Training").RightAligned());
        foreach (var run in runs)
        {
            long own = run.Model.Model.ParameterCount;
            long generated = run.Model.Model.Spec.TargetParameterCount();
            table.AddRow(
                run.Kind.ToString(),
                own.ToString("N0", CultureInfo.InvariantCulture),
                generated.ToString("N0", CultureInfo.InvariantCulture),
                ((double)own / generated).ToString("F1", CultureInfo.InvariantCulture) + "×",
                mlContext.Regression.Evaluate(run.Model.Transform(test)).RootMeanSquaredError.ToString("F4", CultureInfo.InvariantCulture),
                run.Time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
            run.Model.Dispose();
        }

        AnsiConsole.Write(table);
        Narration.Explain(
            "SharedTrunk and PerLayer have a head output for every target weight, so they are far larger than this small " +
            "target. Chunked's shared head does not grow with the target (which is what lets it generate a million " +
            "parameters); LowRank's heads grow with the layers' widths, not their products, and its rank limits how " +
            "the weights can change from task to task. Compare the test RMSEs to see what each costs here.");
        Narration.Note($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
