namespace Hypernetworks.Cli.Reports;

/// <summary>What <c>hypernet train</c> reports.</summary>
internal sealed record TrainingReportData
{
    /// <summary>Gets the data file.</summary>
    public required string DataFile { get; init; }

    /// <summary>Gets the task.</summary>
    public required string Task { get; init; }

    /// <summary>Gets the column roles as (role, columns) pairs.</summary>
    public required IReadOnlyList<(string Role, string Columns)> Columns { get; init; }

    /// <summary>Gets the trainer options used.</summary>
    public required IReadOnlyList<(string Name, string Value)> Options { get; init; }

    /// <summary>Gets the losses per epoch.</summary>
    public required IReadOnlyList<EpochLosses> Epochs { get; init; }

    /// <summary>Gets the test comparison with the stock trainer.</summary>
    public required ModelComparison Comparison { get; init; }

    /// <summary>Gets the model's size.</summary>
    public required ModelSize Size { get; init; }

    /// <summary>Gets the training rows and the held-out rows.</summary>
    public required (long Train, long Test) Rows { get; init; }

    /// <summary>Gets the seconds the hypernetwork and the stock trainer took to train.</summary>
    public required (double Hypernetwork, double Stock) Seconds { get; init; }

    /// <summary>Gets the model file written.</summary>
    public required string ModelFile { get; init; }
}
