using System.Globalization;

namespace Hypernetworks.Packaging.Tests;

[Collection(PackagingCollection.Name)]
public sealed class ConsoleAppTests(LocalFeed feed)
{
    private const string Program = """
        using Hypernetworks.MLNet;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        var mlContext = new MLContext(seed: 1);
        var random = new Random(1);
        var rows = new List<Row>();
        for (int t = 0; t < 20; t++)
        {
            float amplitude = 0.5f + (3 * random.NextSingle());
            float phase = 3 * random.NextSingle();
            for (int i = 0; i < 20; i++)
            {
                float x = -4 + (8 * random.NextSingle());
                rows.Add(new Row { Task = [amplitude, phase], X = x, Label = amplitude * MathF.Sin(x + phase) });
            }
        }

        IDataView data = mlContext.Data.LoadFromEnumerable(rows);
        var pipeline = mlContext.Transforms.Concatenate("Features", "X")
            .Append(mlContext.Regression.Trainers.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "Task", FeatureColumnName = "Features", LabelColumnName = "Label", Epochs = 5,
            }));
        ITransformer model = pipeline.Fit(data);
        RegressionMetrics metrics = mlContext.Regression.Evaluate(model.Transform(data));
        string path = Path.Combine(AppContext.BaseDirectory, "model.zip");
        mlContext.Model.Save(model, data.Schema, path);
        ITransformer stock = mlContext.Model.Load(path, out DataViewSchema _);
        ITransformer ours = mlContext.Model.LoadHypernetwork(path, out DataViewSchema _);
        float Predict(ITransformer m) => mlContext.Model.CreatePredictionEngine<Row, Prediction>(m).Predict(rows[7]).Score;
        bool isOurs = ((IEnumerable<ITransformer>)ours).Any(t => t is HypernetworkTransformer);
        Console.WriteLine($"rmse={metrics.RootMeanSquaredError:R}");
        Console.WriteLine($"fitted={Predict(model):R}");
        Console.WriteLine($"stock={Predict(stock):R}");
        Console.WriteLine($"ours={Predict(ours):R}");
        Console.WriteLine($"isOurs={isOurs}");

        public sealed class Row
        {
            [VectorType(2)]
            public float[] Task { get; set; } = [];

            public float X { get; set; }

            public float Label { get; set; }
        }

        public sealed class Prediction
        {
            public float Score { get; set; }
        }
        """;

    [Fact]
    public void FreshConsoleProject_FitsSavesLoadsAndPredictsFromThePackages()
    {
        string folder = Path.Combine(feed.Folder, "app");
        Command.Run(feed.Folder, "dotnet", "new", "console", "-o", folder, "--no-restore");
        Command.Run(folder, "dotnet", "add", "package", "Hypernetworks.MLNet", "--version", feed.Version);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);

        string output = Command.Run(folder, "dotnet", "run", "-c", "Release");

        Dictionary<string, string> values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        float fitted = float.Parse(values["fitted"], CultureInfo.InvariantCulture);
        float stock = float.Parse(values["stock"], CultureInfo.InvariantCulture);
        float ours = float.Parse(values["ours"], CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(double.Parse(values["rmse"], CultureInfo.InvariantCulture)), output);
        Assert.Equal(fitted, ours);
        Assert.True(Math.Abs(stock - ours) <= 1e-5 * Math.Max(1, Math.Abs(ours)), $"stock {stock} vs ours {ours}");
        Assert.Equal("True", values["isOurs"]);
    }
}
