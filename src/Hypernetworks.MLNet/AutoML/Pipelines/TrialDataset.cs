using Microsoft.ML;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>The rows a pipeline sweep trains and validates on: one train/validation pair, or k folds.</summary>
internal sealed class TrialDataset
{
    private TrialDataset(IReadOnlyList<(IDataView Train, IDataView Validation)> splits, IDataView fullData)
    {
        Splits = splits;
        FullData = fullData;
    }

    /// <summary>Gets the (train, validation) pairs a trial fits and scores; the trial's metric is their mean.</summary>
    public IReadOnlyList<(IDataView Train, IDataView Validation)> Splits { get; }

    /// <summary>Gets every row: what the final model is retrained on when asked.</summary>
    public IDataView FullData { get; }

    public static TrialDataset TrainValidation(IDataView train, IDataView validation) =>
        new([(train, validation)], new ConcatenatedDataView(train, validation));

    /// <summary>The folds of ML.NET's <c>CrossValidationSplit</c>.</summary>
    public static TrialDataset CrossValidation(MLContext context, IDataView data, int folds, string? samplingKeyColumnName, int? seed) =>
        new([.. context.Data.CrossValidationSplit(data, folds, samplingKeyColumnName, seed).Select(split => (split.TrainSet, split.TestSet))], data);
}
