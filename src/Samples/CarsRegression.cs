using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// <c>regression cars</c>: fuel economy of 392 real cars (the cars table of Debian's python3-vega-datasets), with
/// the kind of car (origin and cylinders) as the hypernetwork's conditioning, beside ML.NET's FastTree and SDCA,
/// by 5-fold cross-validation.
/// </summary>
public static class CarsRegression
{
    private const int Folds = 5;

    /// <summary>Runs the sample.</summary>
    /// <param name="path">The cars table (cars.json).</param>
    /// <returns>The exit code: 0, or 3 when the cars table is not there.</returns>
    public static int Run(string path)
    {
        var clock = Stopwatch.StartNew();
        Narration.Title("Regression on real data: fuel economy of cars");
        List<CarRow>? cars = CarsDataset.TryLoad(path);
        if (cars is null)
        {
            Narration.Error($"The cars table is not installed ({path}). Install it with:");
            Console.Error.WriteLine(CarsDataset.InstallCommand);
            return 3;
        }

        Narration.Explain(
            $"{cars.Count} cars from 1970-1982 with their miles per gallon. The conditioning is the kind of car (its " +
            "origin, one-hot, and its cylinders): the hypernetwork generates one small network per kind that maps " +
            "horsepower, weight, displacement, acceleration and year to miles per gallon. FastTree and SDCA (a linear " +
            $"model) read all the columns as one vector. Each model is scored by {Folds}-fold cross-validation.");

        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(cars);
        var prepare = mlContext.Transforms.Categorical.OneHotEncoding("OriginVector", "Origin")
            .Append(mlContext.Transforms.Concatenate("Task", "OriginVector", "Cylinders"))
            .Append(mlContext.Transforms.Concatenate("Features", "Horsepower", "Weight", "Displacement", "Acceleration", "Year"));
        var stockFeatures = prepare.Append(mlContext.Transforms.Concatenate("AllFeatures", "Task", "Features"))
            .Append(mlContext.Transforms.NormalizeMeanVariance("AllFeatures"));
        var models = new (string Name, Func<IEstimator<ITransformer>> Pipeline)[]
        {
            ("Hypernetwork", () => prepare.Append(mlContext.Regression.Trainers.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "Task",
                FeatureColumnName = "Features",
                HiddenSizes = [32],
                TargetHiddenSizes = [16],
                Epochs = 300,
                BatchSize = 32,
                LearningRate = 3e-3f,
                WeightDecay = 1e-4f,
                ValidationFraction = 0.15f,
                EarlyStoppingPatience = 30,
                Seed = 1,
            }))),
            ("FastTree", () => stockFeatures.Append(mlContext.Regression.Trainers.FastTree(featureColumnName: "AllFeatures"))),
            ("SDCA (linear)", () => stockFeatures.Append(mlContext.Regression.Trainers.Sdca(featureColumnName: "AllFeatures"))),
        };

        IReadOnlyList<DataOperationsCatalog.TrainTestData> folds = mlContext.Data.CrossValidationSplit(data, Folds, seed: 1);
        var results = TrainingBar.Show(context => models.Select(model =>
        {
            ProgressTask task = context.AddTask(Markup.Escape($"{model.Name} · {Folds} folds"), maxValue: Folds);
            var watch = Stopwatch.StartNew();
            var rmse = new List<double>();
            var r2 = new List<double>();
            foreach (DataOperationsCatalog.TrainTestData fold in folds)
            {
                RegressionMetrics metrics = mlContext.Regression.Evaluate(model.Pipeline().Fit(fold.TrainSet).Transform(fold.TestSet));
                rmse.Add(metrics.RootMeanSquaredError);
                r2.Add(metrics.RSquared);
                task.Increment(1);
            }

            task.StopTask();
            return (model.Name, Rmse: rmse, R2: r2.Average(), Time: watch.Elapsed);
        }).ToList());

        var table = new Table { Title = new TableTitle($"{Folds}-fold cross-validation, miles per gallon") }
            .AddColumn("Model")
            .AddColumn(new TableColumn("RMSE (mean ± sd)").RightAligned())
            .AddColumn(new TableColumn("R² (mean)").RightAligned())
            .AddColumn(new TableColumn($"{Folds} fits").RightAligned());
        foreach (var result in results)
        {
            double mean = result.Rmse.Average();
            double sd = Math.Sqrt(result.Rmse.Sum(v => (v - mean) * (v - mean)) / (result.Rmse.Count - 1));
            table.AddRow(
                Markup.Escape(result.Name),
                string.Create(CultureInfo.InvariantCulture, $"{mean:F3} ± {sd:F3}"),
                result.R2.ToString("F3", CultureInfo.InvariantCulture),
                result.Time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        }

        AnsiConsole.Write(table);
        Narration.Explain(
            "With a few hundred rows and a few kinds of car, there is little family structure for the hypernetwork to " +
            "share: compare the spread over folds before reading much into the means.");
        Narration.Note($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
