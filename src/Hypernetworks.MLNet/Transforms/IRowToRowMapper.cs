namespace Hypernetworks.MLNet;

/// <summary>Maps one input row to one output row; what transformers use for cursors and single-row prediction.</summary>
public interface IRowToRowMapper
{
    /// <summary>The schema of the input rows.</summary>
    DataViewSchema InputSchema { get; }

    /// <summary>The schema of the output rows.</summary>
    DataViewSchema OutputSchema { get; }

    /// <summary>The input columns needed to compute the output columns <paramref name="dependingColumns"/>.</summary>
    /// <param name="dependingColumns">Columns of <see cref="OutputSchema"/>.</param>
    IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns);

    /// <summary>
    /// The output row over <paramref name="input"/>: its getters read the input's current values each time they are
    /// called, so one output row serves every position of an input cursor.
    /// </summary>
    /// <param name="input">A row of <see cref="InputSchema"/> with the dependencies of <paramref name="activeColumns"/> active.</param>
    /// <param name="activeColumns">The output columns that will be read.</param>
    DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns);
}
