using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Keeps some columns (in the order given) or drops some columns; hidden columns are dropped either way.</summary>
public sealed class ColumnSelectingTransformer : RowToRowTransformerBase
{
    /// <summary>Keeps <paramref name="keepColumns"/> or drops <paramref name="dropColumns"/>; exactly one must be given.</summary>
    /// <param name="keepColumns">The columns kept, or null.</param>
    /// <param name="dropColumns">The columns dropped, or null.</param>
    public ColumnSelectingTransformer(string[]? keepColumns, string[]? dropColumns)
    {
        if ((keepColumns is null) == (dropColumns is null))
        {
            throw new ArgumentException("Give either the columns to keep or the columns to drop.", nameof(keepColumns));
        }

        string[] names = keepColumns ?? dropColumns!;
        if (names.Length == 0 || names.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("At least one column name is needed, and no name may be empty.", keepColumns is null ? nameof(dropColumns) : nameof(keepColumns));
        }

        KeepColumns = keepColumns ?? [];
        DropColumns = dropColumns ?? [];
    }

    /// <summary>The columns kept (empty when dropping).</summary>
    public IReadOnlyList<string> KeepColumns { get; }

    /// <summary>The columns dropped (empty when keeping).</summary>
    public IReadOnlyList<string> DropColumns { get; }

    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "ColumnSelectingTransformer";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() =>
        [new ModelComponent(ModelTypeName, context => context.SetOptions(new SelectionOptions([.. KeepColumns], [.. DropColumns])))];

    /// <summary>Rebuilds the transformer from its saved state.</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        SelectionOptions options = context.GetOptions<SelectionOptions>();
        return new ColumnSelectingTransformer(options.KeepColumns.Length > 0 ? options.KeepColumns : null, options.DropColumns.Length > 0 ? options.DropColumns : null);
    }

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        List<int> kept;
        if (KeepColumns.Count > 0)
        {
            kept = [.. KeepColumns.Select(name => SchemaErrors.Find(inputSchema, name, "input").Index)];
        }
        else
        {
            var dropped = DropColumns.Select(name => SchemaErrors.Find(inputSchema, name, "input").Name).ToHashSet();
            kept = [.. inputSchema.Where(c => !c.IsHidden && !dropped.Contains(c.Name)).Select(c => c.Index)];
        }

        return new ColumnSelectingRowMapper(inputSchema, kept);
    }

    private sealed record SelectionOptions(string[] KeepColumns, string[] DropColumns);
}
