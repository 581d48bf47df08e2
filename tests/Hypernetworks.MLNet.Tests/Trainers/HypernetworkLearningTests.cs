namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkLearningTests
{
    [Fact]
    public void Regression_LearnsTaskFamily()
    {
        var context = new MLContext(1);
        IDataView train = context.Data.LoadFromEnumerable(TaskData.Regression(900, seed: 1));
        List<RegressionTaskRow> testRows = TaskData.Regression(300, seed: 2);
        using HypernetworkTransformer model = context.Regression.Trainers.Hypernetwork(TaskData.Options()).Fit(train);

        float[] scores = Scores<ScorePrediction>(context, model, testRows).Select(p => p.Score).ToArray();
        double mse = testRows.Select((r, i) => Math.Pow(scores[i] - r.Label, 2)).Average();
        double variance = testRows.Select(r => (double)r.Label * r.Label).Average();
        Assert.True(Math.Sqrt(mse) < 0.25 * Math.Sqrt(variance), $"RMSE {Math.Sqrt(mse):F4} against a label RMS of {Math.Sqrt(variance):F4}.");
    }

    [Fact]
    public void Regression_LearnsTaskFamilyStreamingFromCursor()
    {
        var context = new MLContext(1);
        IDataView train = context.Data.LoadFromEnumerable(TaskData.Regression(900, seed: 1));
        List<RegressionTaskRow> testRows = TaskData.Regression(300, seed: 2);
        HypernetworkTrainer.Options options = TaskData.Options();
        options.CacheTrainingData = false;
        using HypernetworkTransformer model = context.Regression.Trainers.Hypernetwork(options).Fit(train);

        float[] scores = Scores<ScorePrediction>(context, model, testRows).Select(p => p.Score).ToArray();
        double rmse = Math.Sqrt(testRows.Select((r, i) => Math.Pow(scores[i] - r.Label, 2)).Average());
        double rms = Math.Sqrt(testRows.Select(r => (double)r.Label * r.Label).Average());
        Assert.True(rmse < 0.25 * rms, $"RMSE {rmse:F4} against a label RMS of {rms:F4}.");
    }

    [Fact]
    public void Binary_LearnsTaskFamily()
    {
        var context = new MLContext(1);
        IDataView train = context.Data.LoadFromEnumerable(TaskData.Binary(900, seed: 1));
        List<BinaryTaskRow> testRows = TaskData.Binary(300, seed: 2);
        using HypernetworkTransformer model = context.BinaryClassification.Trainers.Hypernetwork(TaskData.Options()).Fit(train);

        List<BinaryPrediction> predictions = Scores<BinaryPrediction>(context, model, testRows);
        double accuracy = testRows.Select((r, i) => predictions[i].PredictedLabel == r.Label ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 0.9, $"Accuracy {accuracy:F3}.");
        Assert.All(predictions, p => Assert.Equal(p.Score > 0, p.Probability > 0.5f));
    }

    [Fact]
    public void Multiclass_LearnsTaskFamily()
    {
        var context = new MLContext(1);
        IDataView train = context.Data.LoadFromEnumerable(TaskData.Multiclass(1200, seed: 1));
        List<MulticlassTaskRow> testRows = TaskData.Multiclass(300, seed: 2);
        using HypernetworkTransformer model = context.MulticlassClassification.Trainers.Hypernetwork(TaskData.Options()).Fit(train);

        List<MulticlassPrediction> predictions = Scores<MulticlassPrediction>(context, model, testRows);
        double accuracy = testRows.Select((r, i) => predictions[i].PredictedLabel == r.Label + 1 ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 0.8, $"Accuracy {accuracy:F3}.");
        Assert.All(predictions, p => Assert.Equal(1f, p.Score.Sum(), 4));
    }

    [Fact]
    public void KeyConditioning_LearnsEmbeddingPerTask()
    {
        var context = new MLContext(1);
        IDataView train = context.Data.LoadFromEnumerable(TaskData.Keyed(900, seed: 1));
        List<KeyTaskRow> testRows = TaskData.Keyed(300, seed: 2);
        using HypernetworkTransformer model = context.Regression.Trainers.Hypernetwork(TaskData.Options()).Fit(train);

        Assert.True(model.IsKeyConditioned);
        float[] scores = Scores<ScorePrediction>(context, model, testRows).Select(p => p.Score).ToArray();
        double rmse = Math.Sqrt(testRows.Select((r, i) => Math.Pow(scores[i] - r.Label, 2)).Average());
        double rms = Math.Sqrt(testRows.Select(r => (double)r.Label * r.Label).Average());
        Assert.True(rmse < 0.3 * rms, $"RMSE {rmse:F4} against a label RMS of {rms:F4}.");
    }

    [Fact]
    public void Materialize_MatchesTransformForOneCondition()
    {
        var context = new MLContext(1);
        List<RegressionTaskRow> rows = TaskData.Regression(120, seed: 3);
        using HypernetworkTransformer model = context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 2)).Fit(context.Data.LoadFromEnumerable(rows));

        float[] scores = Scores<ScorePrediction>(context, model, rows).Select(p => p.Score).ToArray();
        Hypernetworks.Model.TargetNetwork target = model.Materialize(rows[0].Conditioning);
        var output = new float[1];
        target.Forward(rows[0].Features, output);
        Assert.Equal(scores[0], output[0], 4);
    }

    internal static List<TPrediction> Scores<TPrediction>(MLContext context, ITransformer model, System.Collections.IEnumerable rows)
        where TPrediction : class, new()
    {
        IDataView data = rows switch
        {
            List<RegressionTaskRow> r => context.Data.LoadFromEnumerable(r),
            List<BinaryTaskRow> b => context.Data.LoadFromEnumerable(b),
            List<MulticlassTaskRow> m => context.Data.LoadFromEnumerable(m),
            List<KeyTaskRow> k => context.Data.LoadFromEnumerable(k),
            _ => throw new ArgumentException("Unknown rows.", nameof(rows)),
        };
        return [.. context.Data.CreateEnumerable<TPrediction>(model.Transform(data), reuseRowObject: false)];
    }
}
