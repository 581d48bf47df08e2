using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// Predicts one row at a time through a fitted transformer. The row mapping is built once; a prediction only
/// points the input row at the example and runs the getters, so <see cref="Predict(TSrc, ref TDst)"/> with a reused
/// output object allocates nothing once warm. Not thread-safe: use one engine per thread.
/// </summary>
/// <typeparam name="TSrc">The input class.</typeparam>
/// <typeparam name="TDst">The output class.</typeparam>
public sealed class PredictionEngine<TSrc, TDst> : IDisposable
    where TSrc : class
    where TDst : class, new()
{
    private readonly RowObjectHolder<TSrc> _holder = new();
    private readonly DataViewRow _outputRow;
    private readonly Action<TDst>[] _writers;
    private bool _disposed;

    /// <summary>Builds the row mapping of <paramref name="transformer"/> for inputs shaped like <typeparamref name="TSrc"/>.</summary>
    /// <param name="transformer">A row-to-row transformer.</param>
    /// <param name="ignoreMissingColumns">Whether members of <typeparamref name="TDst"/> without an output column are left alone instead of failing.</param>
    /// <param name="inputSchemaDefinition">How <typeparamref name="TSrc"/> maps to columns; inferred when null.</param>
    /// <param name="outputSchemaDefinition">How columns map to <typeparamref name="TDst"/>; inferred when null.</param>
    public PredictionEngine(ITransformer transformer, bool ignoreMissingColumns = true, SchemaDefinition? inputSchemaDefinition = null, SchemaDefinition? outputSchemaDefinition = null)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        if (!transformer.IsRowToRowMapper)
        {
            throw new ArgumentException("A prediction engine needs a transformer that maps each row on its own.", nameof(transformer));
        }

        var source = new TypedSourceRow<TSrc>(new TypedRowMapping<TSrc>(inputSchemaDefinition, SchemaDefinition.Direction.Read), _holder);
        IRowToRowMapper mapper = transformer.GetRowToRowMapper(source.Schema);
        OutputSchema = mapper.OutputSchema;
        var outputMapping = new TypedRowMapping<TDst>(outputSchemaDefinition, SchemaDefinition.Direction.Write);
        var columns = new List<(int Member, DataViewSchema.Column Column)>();
        for (int i = 0; i < outputMapping.Members.Count; i++)
        {
            string name = outputMapping.Members[i].ColumnName;
            if (OutputSchema.GetColumnOrNull(name) is { } column)
            {
                columns.Add((i, column));
            }
            else if (!ignoreMissingColumns)
            {
                throw new ArgumentOutOfRangeException(nameof(ignoreMissingColumns), $"Could not find output column '{name}' for member '{typeof(TDst).Name}.{outputMapping.Members[i].Member.Name}'.");
            }
        }

        _outputRow = mapper.GetRow(source, columns.Select(c => c.Column));
        _writers = [.. columns.Select(c => outputMapping.MakeWriter(c.Member, _outputRow, c.Column))];
    }

    /// <summary>The schema of the transformer's output for <typeparamref name="TSrc"/> inputs.</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>The prediction for <paramref name="example"/>, in a new <typeparamref name="TDst"/>.</summary>
    /// <param name="example">The input.</param>
    public TDst Predict(TSrc example)
    {
        TDst prediction = new();
        Predict(example, ref prediction);
        return prediction;
    }

    /// <summary>Writes the prediction for <paramref name="example"/> into <paramref name="prediction"/> (created when null), reusing its arrays.</summary>
    /// <param name="example">The input.</param>
    /// <param name="prediction">The output object, filled in place.</param>
    public void Predict(TSrc example, ref TDst prediction)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(example);
        prediction ??= new TDst();
        _holder.Current = example;
        _holder.Position++;
        try
        {
            foreach (Action<TDst> write in _writers)
            {
                write(prediction);
            }
        }
        finally
        {
            _holder.Current = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _outputRow.Dispose();
        }
    }
}
