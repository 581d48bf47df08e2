using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet.Data;

/// <summary>
/// The base of transformers that map each row on its own: a subclass says how to map a row of a given input
/// schema (<see cref="GetRowToRowMapper"/>); this class gives the lazy <see cref="Transform"/> and the output schema.
/// Trainers' prediction transformers can derive from it too.
/// </summary>
public abstract class RowToRowTransformerBase : ITransformer
{
    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return GetRowToRowMapper(inputSchema).OutputSchema;
    }

    /// <inheritdoc />
    public virtual IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new RowToRowMappedDataView(input, GetRowToRowMapper(input.Schema));
    }

    /// <inheritdoc />
    public abstract IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema);

    /// <inheritdoc />
    public abstract IEnumerable<ModelComponent> GetModelComponents();

    /// <summary>A row mapper that adds <paramref name="added"/> to the columns of <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <param name="added">The columns added, in order.</param>
    protected static IRowToRowMapper AddColumns(DataViewSchema inputSchema, IReadOnlyList<AddedColumn> added) =>
        new ColumnAddingRowMapper(inputSchema, added);
}
