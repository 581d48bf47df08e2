using System.Reflection;

namespace Hypernetworks.MLNet.Tests.ModelFiles;

/// <summary>Every visible column of every row of a data view, as comparable values (vectors as dense arrays, text as strings).</summary>
internal static class ColumnValues
{
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

    public static void AssertClose(List<object?[]> expected, List<object?[]> actual, double relative)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            for (int j = 0; j < expected[i].Length; j++)
            {
                switch (expected[i][j])
                {
                    case float f:
                        AssertClose(f, (float)actual[i][j]!, relative, i, j);
                        break;
                    case float[] fs:
                        var other = (float[])actual[i][j]!;
                        Assert.Equal(fs.Length, other.Length);
                        for (int k = 0; k < fs.Length; k++)
                        {
                            AssertClose(fs[k], other[k], relative, i, j);
                        }

                        break;
                    default:
                        Assert.Equal(Bits(expected[i][j]), Bits(actual[i][j]));
                        break;
                }
            }
        }
    }

    private static void AssertClose(float expected, float actual, double relative, int row, int column)
    {
        double tolerance = relative * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"Row {row} column {column}: expected {expected:R}, got {actual:R}.");
    }

    private static object? Bits(object? value) => value switch
    {
        float f => BitConverter.SingleToInt32Bits(f),
        double d => BitConverter.DoubleToInt64Bits(d),
        float[] fs => string.Join(",", fs.Select(BitConverter.SingleToInt32Bits)),
        Array array => string.Join(",", array.Cast<object>()),
        _ => value,
    };

    private static Func<object?> MakeReader(DataViewRow row, DataViewSchema.Column column)
    {
        (string name, Type type) = column.Type is VectorDataViewType vector ? (nameof(VectorReader), vector.ItemType.RawType) : (nameof(ScalarReader), column.Type.RawType);
        return (Func<object?>)typeof(ColumnValues).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [row, column])!;
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
