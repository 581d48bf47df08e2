using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>Reads the label and score columns an evaluator needs, checking their types and values.</summary>
internal static class EvaluationColumns
{
    /// <summary>A Single column; a non-finite value is an error when <paramref name="finite"/>.</summary>
    public static float[] ReadSingles(IDataView data, string name, string role, bool finite)
    {
        DataViewSchema.Column column = Find(data, name, role);
        if (!column.Type.Equals(NumberDataViewType.Single))
        {
            throw SchemaErrors.Mismatch(nameof(data), role, name, "Single", SchemaErrors.Describe(column.Type));
        }

        var values = new List<float>();
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        ValueGetter<float> getter = cursor.GetGetter<float>(column);
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            if (finite && !float.IsFinite(value))
            {
                throw new InvalidOperationException($"The {role} column '{name}' has the non-finite value {value} at row {cursor.Position}.");
            }

            values.Add(value);
        }

        return NonEmpty(values, name, role);
    }

    /// <summary>A Boolean column.</summary>
    public static bool[] ReadBooleans(IDataView data, string name, string role)
    {
        DataViewSchema.Column column = Find(data, name, role);
        if (column.Type is not BooleanDataViewType)
        {
            throw SchemaErrors.Mismatch(nameof(data), role, name, "Boolean", SchemaErrors.Describe(column.Type));
        }

        var values = new List<bool>();
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        ValueGetter<bool> getter = cursor.GetGetter<bool>(column);
        bool value = false;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return NonEmpty(values, name, role);
    }

    /// <summary>A UInt32 key column as 0-based classes; a missing key is an error.</summary>
    public static int[] ReadClasses(IDataView data, string name, string role, out int classCount)
    {
        DataViewSchema.Column column = Find(data, name, role);
        if (column.Type is not KeyDataViewType { RawType: var raw } key || raw != typeof(uint) || key.Count > int.MaxValue)
        {
            throw SchemaErrors.Mismatch(nameof(data), role, name, "Key<UInt32>", SchemaErrors.Describe(column.Type));
        }

        classCount = (int)key.Count;
        var values = new List<int>();
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        ValueGetter<uint> getter = cursor.GetGetter<uint>(column);
        uint value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            if (value == 0)
            {
                throw new InvalidOperationException($"The {role} column '{name}' has a missing key at row {cursor.Position}.");
            }

            values.Add((int)value - 1);
        }

        return NonEmpty(values, name, role);
    }

    /// <summary>A known-size Single vector column of <paramref name="size"/> items, row-major.</summary>
    public static float[] ReadVectors(IDataView data, string name, string role, int size)
    {
        DataViewSchema.Column column = Find(data, name, role);
        if (column.Type is not VectorDataViewType { ItemType: var item, Size: var actual } || !item.Equals(NumberDataViewType.Single) || actual != size)
        {
            throw SchemaErrors.Mismatch(nameof(data), role, name, $"Vector<Single, {size}>", SchemaErrors.Describe(column.Type));
        }

        var values = new List<float>();
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        ValueGetter<VBuffer<float>> getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;
        var dense = new float[size];
        while (cursor.MoveNext())
        {
            getter(ref value);
            value.CopyTo(dense);
            values.AddRange(dense);
        }

        return NonEmpty(values, name, role);
    }

    private static DataViewSchema.Column Find(IDataView data, string name, string role)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SchemaErrors.Find(data.Schema, name, role, nameof(data));
    }

    private static T[] NonEmpty<T>(List<T> values, string name, string role) =>
        values.Count > 0 ? [.. values] : throw new InvalidOperationException($"Cannot evaluate: the data has no rows (read from the {role} column '{name}').");
}
