using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.Cli.Reports;

/// <summary>What <c>hypernet sweep</c> reports.</summary>
internal sealed record SweepReportData
{
    /// <summary>Gets the data file.</summary>
    public required string DataFile { get; init; }

    /// <summary>Gets the task.</summary>
    public required string Task { get; init; }

    /// <summary>Gets the validation metric swept.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets whether smaller or larger metrics are better.</summary>
    public required MetricDirection Direction { get; init; }

    /// <summary>Gets every finished trial in the store, in the order they ended.</summary>
    public required IReadOnlyList<SweepTrial> Trials { get; init; }

    /// <summary>Gets the best trial's id.</summary>
    public required int BestTrial { get; init; }

    /// <summary>Gets the best trial's parameter JSON.</summary>
    public required string BestParameter { get; init; }

    /// <summary>Gets the test comparison of the best model with the stock trainer.</summary>
    public required ModelComparison Comparison { get; init; }

    /// <summary>Gets the best model's size.</summary>
    public required ModelSize Size { get; init; }

    /// <summary>Gets the column roles.</summary>
    public required IReadOnlyList<(string Role, string Columns)> Columns { get; init; }

    /// <summary>Gets the sweep settings shown (store, budgets, tuner).</summary>
    public required IReadOnlyList<(string Name, string Value)> Settings { get; init; }

    /// <summary>Gets the model file written.</summary>
    public required string ModelFile { get; init; }
}
