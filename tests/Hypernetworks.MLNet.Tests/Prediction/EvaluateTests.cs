using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Prediction;

public class EvaluateTests
{
    private readonly MLContext _context = new(1);

    public sealed class RegressionRow
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }

    public sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }
    }

    public sealed class MulticlassRow
    {
        [KeyType(3)]
        public uint Label { get; set; }

        [VectorType(3)]
        public float[] Score { get; set; } = [];
    }

    [Fact]
    public void Regression_Evaluate_ComputesErrorsOfTheColumns()
    {
        RegressionRow[] rows = [new() { Label = 1, Score = 2 }, new() { Label = 3, Score = 1 }, new() { Label = -2, Score = -2.5f }];
        RegressionMetrics metrics = _context.Regression.Evaluate(_context.Data.LoadFromEnumerable(rows));
        Assert.Equal(rows.Average(r => Math.Abs((double)r.Label - r.Score)), metrics.MeanAbsoluteError, 6);
        Assert.Equal(rows.Average(r => Math.Pow((double)r.Label - r.Score, 2)), metrics.MeanSquaredError, 6);
    }

    [Fact]
    public void Regression_Evaluate_ThrowsNamingRowOfNaNLabel()
    {
        RegressionRow[] rows = [new() { Label = 1, Score = 2 }, new() { Label = float.NaN, Score = 1 }];
        var ex = Assert.Throws<InvalidOperationException>(() => _context.Regression.Evaluate(_context.Data.LoadFromEnumerable(rows)));
        Assert.Contains("'Label'", ex.Message);
        Assert.Contains("row 1", ex.Message);
    }

    [Fact]
    public void Regression_Evaluate_ThrowsNamingMissingScoreColumn()
    {
        IDataView data = _context.Data.LoadFromEnumerable(new[] { new RegressionRow() });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Regression.Evaluate(data, scoreColumnName: "Prediction"));
        Assert.Contains("'Prediction'", ex.Message);
    }

    [Fact]
    public void Regression_Evaluate_ThrowsForEmptyData()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Array.Empty<RegressionRow>());
        Assert.Throws<InvalidOperationException>(() => _context.Regression.Evaluate(data));
    }

    [Fact]
    public void Binary_Evaluate_ThrowsForNonBooleanLabel()
    {
        IDataView data = _context.Data.LoadFromEnumerable(new[] { new RegressionRow() });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.BinaryClassification.EvaluateNonCalibrated(data));
        Assert.Contains("Schema mismatch for label column 'Label'", ex.Message);
    }

    [Fact]
    public void Binary_Evaluate_AccuracyCountsProbabilitiesAboveHalf()
    {
        BinaryRow[] rows =
        [
            new() { Label = true, Score = 2, Probability = 0.9f },
            new() { Label = false, Score = 1, Probability = 0.7f },
            new() { Label = false, Score = -1, Probability = 0.2f },
            new() { Label = true, Score = -2, Probability = 0.1f },
            new() { Label = true, Score = 3, Probability = 0.95f },
        ];
        CalibratedBinaryClassificationMetrics metrics = _context.BinaryClassification.Evaluate(_context.Data.LoadFromEnumerable(rows));
        Assert.Equal(rows.Count(r => r.Probability > 0.5f == r.Label) / (double)rows.Length, metrics.Accuracy, 6);
    }

    [Fact]
    public void Multiclass_Evaluate_MicroAccuracyCountsArgmaxHits()
    {
        MulticlassRow[] rows =
        [
            new() { Label = 1, Score = [0.7f, 0.2f, 0.1f] },
            new() { Label = 2, Score = [0.1f, 0.3f, 0.6f] },
            new() { Label = 3, Score = [0.5f, 0.4f, 0.1f] },
            new() { Label = 3, Score = [0.2f, 0.2f, 0.6f] },
        ];
        MulticlassClassificationMetrics metrics = _context.MulticlassClassification.Evaluate(_context.Data.LoadFromEnumerable(rows));
        double expected = rows.Count(r => Array.IndexOf(r.Score, r.Score.Max()) == r.Label - 1) / (double)rows.Length;
        Assert.Equal(expected, metrics.MicroAccuracy, 6);
    }

    [Fact]
    public void Multiclass_Evaluate_ThrowsForScoreSizeOtherThanClassCount()
    {
        IDataView data = _context.Data.LoadFromEnumerable(new[] { new MulticlassRow { Label = 1, Score = [1, 0, 0] } });
        IDataView wrong = _context.Transforms.Concatenate("Score", "Score", "Score").Fit(data).Transform(data);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.MulticlassClassification.Evaluate(wrong));
        Assert.Contains("'Score'", ex.Message);
        Assert.Contains("Vector<Single, 3>", ex.Message);
    }

    [Fact]
    public void Regression_CrossValidate_EvaluatesEachHeldOutFold()
    {
        var random = new Random(3);
        RegressionRow[] rows = [.. Enumerable.Range(0, 200).Select(_ => new RegressionRow { Label = (float)random.NextDouble() })];
        IDataView data = _context.Data.LoadFromEnumerable(rows);
        var estimator = _context.Transforms.CopyColumns("Score", "Label").Append(_context.Transforms.NormalizeMinMax("Score", fixZero: false));
        IReadOnlyList<CrossValidationResult<RegressionMetrics>> results = _context.Regression.CrossValidate(data, estimator, numberOfFolds: 3, seed: 1);
        Assert.Equal(3, results.Count);
        foreach (CrossValidationResult<RegressionMetrics> result in results)
        {
            List<RegressionRow> scored = [.. _context.Data.CreateEnumerable<RegressionRow>(result.ScoredHoldOutSet, reuseRowObject: false)];
            Assert.Equal(scored.Average(r => Math.Abs((double)r.Label - r.Score)), result.Metrics.MeanAbsoluteError, 6);
        }
    }
}
