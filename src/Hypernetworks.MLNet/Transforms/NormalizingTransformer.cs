using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Applies fitted affine normalizers: <c>output = (input - offset) * scale</c> per slot.</summary>
public sealed class NormalizingTransformer : RowToRowTransformerBase
{
    private readonly InputOutputColumnPair[] _columns;
    private readonly AffineNormalizerModelParameters[] _parameters;

    /// <summary>A transformer applying <paramref name="parameters"/>[i] to <paramref name="columns"/>[i].</summary>
    /// <param name="columns">The (output, input) pairs.</param>
    /// <param name="parameters">The fitted parameters of each pair.</param>
    public NormalizingTransformer(InputOutputColumnPair[] columns, AffineNormalizerModelParameters[] parameters)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(parameters);
        if (columns.Length == 0 || columns.Length != parameters.Length)
        {
            throw new ArgumentException($"Give one set of parameters per column; got {columns.Length} columns and {parameters.Length} parameter sets.", nameof(parameters));
        }

        _columns = [.. columns];
        _parameters = [.. parameters];
    }

    /// <summary>The (output, input) pairs.</summary>
    public IReadOnlyList<InputOutputColumnPair> Columns => _columns;

    /// <summary>The fitted parameters of column pair <paramref name="index"/>.</summary>
    /// <param name="index">The pair index.</param>
    public AffineNormalizerModelParameters GetNormalizerModelParameters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _parameters.Length);
        return _parameters[index];
    }

    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "NormalizingTransformer";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() =>
        [new ModelComponent(ModelTypeName, context =>
        {
            context.SetOptions(ColumnPairsOptions.From(_columns));
            for (int i = 0; i < _parameters.Length; i++)
            {
                context.AddTensor($"scale.{i}", _parameters[i].Scale.AsSpan(), _parameters[i].Scale.Length);
                context.AddTensor($"offset.{i}", _parameters[i].Offset.AsSpan(), _parameters[i].Offset.Length);
            }
        })];

    /// <summary>Rebuilds the transformer from its saved state.</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        InputOutputColumnPair[] columns = context.GetOptions<ColumnPairsOptions>().ToPairs();
        var parameters = new AffineNormalizerModelParameters[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            int[] shape = context.GetTensorShape($"scale.{i}");
            if (shape.Length != 1)
            {
                throw new FormatException($"Tensor 'scale.{i}' must have rank 1; it has rank {shape.Length}.");
            }

            parameters[i] = new AffineNormalizerModelParameters(context.GetTensor($"scale.{i}", shape), context.GetTensor($"offset.{i}", shape));
        }

        return new NormalizingTransformer(columns, parameters);
    }

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = new List<AddedColumn>();
        for (int i = 0; i < _columns.Length; i++)
        {
            DataViewSchema.Column input = NormalizingEstimator.CheckInput(inputSchema, _columns[i].InputColumnName);
            int size = input.Type is VectorDataViewType vector ? vector.Size : 1;
            if (size != _parameters[i].Scale.Length)
            {
                throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name,
                    _parameters[i].Scale.Length == 1 ? "Single" : $"Vector<Single, {_parameters[i].Scale.Length}>", SchemaErrors.Describe(input.Type));
            }

            float[] scale = [.. _parameters[i].Scale];
            float[] offset = [.. _parameters[i].Offset];
            var output = new DataViewSchema.DetachedColumn(_columns[i].OutputColumnName, input.Type, input.Annotations);
            added.Add(new AddedColumn(output, [input.Index], row => input.Type is VectorDataViewType
                ? MakeVectorGetter(row, input, scale, offset)
                : MakeScalarGetter(row, input, scale[0], offset[0])));
        }

        return AddColumns(inputSchema, added);
    }

    private static ValueGetter<float> MakeScalarGetter(DataViewRow row, DataViewSchema.Column input, float scale, float offset)
    {
        ValueGetter<float> getter = row.GetGetter<float>(input);
        return (ref float value) =>
        {
            getter(ref value);
            value = (value - offset) * scale;
        };
    }

    private static ValueGetter<VBuffer<float>> MakeVectorGetter(DataViewRow row, DataViewSchema.Column input, float[] scale, float[] offset)
    {
        ValueGetter<VBuffer<float>> getter = row.GetGetter<VBuffer<float>>(input);
        bool zeroFixed = offset.All(o => o == 0);
        VBuffer<float> source = default;
        return (ref VBuffer<float> value) =>
        {
            getter(ref source);
            if (source.Length != scale.Length)
            {
                throw new InvalidOperationException($"Column '{input.Name}' has type {input.Type} but row {row.Position} has {source.Length} items.");
            }

            ReadOnlySpan<float> stored = source.GetValues();
            if (source.IsDense || !zeroFixed)
            {
                VBufferEditor<float> editor = VBufferEditor.Create(ref value, scale.Length);
                source.CopyTo(editor.Values);
                for (int i = 0; i < scale.Length; i++)
                {
                    editor.Values[i] = (editor.Values[i] - offset[i]) * scale[i];
                }

                value = editor.Commit();
                return;
            }

            ReadOnlySpan<int> indices = source.GetIndices();
            VBufferEditor<float> sparse = VBufferEditor.Create(ref value, scale.Length, stored.Length);
            for (int i = 0; i < stored.Length; i++)
            {
                sparse.Indices[i] = indices[i];
                sparse.Values[i] = stored[i] * scale[indices[i]];
            }

            value = sparse.Commit();
        };
    }
}
