using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Estimator of a <see cref="ColumnSelectingTransformer"/> (nothing to learn).</summary>
public sealed class ColumnSelectingEstimator : TrivialEstimator<ColumnSelectingTransformer>
{
    /// <summary>Keeps <paramref name="keepColumns"/> or drops <paramref name="dropColumns"/>; exactly one must be given.</summary>
    /// <param name="keepColumns">The columns kept, or null.</param>
    /// <param name="dropColumns">The columns dropped, or null.</param>
    public ColumnSelectingEstimator(string[]? keepColumns, string[]? dropColumns)
        : base(new ColumnSelectingTransformer(keepColumns, dropColumns))
    {
    }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        if (Transformer.KeepColumns.Count > 0)
        {
            return new SchemaShape(Transformer.KeepColumns.Select(name => SchemaErrors.Find(inputSchema, name, "input")));
        }

        var dropped = Transformer.DropColumns.Select(name => SchemaErrors.Find(inputSchema, name, "input").Name).ToHashSet();
        return new SchemaShape(inputSchema.Where(c => !dropped.Contains(c.Name)));
    }
}
