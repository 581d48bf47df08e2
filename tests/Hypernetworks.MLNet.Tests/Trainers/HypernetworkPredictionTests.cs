namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkPredictionTests
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void Predict_AllocatesNothingOnceWarm()
    {
        List<RegressionTaskRow> rows = TaskData.Regression(64, 3);
        ITransformer model = _context.Transforms.NormalizeMeanVariance("Features")
            .Append(_context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)))
            .Fit(_context.Data.LoadFromEnumerable(rows));
        using PredictionEngine<RegressionTaskRow, ScorePrediction> engine = _context.Model.CreatePredictionEngine<RegressionTaskRow, ScorePrediction>(model);
        var prediction = new ScorePrediction();
        for (int i = 0; i < 20_000; i++)
        {
            engine.Predict(rows[i % rows.Count], ref prediction);
        }

        // Tiered compilation may still allocate on this thread while it swaps in optimised code: keep the best round.
        long fewest = long.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                engine.Predict(rows[i % rows.Count], ref prediction);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    [Fact]
    public void Predict_ScoresKeyConditionedRows()
    {
        List<KeyTaskRow> rows = TaskData.Keyed(60, 3);
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(_context.Data.LoadFromEnumerable(rows));
        using PredictionEngine<KeyTaskRow, ScorePrediction> engine = _context.Model.CreatePredictionEngine<KeyTaskRow, ScorePrediction>(model);
        var expected = new float[1];

        model.Materialize(rows[5].Conditioning + 1).Forward(rows[5].Features, expected);
        Assert.Equal(expected[0], engine.Predict(rows[5]).Score, 1e-5);
    }
}
