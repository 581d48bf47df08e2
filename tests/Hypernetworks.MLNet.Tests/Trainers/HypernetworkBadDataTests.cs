using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkBadDataTests
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void Fit_ThrowsForEmptyView()
    {
        IDataView empty = _context.Data.LoadFromEnumerable(new List<RegressionTaskRow>());

        var error = Assert.Throws<ArgumentException>(() => _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(empty));
        Assert.Contains("training data has no rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamingFit_ThrowsForEmptyView()
    {
        IDataView empty = _context.Data.LoadFromEnumerable(new List<RegressionTaskRow>());
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 1);
        options.CacheTrainingData = false;

        var error = Assert.Throws<ArgumentException>(() => _context.Regression.Trainers.Hypernetwork(options).Fit(empty));
        Assert.Contains("training data has no rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamingFit_ThrowsForOneClassBinaryLabel()
    {
        List<BinaryTaskRow> rows = TaskData.Binary(40, 1);
        rows.ForEach(r => r.Label = false);
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 1);
        options.CacheTrainingData = false;

        var error = Assert.Throws<ArgumentException>(() => _context.BinaryClassification.Trainers.Hypernetwork(options).Fit(_context.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Label column 'Label' holds only false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForOneClassBinaryLabel()
    {
        List<BinaryTaskRow> rows = TaskData.Binary(40, 1);
        rows.ForEach(r => r.Label = true);

        var error = Assert.Throws<ArgumentException>(() => _context.BinaryClassification.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(_context.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Label column 'Label' holds only true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForNaNLabelNamingRow()
    {
        List<RegressionTaskRow> rows = TaskData.Regression(40, 1);
        rows[17].Label = float.NaN;

        var error = Assert.Throws<InvalidOperationException>(() => _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(_context.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Column 'Label' row 17 is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForMissingLabelKeyNamingRow()
    {
        List<MulticlassTaskRow> rows = TaskData.Multiclass(40, 1);
        // LoadFromEnumerable reads a key property 0-based, so the class count is out of range: a missing key.
        rows[9].Label = TaskData.Classes;

        var error = Assert.Throws<InvalidOperationException>(() => _context.MulticlassClassification.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(_context.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Column 'Label' row 9 holds a missing key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ThrowsForNaNFeatureNamingRow()
    {
        using HypernetworkTransformer model = Regression();
        List<RegressionTaskRow> rows = TaskData.Regression(700, 2);
        rows[600].Features[2] = float.PositiveInfinity;
        IDataView scored = model.Transform(_context.Data.LoadFromEnumerable(rows));

        var error = Assert.Throws<InvalidOperationException>(() => _context.Data.CreateEnumerable<ScorePrediction>(scored, reuseRowObject: true).Count());
        Assert.Contains("Column 'Features' row 600 slot 2 is Infinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_ThrowsForNaNConditioning()
    {
        using HypernetworkTransformer model = Regression();
        using PredictionEngine<RegressionTaskRow, ScorePrediction> engine = _context.Model.CreatePredictionEngine<RegressionTaskRow, ScorePrediction>(model);
        RegressionTaskRow row = TaskData.Regression(1, 2)[0];
        row.Conditioning[1] = float.NaN;

        var error = Assert.Throws<InvalidOperationException>(() => engine.Predict(row));
        Assert.Contains("Column 'Conditioning' row 0 slot 1 is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ThrowsForUnseenConditioningKey()
    {
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(_context.Data.LoadFromEnumerable(TaskData.Keyed(60, 1)));
        var rows = TaskData.Regression(10, 2).Select((r, i) => new WideKeyRow { Conditioning = i == 4 ? 7u : 1u, Features = r.Features }).ToList();
        IDataView scored = model.Transform(_context.Data.LoadFromEnumerable(rows));

        var error = Assert.Throws<InvalidOperationException>(() => _context.Data.CreateEnumerable<ScorePrediction>(scored, reuseRowObject: true).Count());
        Assert.Contains("Column 'Conditioning' row 4 holds key 8; the hypernetwork knows keys 1-6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ThrowsForMissingConditioningKey()
    {
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(_context.Data.LoadFromEnumerable(TaskData.Keyed(60, 1)));
        List<KeyTaskRow> rows = TaskData.Keyed(10, 2);
        rows[3].Conditioning = TaskData.Tasks;
        IDataView scored = model.Transform(_context.Data.LoadFromEnumerable(rows));

        var error = Assert.Throws<InvalidOperationException>(() => _context.Data.CreateEnumerable<ScorePrediction>(scored, reuseRowObject: true).Count());
        Assert.Contains("Column 'Conditioning' row 3 holds a missing key", error.Message, StringComparison.Ordinal);
    }

    private HypernetworkTransformer Regression() =>
        _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(_context.Data.LoadFromEnumerable(TaskData.Regression(60, 1)));

    public sealed class WideKeyRow
    {
        [KeyType(10)]
        public uint Conditioning { get; set; }

        [VectorType(TaskData.FeatureSize)]
        public float[] Features { get; set; } = [];
    }
}
