namespace Hypernetworks.MLNet.Transforms;

/// <summary>The saved options of a transformer over (output, input) column pairs.</summary>
/// <param name="OutputColumnNames">The output column of each pair.</param>
/// <param name="InputColumnNames">The input column of each pair.</param>
internal sealed record ColumnPairsOptions(string[] OutputColumnNames, string[] InputColumnNames)
{
    public static ColumnPairsOptions From(IEnumerable<InputOutputColumnPair> pairs)
    {
        InputOutputColumnPair[] list = [.. pairs];
        return new ColumnPairsOptions([.. list.Select(p => p.OutputColumnName)], [.. list.Select(p => p.InputColumnName)]);
    }

    /// <summary>The pairs; throws (as a bad saved state) when the arrays differ in length or hold empty names.</summary>
    public InputOutputColumnPair[] ToPairs()
    {
        if (OutputColumnNames.Length != InputColumnNames.Length)
        {
            throw new FormatException($"The saved column pairs have {OutputColumnNames.Length} outputs but {InputColumnNames.Length} inputs.");
        }

        return [.. OutputColumnNames.Select((output, i) => new InputOutputColumnPair(output, InputColumnNames[i]))];
    }
}
