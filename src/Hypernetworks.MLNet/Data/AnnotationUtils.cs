namespace Hypernetworks.MLNet.Data;

/// <summary>Annotation kinds and helpers to read the common annotations of a column.</summary>
public static class AnnotationUtils
{
    /// <summary>Whether <paramref name="column"/> has a key values annotation.</summary>
    /// <param name="column">The column.</param>
    public static bool HasKeyValues(this DataViewSchema.Column column) =>
        column.Annotations.GetTypeOrNull(Kinds.KeyValues) is VectorDataViewType;

    /// <summary>Whether <paramref name="column"/> has a slot names annotation.</summary>
    /// <param name="column">The column.</param>
    public static bool HasSlotNames(this DataViewSchema.Column column) =>
        column.Annotations.GetTypeOrNull(Kinds.SlotNames) is VectorDataViewType;

    /// <summary>Reads the key values of <paramref name="column"/>: the value of key k is item k - 1.</summary>
    /// <typeparam name="TValue">The raw type of the values.</typeparam>
    /// <param name="column">A key column with a key values annotation.</param>
    /// <param name="keyValues">Receives the values.</param>
    public static void GetKeyValues<TValue>(this DataViewSchema.Column column, ref VBuffer<TValue> keyValues) =>
        column.Annotations.GetValue(Kinds.KeyValues, ref keyValues);

    /// <summary>Reads the slot names of <paramref name="column"/>.</summary>
    /// <param name="column">A vector column with a slot names annotation.</param>
    /// <param name="slotNames">Receives the names.</param>
    public static void GetSlotNames(this DataViewSchema.Column column, ref VBuffer<ReadOnlyMemory<char>> slotNames) =>
        column.Annotations.GetValue(Kinds.SlotNames, ref slotNames);

    /// <summary>The names of the annotation kinds this library writes.</summary>
    public static class Kinds
    {
        /// <summary>On a key column: a vector with the value of each key.</summary>
        public const string KeyValues = "KeyValues";

        /// <summary>On a vector column: a text vector with the name of each item.</summary>
        public const string SlotNames = "SlotNames";
    }
}
