using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>The checks every row implementation makes on a getter request, with the same messages everywhere.</summary>
internal static class RowChecks
{
    /// <summary>Throws unless <paramref name="column"/> belongs to <paramref name="schema"/>.</summary>
    public static void CheckColumn(DataViewSchema schema, DataViewSchema.Column column)
    {
        if ((uint)column.Index >= (uint)schema.Count || schema[column.Index].Name != column.Name)
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' (index {column.Index}) is not a column of this row's schema.");
        }
    }

    /// <summary>Casts a getter made for <paramref name="column"/> to the type the caller asked for, or says what went wrong.</summary>
    public static ValueGetter<TValue> Cast<TValue>(Delegate? getter, DataViewSchema.Column column)
    {
        if (getter is null)
        {
            throw new InvalidOperationException($"Column '{column.Name}' is not active: ask for it in the cursor's columns needed.");
        }

        return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Invalid TValue in GetGetter for column '{column.Name}': {typeof(TValue).Name}, expected {column.Type.RawType.Name} (column type {column.Type}).");
    }

    /// <summary>The indices of <paramref name="columns"/>, as a lookup of active flags over <paramref name="schema"/>.</summary>
    public static bool[] ActiveFlags(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        bool[] active = new bool[schema.Count];
        foreach (DataViewSchema.Column column in columns)
        {
            CheckColumn(schema, column);
            active[column.Index] = true;
        }

        return active;
    }
}
