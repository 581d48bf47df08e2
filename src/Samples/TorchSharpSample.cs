using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.TorchSharp;
using Hypernetworks.TorchSharp.Native;
using Microsoft.ML;
using Microsoft.ML.Data;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// <c>torchsharp</c>: the same hypernetwork, data, seed and options trained twice through the ML.NET trainer, once on
/// the managed engine (the default) and once on libtorch through <see cref="TorchSharpBackend"/>
/// (<see cref="HypernetworkTrainer.Options.Backend"/>), with each one's training time and test metric.
/// </summary>
public static class TorchSharpSample
{
    private const int Tasks = 20;
    private const int PointsPerTask = 400;
    private const int Epochs = 30;

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The arguments after the sample's name: <c>[--device cpu|cuda|cuda:N] [--threads N]</c> (default: the CPU, 1 thread).</param>
    /// <returns>The exit code: 0, or 4 when libtorch cannot be loaded here.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var clock = Stopwatch.StartNew();
        int deviceAt = Array.IndexOf(args, "--device");
        string device = deviceAt >= 0 && deviceAt + 1 < args.Length ? args[deviceAt + 1] : "cpu";
        int threadsAt = Array.IndexOf(args, "--threads");
        int threads = threadsAt >= 0 && threadsAt + 1 < args.Length ? int.Parse(args[threadsAt + 1], CultureInfo.InvariantCulture) : 1;
        Narration.Title("TorchSharp: the same training on libtorch");
        Narration.Explain(
            $"One hypernetwork for {Tasks} sinusoid tasks, trained for {Epochs} epochs with the same data, seed and " +
            "options on two engines: the managed one (SIMD C#, the default) and libtorch through TorchSharp, chosen " +
            "with HypernetworkTrainer.Options.Backend = new TorchSharpBackend(...). Both start from the same initial " +
            "weights; the TorchSharp session writes the trained weights back, so its model scores, saves and exports " +
            "on the managed engine like the other. Each engine first trains one epoch to warm up, and both use the same " +
            "number of CPU threads (--threads, default 1): libtorch's own default, one spinning thread per core, " +
            "slows it down many times over on a machine that other work shares.");

        var load = Stopwatch.StartNew();
        if (!LibTorchRuntime.TryLoad(out string failure))
        {
            Narration.Error("libtorch cannot be loaded here: " + failure);
            return 4;
        }

        global::TorchSharp.torch.set_num_threads(threads);
        Narration.Note($"libtorch loaded in {load.Elapsed.TotalSeconds:F1} s; device {device}; {threads} of {Environment.ProcessorCount} processors.");
        var mlContext = new MLContext(seed: 1);
        IDataView train = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 0, pointSeed: 1));
        IDataView test = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 0, pointSeed: 2));
        var engines = new (string Name, TrainingBackend? Backend)[]
        {
            ("managed", null),
            ("torchsharp", new TorchSharpBackend(new TorchSharpBackendOptions { Device = device })),
        };

        var runs = TrainingBar.Show(context => engines.Select(engine =>
        {
            Fit(mlContext, train, engine.Backend, threads, epochs: 1, progress: null).Dispose();
            TrainingBar bar = TrainingBar.Add(context, engine.Name, Epochs);
            var watch = Stopwatch.StartNew();
            HypernetworkTransformer model = Fit(mlContext, train, engine.Backend, threads, Epochs, bar);
            TimeSpan time = watch.Elapsed;
            bar.Finish();
            return (engine.Name, Model: model, Time: time);
        }).ToList());

        float[] managedScores = Scores(runs[0].Model, test);
        var table = new Table { Title = new TableTitle($"{Epochs} epochs, {Tasks * PointsPerTask:N0} training rows, tested on new points of the same tasks") }
            .AddColumn("Engine")
            .AddColumn(new TableColumn("Training").RightAligned())
            .AddColumn(new TableColumn("ms per epoch").RightAligned())
            .AddColumn(new TableColumn("Test RMSE").RightAligned())
            .AddColumn(new TableColumn("RMS diff.").RightAligned());
        foreach (var run in runs)
        {
            double rmse = mlContext.Regression.Evaluate(run.Model.Transform(test)).RootMeanSquaredError;
            double difference = Math.Sqrt(Scores(run.Model, test).Zip(managedScores, (a, b) => (double)(a - b) * (a - b)).Average());
            table.AddRow(
                run.Name,
                run.Time.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s",
                (run.Time.TotalMilliseconds / Epochs).ToString("F1", CultureInfo.InvariantCulture),
                rmse.ToString("F4", CultureInfo.InvariantCulture),
                difference.ToString("G3", CultureInfo.InvariantCulture));
            run.Model.Dispose();
        }

        AnsiConsole.Write(table);
        Narration.Explain(
            "RMS diff. is the root mean square difference of each model's test scores from the managed model's. The " +
            "two engines agree to 1e-5 on one step, but they round differently, so over thousands of steps the two " +
            "runs drift apart as any two runs with different rounding do. The managed engine gives bitwise the same " +
            "model on every run; libtorch does not promise that, so its figures can change from run to run. On a CPU the managed engine is usually the faster one for models this size: each step is a " +
            "few small matrix products, where libtorch's per-operation overhead dominates. TorchSharp is there for a " +
            "CUDA GPU (--device cuda) and for large targets.");
        Narration.Note($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static HypernetworkTransformer Fit(MLContext mlContext, IDataView train, TrainingBackend? backend, int threads, int epochs, IProgress<TrainingProgress>? progress)
    {
        HypernetworkTrainer.Options options = SinusoidFamily.TrainerOptions(epochs);
        options.Seed = 1;
        options.Backend = backend;
        options.NumberOfThreads = threads;
        options.Progress = progress;
        return mlContext.Regression.Trainers.Hypernetwork(options).Fit(train);
    }

    private static float[] Scores(ITransformer model, IDataView data) => [.. model.Transform(data).GetColumn<float>("Score")];
}
