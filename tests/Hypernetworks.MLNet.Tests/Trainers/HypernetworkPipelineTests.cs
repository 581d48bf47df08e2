using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Trainers;

/// <summary>Our trainers inside real ML.NET pipelines, next to stock transforms, stock trainers and stock evaluation.</summary>
public sealed class HypernetworkPipelineTests
{
    private static IEstimator<ITransformer> CarPipeline(MLContext mlContext, HypernetworkTrainer.Options? options = null) =>
        mlContext.Transforms.Categorical.OneHotEncoding("OriginVector", "Origin")
            .Append(mlContext.Transforms.Concatenate("Task", "OriginVector", "Cylinders"))
            .Append(mlContext.Transforms.Concatenate("Features", "Horsepower", "Weight"))
            .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
            .Append(mlContext.Regression.Trainers.Hypernetwork(options ?? new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "Task", FeatureColumnName = "Features", LabelColumnName = "Label", Epochs = 40,
            }));

    [Fact]
    public void IssueExample_FitsEvaluatesCrossValidatesAndPredicts()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(CarRow.Make(600, 1));
        DataOperationsCatalog.TrainTestData split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
        IEstimator<ITransformer> pipeline = CarPipeline(mlContext);

        ITransformer model = pipeline.Fit(split.TrainSet);
        RegressionMetrics metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
        var folds = mlContext.Regression.CrossValidate(data, pipeline, numberOfFolds: 3);
        using PredictionEngine<CarRow, CarPrediction> engine = mlContext.Model.CreatePredictionEngine<CarRow, CarPrediction>(model);
        CarRow row = CarRow.Make(1, 9)[0];

        double labelDeviation = Math.Sqrt(CarRow.Make(600, 1).Select(r => (double)r.Label).Select(l => l * l).Average() - Math.Pow(CarRow.Make(600, 1).Average(r => r.Label), 2));
        Assert.True(metrics.RootMeanSquaredError < 0.5 * labelDeviation, $"Test RMSE {metrics.RootMeanSquaredError:F3} against a label deviation of {labelDeviation:F3}.");
        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.True(f.Metrics.RootMeanSquaredError < 0.6 * labelDeviation, $"Fold RMSE {f.Metrics.RootMeanSquaredError:F3}."));
        float predicted = engine.Predict(row).Score;
        IDataView one = model.Transform(mlContext.Data.LoadFromEnumerable(new[] { row }));
        Assert.Equal(mlContext.Data.CreateEnumerable<CarPrediction>(one, reuseRowObject: false).Single().Score, predicted, 1e-4);
    }

    [Fact]
    public void Pipeline_SitsBesideStockTrainerAndKeyTransforms()
    {
        var mlContext = new MLContext(seed: 2);
        IDataView data = mlContext.Data.LoadFromEnumerable(CarRow.Make(400, 2));
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("OriginKey", "Origin")
            .Append(mlContext.Transforms.Concatenate("Features", "Horsepower", "Weight", "Cylinders"))
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features"))
            .Append(mlContext.Transforms.CopyColumns("SdcaScore", "Score"))
            .Append(mlContext.Regression.Trainers.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "OriginKey", FeatureColumnName = "Features", Epochs = 60,
            }))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("OriginAgain", "OriginKey"));

        ITransformer model = pipeline.Fit(data);
        IDataView scored = model.Transform(data);

        RegressionMetrics ours = mlContext.Regression.Evaluate(scored);
        RegressionMetrics sdca = mlContext.Regression.Evaluate(scored, scoreColumnName: "SdcaScore");
        double deviation = Math.Sqrt(scored.GetColumn<float>("Label").Select(l => (double)l).Aggregate((0.0, 0.0, 0), (a, l) => (a.Item1 + l, a.Item2 + (l * l), a.Item3 + 1), a => (a.Item2 / a.Item3) - Math.Pow(a.Item1 / a.Item3, 2)));
        Assert.True(ours.RootMeanSquaredError < 0.7 * deviation && sdca.RootMeanSquaredError < deviation, $"Hypernetwork RMSE {ours.RootMeanSquaredError:F3}, SDCA {sdca.RootMeanSquaredError:F3}, label deviation {deviation:F3}.");
        string[] origins = [.. scored.GetColumn<ReadOnlyMemory<char>>("OriginAgain").Select(o => o.ToString())];
        Assert.Equal(CarRow.Make(400, 2).Select(r => r.Origin), origins);
    }

    [Fact]
    public void Multiclass_PredictedLabelMapsBackToClassNames()
    {
        var mlContext = new MLContext(seed: 3);
        List<CarRow> rows = CarRow.Make(500, 3);
        IDataView data = mlContext.Data.LoadFromEnumerable(rows);
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("OriginLabel", "Origin")
            .Append(mlContext.Transforms.Concatenate("Features", "Horsepower", "Weight", "Label"))
            .Append(mlContext.Transforms.Concatenate("Task", "Cylinders"))
            .Append(mlContext.MulticlassClassification.Trainers.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "Task", LabelColumnName = "OriginLabel", Epochs = 30,
            }))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedOrigin", "PredictedLabel"));

        IDataView scored = pipeline.Fit(data).Transform(data);
        MulticlassClassificationMetrics metrics = mlContext.MulticlassClassification.Evaluate(scored, labelColumnName: "OriginLabel");
        string[] predicted = [.. scored.GetColumn<ReadOnlyMemory<char>>("PredictedOrigin").Select(o => o.ToString())];
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        scored.Schema["Score"].GetSlotNames(ref slotNames);

        Assert.True(metrics.MicroAccuracy > 0.5, $"Accuracy {metrics.MicroAccuracy:F3}.");
        Assert.Equal(metrics.MicroAccuracy, predicted.Zip(rows).Average(p => p.First == p.Second.Origin ? 1.0 : 0.0), 1e-9);
        Assert.Equal(["USA", "Europe", "Japan"], slotNames.DenseValues().Select(s => s.ToString()).OrderBy(s => s == "USA" ? 0 : s == "Europe" ? 1 : 2));
    }

    [Fact]
    public void Standardize_CentresFeaturesThatTheStockNormalizerOnlyScales()
    {
        var mlContext = new MLContext(seed: 4);
        DataOperationsCatalog.TrainTestData split = mlContext.Data.TrainTestSplit(mlContext.Data.LoadFromEnumerable(CarRow.Make(800, 4)), testFraction: 0.25, seed: 1);
        HypernetworkTrainer.Options Options(bool standardize) => new()
        {
            ConditioningColumnName = "Task", FeatureColumnName = "Features", Epochs = 25, Standardize = standardize, Seed = 5,
        };

        double With(bool standardize) => mlContext.Regression.Evaluate(CarPipeline(mlContext, Options(standardize)).Fit(split.TrainSet).Transform(split.TestSet)).RootMeanSquaredError;

        double standardized = With(true);
        double scaledOnly = With(false);
        Assert.True(standardized < scaledOnly, $"Standardised RMSE {standardized:F3}, NormalizeMeanVariance only {scaledOnly:F3}.");
    }

    [Fact]
    public void Fit_LogsEpochsToTheContextLog()
    {
        var mlContext = new MLContext(seed: 5);
        var messages = new List<string>();
        mlContext.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };

        CarPipeline(mlContext).Fit(mlContext.Data.LoadFromEnumerable(CarRow.Make(100, 5)));

        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("Epoch 40: training loss", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Fit_DrawsItsSeedFromTheContext()
    {
        IDataView Data(MLContext c) => c.Data.LoadFromEnumerable(CarRow.Make(100, 6));
        float[] Parameters(int seed)
        {
            var c = new MLContext(seed);
            var model = (TransformerChain<HypernetworkTransformer>)CarPipeline(c).Fit(Data(c));
            return ((HypernetworkTransformer)model.LastTransformer).Model.Parameters[0].Value.Span.ToArray();
        }

        Assert.Equal(Parameters(7), Parameters(7));
        Assert.NotEqual(Parameters(7), Parameters(8));
    }

    [Fact]
    public void Fit_StopsOnCancellationToken()
    {
        var mlContext = new MLContext(seed: 6);
        IDataView data = mlContext.Data.LoadFromEnumerable(CarRow.Make(2000, 6));
        using var cancellation = new CancellationTokenSource();
        var options = new HypernetworkTrainer.Options
        {
            ConditioningColumnName = "Task", FeatureColumnName = "Features", Epochs = 100_000, CancellationToken = cancellation.Token,
            Progress = new Progress(p => { if (p.Epoch == 2) { cancellation.Cancel(); } }),
        };

        Assert.ThrowsAny<OperationCanceledException>(() => CarPipeline(mlContext, options).Fit(data));
    }

    [Theory]
    [InlineData("Origin", "String", "MapValueToKey")]
    [InlineData("Double", "Double", "ConvertType")]
    [InlineData("Variable", "unknown size", "known size")]
    public void Fit_NamesColumnTypeAndTransformForUnreadableConditioning(string column, string type, string transform)
    {
        var mlContext = new MLContext(seed: 7);
        IDataView data = mlContext.Data.LoadFromEnumerable(CarRow.Make(20, 7).Select(r => new OddRow { Origin = r.Origin, Double = r.Weight, Variable = [r.Weight], Features = [r.Horsepower], Label = r.Label }));
        HypernetworkTrainer trainer = mlContext.Regression.Trainers.Hypernetwork(conditioningColumnName: column);

        var error = Assert.ThrowsAny<ArgumentException>(() => trainer.Fit(data));
        Assert.Contains($"conditioning column '{column}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
        Assert.Contains(transform, error.Message, StringComparison.Ordinal);
    }

    private sealed class Progress(Action<Hypernetworks.Model.Training.TrainingProgress> report) : IProgress<Hypernetworks.Model.Training.TrainingProgress>
    {
        public void Report(Hypernetworks.Model.Training.TrainingProgress value) => report(value);
    }

    public sealed class OddRow
    {
        public string Origin { get; set; } = "";

        public double Double { get; set; }

        public float[] Variable { get; set; } = [];

        [VectorType(1)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
