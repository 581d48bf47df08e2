using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// The default sample: a hypernetwork learns a family of sinusoids y = A·sin(x + φ), one task per (A, φ), from a CSV
/// it generates, beside ML.NET's FastTree on the same split; then the model is saved as a .zip, loaded back both
/// ways and used for one prediction.
/// </summary>
public static class RegressionSample
{
    private const int Tasks = 200;
    private const int PointsPerTask = 50;
    private const int Epochs = 40;

    /// <summary>
    /// Runs the sample; <c>cars [--data PATH]</c> runs <see cref="CarsRegression"/> and <c>kinds</c>
    /// <see cref="GeneratorKindsSample"/> instead.
    /// </summary>
    /// <param name="args">The arguments after the sample's name.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            ["cars", "--data", string path, ..] => CarsRegression.Run(path),
            ["cars", ..] => CarsRegression.Run(CarsDataset.DefaultPath),
            ["kinds", ..] => GeneratorKindsSample.Run(),
            _ => RunSinusoids(),
        };
    }

    private static int RunSinusoids()
    {
        var clock = Stopwatch.StartNew();
        Narration.Title("Regression: one model for a family of tasks");
        Narration.Explain(
            $"Each of {Tasks} tasks is a sinusoid y = A·sin(x + φ) with its own amplitude A and phase φ, sampled at " +
            $"{PointsPerTask} points. Every row carries its task's descriptor (A, cos φ, sin φ) in the column Task. A " +
            "hypernetwork reads Task and generates the weights of a small network that maps x to y for that task; " +
            "ML.NET's FastTree gets the same columns as one feature vector. Both train on 80% of the rows and are " +
            "tested on the rest.");

        string folder = Directory.CreateTempSubdirectory("hypernetworks-sample-").FullName;
        string csv = Path.Combine(folder, "tasks.csv");
        WriteTasks(csv, seed: 1);
        Narration.Note($"Data: {Tasks * PointsPerTask:N0} rows written to {csv}");

        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromTextFile<TaskRow>(csv, separatorChar: ',', hasHeader: true);
        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
        HypernetworkTrainer.Options options = SinusoidFamily.TrainerOptions(Epochs);
        options.ValidationFraction = 0.1f;
        options.EarlyStoppingPatience = 8;
        var fastTree = mlContext.Transforms.Concatenate("AllFeatures", "Task", "Features")
            .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "AllFeatures"));

        (ITransformer model, TimeSpan hyperTime, ITransformer stock, TimeSpan stockTime) = TrainingBar.Show(context =>
        {
            TrainingBar bar = TrainingBar.Add(context, "Hypernetwork", Epochs);
            options.Progress = bar;
            var watch = Stopwatch.StartNew();
            ITransformer fitted = mlContext.Transforms.NormalizeMeanVariance("Features")
                .Append(mlContext.Regression.Trainers.Hypernetwork(options))
                .Fit(split.TrainSet);
            TimeSpan hyper = watch.Elapsed;
            bar.Finish();
            watch.Restart();
            ITransformer tree = TrainingBar.Step(context, "FastTree", () => fastTree.Fit(split.TrainSet));
            return (fitted, hyper, tree, watch.Elapsed);
        });

        RegressionResult.Write("Held-out rows", [
            new("Hypernetwork", mlContext.Regression.Evaluate(model.Transform(split.TestSet)), hyperTime),
            new("FastTree", mlContext.Regression.Evaluate(stock.Transform(split.TestSet)), stockTime),
        ]);
        Narration.Explain(
            "FastTree has to cut the (A, φ, x) space into boxes; the hypernetwork learns how the curve changes with the " +
            "task, so it interpolates between tasks smoothly.");

        string modelPath = Path.Combine(folder, "model.zip");
        mlContext.Model.Save(model, data.Schema, modelPath);
        Narration.Explain(
            $"Saved the fitted pipeline as an ML.NET model file ({new FileInfo(modelPath).Length:N0} bytes). Stock " +
            "mlContext.Model.Load reads it with no assembly of ours and scores through ONNX Runtime; " +
            "mlContext.Model.LoadHypernetwork puts our engine back.");
        Narration.Note($"Model: {modelPath}");

        var row = new TaskRow { Task = Descriptor(2f, 0.5f), Features = 1f, Label = 2f * MathF.Sin(1f + 0.5f) };
        var predictions = new Table { Title = new TableTitle("One prediction: A = 2, φ = 0.5, x = 1") }
            .AddColumn("Loaded with")
            .AddColumn(new TableColumn("Score").RightAligned());
        predictions.AddRow("mlContext.Model.Load (stock ML.NET, ONNX Runtime)", Format(Predict(mlContext, mlContext.Model.Load(modelPath, out _), row)));
        predictions.AddRow("mlContext.Model.LoadHypernetwork (our engine)", Format(Predict(mlContext, mlContext.Model.LoadHypernetwork(modelPath, out _), row)));
        predictions.AddRow("true value", Format(row.Label));
        AnsiConsole.Write(predictions);
        Narration.Note($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static float Predict(MLContext mlContext, ITransformer model, TaskRow row)
    {
        using PredictionEngine<TaskRow, TaskPrediction> engine = mlContext.Model.CreatePredictionEngine<TaskRow, TaskPrediction>(model);
        return engine.Predict(row).Score;
    }

    private static string Format(float value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static float[] Descriptor(float amplitude, float phase) => [amplitude, MathF.Cos(phase), MathF.Sin(phase)];

    private static void WriteTasks(string path, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path);
        writer.WriteLine("amplitude,phase_cos,phase_sin,x,y");
        for (int t = 0; t < Tasks; t++)
        {
            float amplitude = 0.1f + (4.9f * random.NextSingle());
            float phase = MathF.PI * random.NextSingle();
            float[] task = Descriptor(amplitude, phase);
            for (int p = 0; p < PointsPerTask; p++)
            {
                float x = -5f + (10f * random.NextSingle());
                float y = amplitude * MathF.Sin(x + phase);
                writer.WriteLine(string.Join(',', new[] { task[0], task[1], task[2], x, y }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            }
        }
    }
}
