using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class ConcatenatedDataViewTests
{
    [Fact]
    public void Rows_AreTheFirstViewsThenTheSeconds()
    {
        var context = new MLContext(seed: 1);
        PickRow[] head = PickColumnData.Regression(5, 1);
        PickRow[] tail = PickColumnData.Regression(3, 2);

        var view = new ConcatenatedDataView(context.Data.LoadFromEnumerable(head), context.Data.LoadFromEnumerable(tail));

        float[] labels = [.. context.Data.CreateEnumerable<PickRow>(view, reuseRowObject: false).Select(r => r.Label)];
        Assert.Equal(head.Concat(tail).Select(r => r.Label), labels);
        Assert.Equal(8, view.GetRowCount());
    }

    [Fact]
    public void StockTransforms_ReadIt()
    {
        var context = new MLContext(seed: 1);
        IDataView data = context.Data.LoadFromEnumerable(PickColumnData.Regression(4, 1));
        var view = new ConcatenatedDataView(data, data);

        IDataView copied = context.Transforms.CopyColumns("Score", "B").Fit(view).Transform(view);

        Assert.Equal(
            context.Data.CreateEnumerable<PickRow>(view, reuseRowObject: false).Select(r => r.B),
            context.Data.CreateEnumerable<ScoreRow>(copied, reuseRowObject: false, ignoreMissingColumns: true).Select(r => r.Score));
    }

    [Fact]
    public void Constructor_ThrowsNamingAColumnTheSecondViewLacks()
    {
        var context = new MLContext(seed: 1);
        IDataView picks = context.Data.LoadFromEnumerable(PickColumnData.Regression(2, 1));
        IDataView scores = context.Data.LoadFromEnumerable(new[] { new ScoreRow { Score = 1 } });

        ArgumentException error = Assert.Throws<ArgumentException>(() => new ConcatenatedDataView(picks, scores));

        Assert.Contains("'A' is missing", error.Message, StringComparison.Ordinal);
    }
}
