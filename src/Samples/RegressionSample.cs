using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Samples;

/// <summary>
/// The default sample: a hypernetwork learns a family of sinusoids y = A·sin(x + φ), one task per (A, φ), from a CSV
/// it generates; then it is evaluated on held-out rows, saved as a .zip model, loaded back and used for one prediction.
/// </summary>
public static class RegressionSample
{
    private const int Tasks = 200;
    private const int PointsPerTask = 50;

    /// <summary>Runs the sample.</summary>
    public static void Run()
    {
        var clock = Stopwatch.StartNew();
        string folder = Directory.CreateTempSubdirectory("hypernetworks-sample-").FullName;
        string csv = Path.Combine(folder, "tasks.csv");
        WriteTasks(csv, seed: 1);
        Console.WriteLine($"Data:  {Tasks} sinusoid tasks x {PointsPerTask} points -> {csv}");

        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromTextFile<TaskRow>(csv, separatorChar: ',', hasHeader: true);
        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
        var pipeline = mlContext.Transforms.NormalizeMeanVariance("Features")
            .Append(mlContext.Regression.Trainers.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "Task",
                FeatureColumnName = "Features",
                LabelColumnName = "Label",
                HiddenSizes = [64, 64],
                TargetHiddenSizes = [40, 40],
                Generator = GeneratorKind.SharedTrunk,
                Epochs = 40,
                BatchSize = 64,
                LearningRate = 1e-3f,
                ValidationFraction = 0.1f,
                EarlyStoppingPatience = 8,
                Progress = new EpochPrinter(every: 10),
            }));

        Console.WriteLine("Train: NormalizeMeanVariance(Features) + Regression.Trainers.Hypernetwork");
        ITransformer model = pipeline.Fit(split.TrainSet);
        RegressionMetrics metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine($"Test:  hypernetwork RMSE {metrics.RootMeanSquaredError:F4}, MAE {metrics.MeanAbsoluteError:F4}, R² {metrics.RSquared:F4}");

        // The stock comparison: ML.NET's FastTree on the same split, reading the task descriptor and x as one feature vector.
        var fastTree = mlContext.Transforms.Concatenate("AllFeatures", "Task", "Features")
            .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "AllFeatures"));
        RegressionMetrics stock = mlContext.Regression.Evaluate(fastTree.Fit(split.TrainSet).Transform(split.TestSet));
        Console.WriteLine($"       FastTree     RMSE {stock.RootMeanSquaredError:F4}, MAE {stock.MeanAbsoluteError:F4}, R² {stock.RSquared:F4}");

        string modelPath = Path.Combine(folder, "model.zip");
        mlContext.Model.Save(model, data.Schema, modelPath);
        Console.WriteLine($"Saved: {modelPath} ({new FileInfo(modelPath).Length:N0} bytes)");

        var row = new TaskRow { Task = Descriptor(2f, 0.5f), Features = 1f, Label = 2f * MathF.Sin(1f + 0.5f) };
        ITransformer anywhere = mlContext.Model.Load(modelPath, out DataViewSchema _);
        using (PredictionEngine<TaskRow, TaskPrediction> engine = mlContext.Model.CreatePredictionEngine<TaskRow, TaskPrediction>(anywhere))
        {
            Console.WriteLine($"Load:  stock ML.NET (ONNX Runtime) predicts A=2, phi=0.5, x=1 -> {engine.Predict(row).Score:F4} (true {row.Label:F4})");
        }

        ITransformer fast = mlContext.Model.LoadHypernetwork(modelPath, out DataViewSchema _);
        using (PredictionEngine<TaskRow, TaskPrediction> engine = mlContext.Model.CreatePredictionEngine<TaskRow, TaskPrediction>(fast))
        {
            Console.WriteLine($"       LoadHypernetwork (our engine) predicts              -> {engine.Predict(row).Score:F4}");
        }
        Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
    }

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
