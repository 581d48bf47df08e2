namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkEvaluationTests
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void RegressionEvaluate_MatchesMetricsComputedFromScores()
    {
        List<RegressionTaskRow> rows = TaskData.Regression(300, 2);
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 5)).Fit(_context.Data.LoadFromEnumerable(TaskData.Regression(300, 1)));

        RegressionMetrics metrics = _context.Regression.Evaluate(model.Transform(_context.Data.LoadFromEnumerable(rows)));
        float[] scores = [.. HypernetworkLearningTests.Scores<ScorePrediction>(_context, model, rows).Select(p => p.Score)];
        double mse = rows.Select((r, i) => Math.Pow(scores[i] - r.Label, 2)).Average();
        Assert.Equal(mse, metrics.MeanSquaredError, 1e-5);
        Assert.Equal(Math.Sqrt(mse), metrics.RootMeanSquaredError, 1e-5);
    }

    [Fact]
    public void BinaryEvaluate_ReadsHypernetworkOutput()
    {
        List<BinaryTaskRow> rows = TaskData.Binary(300, 2);
        using HypernetworkTransformer model = _context.BinaryClassification.Trainers.Hypernetwork(TaskData.Options(epochs: 5)).Fit(_context.Data.LoadFromEnumerable(TaskData.Binary(300, 1)));

        CalibratedBinaryClassificationMetrics metrics = _context.BinaryClassification.Evaluate(model.Transform(_context.Data.LoadFromEnumerable(rows)));
        List<BinaryPrediction> predictions = HypernetworkLearningTests.Scores<BinaryPrediction>(_context, model, rows);
        double accuracy = rows.Select((r, i) => predictions[i].PredictedLabel == r.Label ? 1.0 : 0.0).Average();
        Assert.Equal(accuracy, metrics.Accuracy, 1e-9);
        Assert.InRange(metrics.AreaUnderRocCurve, 0.5, 1.0);
        Assert.True(double.IsFinite(metrics.LogLoss));
    }

    [Fact]
    public void MulticlassEvaluate_ReadsHypernetworkOutput()
    {
        List<MulticlassTaskRow> rows = TaskData.Multiclass(300, 2);
        using HypernetworkTransformer model = _context.MulticlassClassification.Trainers.Hypernetwork(TaskData.Options(epochs: 5)).Fit(_context.Data.LoadFromEnumerable(TaskData.Multiclass(300, 1)));

        MulticlassClassificationMetrics metrics = _context.MulticlassClassification.Evaluate(model.Transform(_context.Data.LoadFromEnumerable(rows)));
        List<MulticlassPrediction> predictions = HypernetworkLearningTests.Scores<MulticlassPrediction>(_context, model, rows);
        double accuracy = rows.Select((r, i) => predictions[i].PredictedLabel == r.Label + 1 ? 1.0 : 0.0).Average();
        Assert.Equal(accuracy, metrics.MicroAccuracy, 1e-9);
        Assert.Equal(TaskData.Classes, metrics.ConfusionMatrix.NumberOfClasses);
    }

    [Fact]
    public void CrossValidate_ReturnsMetricsAndModelPerFold()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TaskData.Regression(240, 1));

        var results = _context.Regression.CrossValidate(data, _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 2)), numberOfFolds: 3);
        Assert.Equal(3, results.Count);
        Assert.All(results, r =>
        {
            Assert.IsType<HypernetworkTransformer>(r.Model);
            Assert.True(double.IsFinite(r.Metrics.RootMeanSquaredError));
        });
    }
}
