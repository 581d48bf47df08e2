using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Estimator of a <see cref="ColumnConcatenatingTransformer"/> (nothing to learn).</summary>
public sealed class ColumnConcatenatingEstimator : TrivialEstimator<ColumnConcatenatingTransformer>
{
    /// <summary>Concatenates <paramref name="inputColumnNames"/> into <paramref name="outputColumnName"/>.</summary>
    /// <param name="outputColumnName">The output column name.</param>
    /// <param name="inputColumnNames">The input column names, at least one.</param>
    public ColumnConcatenatingEstimator(string outputColumnName, params string[] inputColumnNames)
        : base(new ColumnConcatenatingTransformer(outputColumnName, inputColumnNames))
    {
    }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SchemaShape.Column[] inputs = [.. Transformer.InputColumnNames.Select(name => SchemaErrors.Find(inputSchema, name, "input"))];
        bool variable = false;
        foreach (SchemaShape.Column input in inputs)
        {
            if (!input.ItemType.Equals(inputs[0].ItemType) || input.IsKey != inputs[0].IsKey)
            {
                throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name, $"{inputs[0].GetTypeString()} items (as '{inputs[0].Name}')", input.GetTypeString());
            }

            variable |= input.Kind == SchemaShape.Column.VectorKind.VariableVector;
        }

        var columns = inputSchema.ToDictionary(c => c.Name);
        SchemaShape.Column.VectorKind kind = variable ? SchemaShape.Column.VectorKind.VariableVector : SchemaShape.Column.VectorKind.Vector;
        columns[Transformer.OutputColumnName] = new SchemaShape.Column(Transformer.OutputColumnName, kind, inputs[0].ItemType, inputs[0].IsKey);
        return new SchemaShape(columns.Values);
    }
}
