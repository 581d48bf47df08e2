using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public class BatchScoredDataViewTests
{
    private readonly MLContext _context = new(1);

    private sealed class SumScorer(List<int> batchSizes) : IBatchScorer
    {
        public void Score(RowBatchReader inputs, IReadOnlyList<float[]> outputs)
        {
            batchSizes.Add(inputs.RowCount);
            ReadOnlySpan<float> features = inputs.GetColumn(0);
            for (int row = 0; row < inputs.RowCount; row++)
            {
                float sum = 0;
                for (int i = 0; i < 3; i++)
                {
                    sum += features[(row * 3) + i];
                    outputs[2][(row * 3) + i] = 2 * features[(row * 3) + i];
                }

                outputs[0][row] = sum;
                outputs[1][row] = sum > 0 ? 1 : 0;
                outputs[3][row] = sum > 0 ? 2 : 1;
            }
        }
    }

    private (BatchScoredDataView View, List<int> BatchSizes, int[] Scorers) Make(IDataView data)
    {
        var batchSizes = new List<int>();
        int[] scorers = [0];
        var view = new BatchScoredDataView(data, ["Features"],
        [
            new DataViewSchema.DetachedColumn("Score", NumberDataViewType.Single),
            new DataViewSchema.DetachedColumn("Positive", BooleanDataViewType.Instance),
            new DataViewSchema.DetachedColumn("Twice", new VectorDataViewType(NumberDataViewType.Single, 3)),
            new DataViewSchema.DetachedColumn("Bucket", new KeyDataViewType(typeof(uint), 2)),
        ], batchSize: 3, () =>
        {
            scorers[0]++;
            return new SumScorer(batchSizes);
        });
        return (view, batchSizes, scorers);
    }

    [Fact]
    public void Cursor_ScoresInBatchesAndMatchesRowByRowValues()
    {
        List<FeatureRow> rows = TestData.Features(7, 6);
        (BatchScoredDataView view, List<int> batchSizes, _) = Make(_context.Data.LoadFromEnumerable(rows));
        List<float> scores = TestData.ReadColumn<float>(view, "Score");
        Assert.Equal([3, 3, 1], batchSizes);
        Assert.Equal(rows.Select(r => r.Features.Sum()), scores, (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal(rows.Select(r => r.Features.Sum() > 0), TestData.ReadColumn<bool>(view, "Positive"));
        Assert.Equal(rows.Select(r => r.Features.Select(f => 2 * f).ToArray()), TestData.ReadVectors(view, "Twice"));
        Assert.Equal(rows.Select(r => r.Features.Sum() > 0 ? 2u : 1u), TestData.ReadColumn<uint>(view, "Bucket"));
    }

    [Fact]
    public void Cursor_PassesInputColumnsThroughInStepWithScores()
    {
        List<FeatureRow> rows = TestData.Features(8, 2);
        (BatchScoredDataView view, _, _) = Make(_context.Data.LoadFromEnumerable(rows));
        List<FeatureRow> back = [.. _context.Data.CreateEnumerable<FeatureRow>(view, reuseRowObject: false)];
        Assert.Equal(rows.Select(r => r.Label), back.Select(r => r.Label));
        Assert.Equal(rows.Select(r => r.Category), back.Select(r => r.Category));
    }

    [Fact]
    public void Cursor_WithoutOutputColumns_DoesNotScore()
    {
        (BatchScoredDataView view, List<int> batchSizes, int[] scorers) = Make(_context.Data.LoadFromEnumerable(TestData.Features(5, 1)));
        Assert.Equal(5, TestData.ReadColumn<float>(view, "Label").Count);
        Assert.Equal(0, scorers[0]);
        Assert.Empty(batchSizes);
    }

    [Fact]
    public void Constructor_ThrowsForUnsupportedOutputType()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TestData.Features(1, 1));
        var ex = Assert.Throws<ArgumentException>(() => new BatchScoredDataView(data, ["Features"], [new DataViewSchema.DetachedColumn("S", TextDataViewType.Instance)], 4, () => new SumScorer([])));
        Assert.Contains("'S'", ex.Message);
    }
}
