using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Transforms;

/// <summary>The checks of ML.NET's TestEstimatorCore: schema propagation, a full read, and a save/load round trip.</summary>
internal static class EstimatorChecks
{
    public static ITransformer Check<T>(IEstimator<T> estimator, IDataView data)
        where T : ITransformer
    {
        SchemaShape predicted = estimator.GetOutputSchema(SchemaShape.Create(data.Schema));
        T transformer = estimator.Fit(data);
        DataViewSchema fitted = transformer.GetOutputSchema(data.Schema);
        SchemaShape actual = SchemaShape.Create(fitted);
        Assert.Equal(predicted.Select(c => c.Name).Order(), actual.Select(c => c.Name).Order());
        foreach (SchemaShape.Column column in predicted)
        {
            Assert.True(actual.TryFindColumn(column.Name, out SchemaShape.Column found));
            Assert.True(column.IsCompatibleWith(found), $"Column '{column.Name}': predicted {column.GetTypeString()}, got {found.GetTypeString()}.");
        }

        IDataView output = transformer.Transform(data);
        Assert.Equal(fitted.Count, output.Schema.Count);
        List<object?[]> values = ReadAll(output);

        var context = new MLContext(1);
        using var stream = new MemoryStream();
        context.Model.Save(transformer, data.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = context.Model.Load(stream, out DataViewSchema savedSchema);
        Assert.Equal(data.Schema.Select(c => (c.Name, c.Type)), savedSchema.Select(c => (c.Name, c.Type)));
        IDataView reloaded = loaded.Transform(data);
        Assert.Equal(output.Schema.Where(c => !c.IsHidden).Select(c => (c.Name, c.Type)), reloaded.Schema.Where(c => !c.IsHidden).Select(c => (c.Name, c.Type)));
        AssertBitwiseEqual(values, ReadAll(reloaded));
        return transformer;
    }

    /// <summary>Every visible column of every row, as comparable values (vectors as dense arrays).</summary>
    public static List<object?[]> ReadAll(IDataView data)
    {
        DataViewSchema.Column[] columns = [.. data.Schema.Where(c => !c.IsHidden)];
        using DataViewRowCursor cursor = data.GetRowCursor(columns);
        Func<object?>[] readers = [.. columns.Select(c => MakeReader(cursor, c))];
        var rows = new List<object?[]>();
        while (cursor.MoveNext())
        {
            rows.Add([.. readers.Select(r => r())]);
        }

        return rows;
    }

    public static void AssertBitwiseEqual(List<object?[]> expected, List<object?[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            for (int j = 0; j < expected[i].Length; j++)
            {
                Assert.Equal(Bits(expected[i][j]), Bits(actual[i][j]));
            }
        }
    }

    private static object? Bits(object? value) => value switch
    {
        float f => BitConverter.SingleToInt32Bits(f),
        double d => BitConverter.DoubleToInt64Bits(d),
        float[] fs => string.Join(",", fs.Select(f => BitConverter.SingleToInt32Bits(f))),
        Array array => string.Join(",", array.Cast<object>()),
        _ => value,
    };

    private static Func<object?> MakeReader(DataViewRow row, DataViewSchema.Column column)
    {
        Type raw = column.Type.RawType;
        if (column.Type is VectorDataViewType vector)
        {
            return (Func<object?>)typeof(EstimatorChecks).GetMethod(nameof(VectorReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(vector.ItemType.RawType).Invoke(null, [row, column])!;
        }

        return (Func<object?>)typeof(EstimatorChecks).GetMethod(nameof(ScalarReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(raw).Invoke(null, [row, column])!;
    }

    private static Func<object?> ScalarReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        ValueGetter<T> getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return value is ReadOnlyMemory<char> text ? text.ToString() : value;
        };
    }

    private static Func<object?> VectorReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        ValueGetter<VBuffer<T>> getter = row.GetGetter<VBuffer<T>>(column);
        return () =>
        {
            VBuffer<T> value = default;
            getter(ref value);
            T[] dense = [.. value.DenseValues()];
            return dense is ReadOnlyMemory<char>[] texts ? texts.Select(t => t.ToString()).ToArray() : dense;
        };
    }
}
