using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Estimator of a <see cref="KeyToValueMappingTransformer"/> (nothing to learn).</summary>
public sealed class KeyToValueMappingEstimator : TrivialEstimator<KeyToValueMappingTransformer>
{
    /// <summary>Maps each pair's input key column back to values.</summary>
    /// <param name="columns">The (output, input) pairs.</param>
    public KeyToValueMappingEstimator(params InputOutputColumnPair[] columns)
        : base(new KeyToValueMappingTransformer(columns))
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

            if (!input.Annotations.TryFindColumn(AnnotationUtils.Kinds.KeyValues, out SchemaShape.Column keyValues))
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Key column '{input.Name}' has no key values annotation to map its keys back to.");
            }

            columns[pair.OutputColumnName] = new SchemaShape.Column(pair.OutputColumnName, input.Kind, keyValues.ItemType, keyValues.IsKey);
        }

        return new SchemaShape(columns.Values);
    }
}
