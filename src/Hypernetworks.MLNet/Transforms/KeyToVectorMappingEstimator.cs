using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Estimator of a <see cref="KeyToVectorMappingTransformer"/> (nothing to learn).</summary>
public sealed class KeyToVectorMappingEstimator : TrivialEstimator<KeyToVectorMappingTransformer>
{
    /// <summary>Maps each pair's input key column to indicators.</summary>
    /// <param name="outputCountVector">Whether a vector of keys gives one summed vector of counts.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    public KeyToVectorMappingEstimator(bool outputCountVector, params InputOutputColumnPair[] columns)
        : base(new KeyToVectorMappingTransformer(outputCountVector, columns))
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
            if (!input.IsKey)
            {
                throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name, "a key or a vector of keys", input.GetTypeString());
            }

            SchemaShape.Column.VectorKind kind = input.Kind == SchemaShape.Column.VectorKind.VariableVector && !Transformer.OutputCountVector
                ? SchemaShape.Column.VectorKind.VariableVector
                : SchemaShape.Column.VectorKind.Vector;
            columns[pair.OutputColumnName] = new SchemaShape.Column(pair.OutputColumnName, kind, NumberDataViewType.Single, false);
        }

        return new SchemaShape(columns.Values);
    }
}
