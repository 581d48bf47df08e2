using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>
/// Concatenates scalar and vector columns of the same item type into one vector column (dense), in the order of
/// the input names. The output has a known size when every input does.
/// </summary>
public sealed class ColumnConcatenatingTransformer : RowToRowTransformerBase
{
    /// <summary>Concatenates <paramref name="inputColumnNames"/> into <paramref name="outputColumnName"/>.</summary>
    /// <param name="outputColumnName">The output column name.</param>
    /// <param name="inputColumnNames">The input column names, at least one.</param>
    public ColumnConcatenatingTransformer(string outputColumnName, params string[] inputColumnNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentNullException.ThrowIfNull(inputColumnNames);
        if (inputColumnNames.Length == 0 || inputColumnNames.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"Concatenating into '{outputColumnName}' needs at least one input column, and no name may be empty.", nameof(inputColumnNames));
        }

        OutputColumnName = outputColumnName;
        InputColumnNames = [.. inputColumnNames];
    }

    /// <summary>The output column name.</summary>
    public string OutputColumnName { get; }

    /// <summary>The input column names, in order.</summary>
    public IReadOnlyList<string> InputColumnNames { get; }

    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "ColumnConcatenatingTransformer";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() =>
        [new ModelComponent(ModelTypeName, context => context.SetOptions(new ConcatenationOptions(OutputColumnName, [.. InputColumnNames])))];

    /// <summary>Rebuilds the transformer from its saved state.</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        ConcatenationOptions options = context.GetOptions<ConcatenationOptions>();
        return new ColumnConcatenatingTransformer(options.OutputColumnName, options.InputColumnNames);
    }

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        DataViewSchema.Column[] inputs = [.. InputColumnNames.Select(name => SchemaErrors.Find(inputSchema, name, "input"))];
        PrimitiveDataViewType itemType = ItemTypeOf(inputs[0]);
        int size = 0;
        bool knownSize = true;
        foreach (DataViewSchema.Column input in inputs)
        {
            PrimitiveDataViewType item = ItemTypeOf(input);
            if (!item.Equals(itemType))
            {
                throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name, $"{itemType} (the item type of '{inputs[0].Name}')", SchemaErrors.Describe(input.Type));
            }

            int count = input.Type is VectorDataViewType vector ? vector.Size : 1;
            knownSize &= count > 0;
            size += count;
        }

        var output = new DataViewSchema.DetachedColumn(OutputColumnName, new VectorDataViewType(itemType, knownSize ? size : 0));
        AddedColumn added = new(output, [.. inputs.Select(c => c.Index)],
            row => RowGetters.InvokeGeneric<Delegate>(typeof(ColumnConcatenatingTransformer), nameof(MakeGetter), [itemType.RawType], row, inputs));
        return AddColumns(inputSchema, [added]);
    }

    private static PrimitiveDataViewType ItemTypeOf(DataViewSchema.Column column) =>
        column.Type as PrimitiveDataViewType ?? ((VectorDataViewType)column.Type).ItemType;

    private static ValueGetter<VBuffer<T>> MakeGetter<T>(DataViewRow row, DataViewSchema.Column[] inputs)
    {
        var scalars = new ValueGetter<T>?[inputs.Length];
        var vectors = new ValueGetter<VBuffer<T>>?[inputs.Length];
        var sizes = new int[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Type is VectorDataViewType vector)
            {
                vectors[i] = row.GetGetter<VBuffer<T>>(inputs[i]);
                sizes[i] = vector.Size;
            }
            else
            {
                scalars[i] = row.GetGetter<T>(inputs[i]);
            }
        }

        var buffers = new VBuffer<T>[inputs.Length];
        return (ref VBuffer<T> value) =>
        {
            int length = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                if (vectors[i] is { } vectorGetter)
                {
                    vectorGetter(ref buffers[i]);
                    if (sizes[i] > 0 && buffers[i].Length != sizes[i])
                    {
                        throw new InvalidOperationException($"Column '{inputs[i].Name}' has type {inputs[i].Type} but row {row.Position} has {buffers[i].Length} items.");
                    }

                    length += buffers[i].Length;
                }
                else
                {
                    length++;
                }
            }

            VBufferEditor<T> editor = VBufferEditor.Create(ref value, length);
            int offset = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                if (scalars[i] is { } scalarGetter)
                {
                    scalarGetter(ref editor.Values[offset]);
                    offset++;
                }
                else
                {
                    buffers[i].CopyTo(editor.Values, offset);
                    offset += buffers[i].Length;
                }
            }

            value = editor.Commit();
        };
    }

    private sealed record ConcatenationOptions(string OutputColumnName, string[] InputColumnNames);
}
