using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Copies columns under new names (same type, same annotations).</summary>
public sealed class ColumnCopyingTransformer : RowToRowTransformerBase
{
    /// <summary>Copies each pair's input column to its output column.</summary>
    /// <param name="columns">The (output, input) pairs.</param>
    public ColumnCopyingTransformer(params InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("At least one column pair is needed.", nameof(columns));
        }

        Columns = [.. columns];
    }

    /// <summary>The (output, input) pairs.</summary>
    public IReadOnlyList<InputOutputColumnPair> Columns { get; }

    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "ColumnCopyingTransformer";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() =>
        [new ModelComponent(ModelTypeName, context => context.SetOptions(ColumnPairsOptions.From(Columns)))];

    /// <summary>Rebuilds the transformer from its saved state.</summary>
    internal static ITransformer Load(ModelLoadContext context) => new ColumnCopyingTransformer(context.GetOptions<ColumnPairsOptions>().ToPairs());

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = new List<AddedColumn>();
        foreach (InputOutputColumnPair pair in Columns)
        {
            DataViewSchema.Column input = SchemaErrors.Find(inputSchema, pair.InputColumnName, "input");
            added.Add(new AddedColumn(
                new DataViewSchema.DetachedColumn(pair.OutputColumnName, input.Type, input.Annotations),
                [input.Index],
                row => RowGetters.GetGetter(row, input)));
        }

        return AddColumns(inputSchema, added);
    }
}
