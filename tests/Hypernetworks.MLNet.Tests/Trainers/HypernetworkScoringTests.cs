namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkScoringTests
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void Transform_MatchesPredictionEngineRowByRow()
    {
        using HypernetworkTransformer model = Fit();
        List<BinaryTaskRow> rows = TaskData.Binary(1100, 4);
        List<BinaryPrediction> batched = HypernetworkLearningTests.Scores<BinaryPrediction>(_context, model, rows);
        using PredictionEngine<BinaryTaskRow, BinaryPrediction> engine = _context.Model.CreatePredictionEngine<BinaryTaskRow, BinaryPrediction>(model);

        for (int i = 0; i < rows.Count; i++)
        {
            BinaryPrediction single = engine.Predict(rows[i]);
            Assert.Equal(batched[i].Score, single.Score, 1e-5);
            Assert.Equal(batched[i].Probability, single.Probability, 1e-5);
            Assert.Equal(batched[i].PredictedLabel, single.PredictedLabel);
        }
    }

    [Fact]
    public void Transform_PassesInputColumnsThroughUnchanged()
    {
        using HypernetworkTransformer model = Fit();
        List<BinaryTaskRow> rows = TaskData.Binary(1100, 4);

        List<BinaryTaskRow> read = [.. _context.Data.CreateEnumerable<BinaryTaskRow>(model.Transform(_context.Data.LoadFromEnumerable(rows)), reuseRowObject: false)];
        Assert.Equal(rows.Select(r => (r.Label, string.Join(",", r.Features))), read.Select(r => (r.Label, string.Join(",", r.Features))));
    }

    [Fact]
    public void Transform_ConcurrentCursorsGiveTheSameScores()
    {
        using HypernetworkTransformer model = Fit();
        IDataView scored = model.Transform(_context.Data.LoadFromEnumerable(TaskData.Binary(3000, 4)));
        float[] expected = Read(scored);

        float[][] results = new float[4][];
        Parallel.For(0, results.Length, i => results[i] = Read(scored));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static float[] Read(IDataView scored)
    {
        DataViewSchema.Column score = scored.Schema["Score"];
        using DataViewRowCursor cursor = scored.GetRowCursor([score]);
        ValueGetter<float> getter = cursor.GetGetter<float>(score);
        var values = new List<float>();
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return [.. values];
    }

    private HypernetworkTransformer Fit() =>
        _context.BinaryClassification.Trainers.Hypernetwork(TaskData.Options(epochs: 2)).Fit(_context.Data.LoadFromEnumerable(TaskData.Binary(200, 1)));
}
