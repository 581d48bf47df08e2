using Hypernetworks.Cli.Training;

namespace Hypernetworks.Cli.Reports;

/// <summary>The hypernetwork's and the stock trainer's test metrics on the same held-out rows.</summary>
/// <param name="StockTrainer">The stock trainer's name (FastTree, SdcaMaximumEntropy).</param>
/// <param name="TestRows">How many held-out rows both were scored on.</param>
/// <param name="Hypernetwork">The hypernetwork's metrics.</param>
/// <param name="Stock">The stock trainer's metrics, in the same order.</param>
internal sealed record ModelComparison(string StockTrainer, long TestRows, IReadOnlyList<MetricValue> Hypernetwork, IReadOnlyList<MetricValue> Stock)
{
    /// <summary>The comparison as table rows (metric, hypernetwork, stock), the better value starred.</summary>
    public IEnumerable<IReadOnlyList<string>> Rows() =>
        Hypernetwork.Zip(Stock, (h, s) =>
        {
            bool hyperBetter = h.HigherIsBetter ? h.Value > s.Value : h.Value < s.Value;
            bool stockBetter = h.HigherIsBetter ? s.Value > h.Value : s.Value < h.Value;
            return (IReadOnlyList<string>)[h.Name, (hyperBetter ? "*" : string.Empty) + ReportFormat.Number(h.Value), (stockBetter ? "*" : string.Empty) + ReportFormat.Number(s.Value)];
        });
}
