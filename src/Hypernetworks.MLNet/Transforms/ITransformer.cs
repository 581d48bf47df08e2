namespace Hypernetworks.MLNet;

/// <summary>
/// Maps a data view to another, lazily: nothing is computed until a cursor of the output moves. Every transformer
/// can be saved (<see cref="ICanSaveModel"/>).
/// </summary>
public interface ITransformer : ICanSaveModel
{
    /// <summary>Whether the transformer maps each row on its own (then <see cref="GetRowToRowMapper"/> works).</summary>
    bool IsRowToRowMapper { get; }

    /// <summary>The output schema for an input of schema <paramref name="inputSchema"/>; throws for an input it cannot handle.</summary>
    /// <param name="inputSchema">The input schema.</param>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>The lazily transformed view of <paramref name="input"/>.</summary>
    /// <param name="input">The input data.</param>
    IDataView Transform(IDataView input);

    /// <summary>The row mapper for inputs of schema <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The input schema.</param>
    IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema);
}
