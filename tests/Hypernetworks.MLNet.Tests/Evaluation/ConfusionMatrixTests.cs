namespace Hypernetworks.MLNet.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void GetFormattedConfusionTable_ShowsCountsRecallAndPrecision()
    {
        var matrix = new ConfusionMatrix([[3.0, 1.0], [0.0, 2.0]], ["cat", "dog"]);

        string table = matrix.GetFormattedConfusionTable();

        string[] lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Confusion table", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"cat \|\|\s+3 \|\s+1 \| 0\.7500", table);
        Assert.Matches(@"dog \|\|\s+0 \|\s+2 \| 1\.0000", table);
        Assert.Matches(@"Precision \|\|\s+1\.0000 \|\s+0\.6667 \|", table);
    }

    [Fact]
    public void Constructor_ThrowsForNonSquareCounts()
    {
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix([[1.0, 2.0], [3.0]]));
    }

    [Fact]
    public void Constructor_ThrowsForNegativeCount()
    {
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix([[1.0, -2.0], [3.0, 0.0]]));
    }

    [Fact]
    public void PerClassPrecision_IsZeroForAClassNeverPredicted()
    {
        var matrix = new ConfusionMatrix([[2.0, 0.0], [1.0, 0.0]]);

        Assert.Equal([2 / 3.0, 0], matrix.PerClassPrecision);
        Assert.Equal([1.0, 0], matrix.PerClassRecall);
    }
}
