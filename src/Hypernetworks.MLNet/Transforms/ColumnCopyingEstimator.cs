using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Estimator of a <see cref="ColumnCopyingTransformer"/> (nothing to learn).</summary>
public sealed class ColumnCopyingEstimator : TrivialEstimator<ColumnCopyingTransformer>
{
    /// <summary>Copies each pair's input column to its output column.</summary>
    /// <param name="columns">The (output, input) pairs.</param>
    public ColumnCopyingEstimator(params InputOutputColumnPair[] columns)
        : base(new ColumnCopyingTransformer(columns))
    {
    }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = inputSchema.ToDictionary(c => c.Name);
        foreach (InputOutputColumnPair pair in Transformer.Columns)
        {
            SchemaShape.Column input = SchemaErrors.Find(inputSchema, pair.InputColumnName, "input");
            columns[pair.OutputColumnName] = new SchemaShape.Column(pair.OutputColumnName, input.Kind, input.ItemType, input.IsKey, input.Annotations);
        }

        return new SchemaShape(columns.Values);
    }
}
