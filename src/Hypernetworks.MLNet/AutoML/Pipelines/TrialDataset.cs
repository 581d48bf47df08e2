using Hypernetworks.MLNet.Data;

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

    /// <summary>Splits rows into folds by position (row i goes to fold i mod k), so every fold is the same size to within a row.</summary>
    public static TrialDataset CrossValidation(IDataView data, int folds)
    {
        var splits = new (IDataView, IDataView)[folds];
        for (int fold = 0; fold < folds; fold++)
        {
            int held = fold;
            splits[fold] = (
                new RowFilterDataView(data, [], row => () => row.Position % folds != held),
                new RowFilterDataView(data, [], row => () => row.Position % folds == held));
        }

        return new(splits, data);
    }
}
