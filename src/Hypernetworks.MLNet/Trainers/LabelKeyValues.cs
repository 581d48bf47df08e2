using System.Globalization;
using Microsoft.ML;
using Hypernetworks.MLNet.Scoring;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The key values of a multiclass label (e.g. the class names <c>MapValueToKey</c> found), carried over to the
/// predicted label and the score's slot names so that <c>MapKeyToValue</c> turns predictions back into class names,
/// and saved with the model as invariant text with the name of their type.
/// </summary>
internal sealed class LabelKeyValues
{
    /// <summary>The annotation kind of a key column's values, as ML.NET names it.</summary>
    public const string KeyValuesKind = "KeyValues";

    /// <summary>The annotation kind of a vector column's slot names, as ML.NET names it.</summary>
    public const string SlotNamesKind = "SlotNames";

    private readonly Action<DataViewSchema.Annotations.Builder> _addKeyValues;

    private LabelKeyValues(PrimitiveDataViewType itemType, IReadOnlyList<string> values, Action<DataViewSchema.Annotations.Builder> addKeyValues)
    {
        ItemType = itemType;
        Values = values;
        _addKeyValues = addKeyValues;
    }

    /// <summary>The type of the values.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The values as invariant text, key 1 first.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The name <see cref="ItemType"/> is saved under ("String", "Single", "Int32", ...).</summary>
    public string ItemTypeName => ItemType.RawType == typeof(ReadOnlyMemory<char>) ? "String" : ItemType.RawType.Name;

    /// <summary>The key values annotation of the predicted label.</summary>
    public DataViewSchema.Annotations MakeKeyValueAnnotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        _addKeyValues(builder);
        return builder.ToAnnotations();
    }

    /// <summary>The slot names annotation of the score vector: the key values as text.</summary>
    public DataViewSchema.Annotations MakeSlotNameAnnotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        ReadOnlyMemory<char>[] names = [.. Values.Select(v => v.AsMemory())];
        builder.Add(SlotNamesKind, new VectorDataViewType(TextDataViewType.Instance, names.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(names.Length, [.. names]));
        return builder.ToAnnotations();
    }

    /// <summary>
    /// The key values of <paramref name="label"/>; for a key label without them (e.g. a <c>[KeyType]</c> property), the
    /// values 0 … count − 1 as UInt32, which is what such a property holds in the user's class, so that stock
    /// <c>MapKeyToValue</c> gives back the class's own numbers and the saved model carries the same values.
    /// </summary>
    public static LabelKeyValues From(DataViewSchema.Column label)
    {
        if (label.Annotations.Schema.GetColumnOrNull(KeyValuesKind) is not { Type: VectorDataViewType { ItemType: var item } }
            || item is KeyDataViewType || ParseType(NameOf(item)) is null)
        {
            int count = (int)((KeyDataViewType)label.Type).Count;
            return Make(NumberDataViewType.UInt32, [.. Enumerable.Range(0, count).Select(i => (uint)i)]);
        }

        return RowGetters.InvokeGeneric<LabelKeyValues>(typeof(LabelKeyValues), nameof(FromColumn), [item.RawType], label, item);
    }

    /// <summary>Rebuilds saved key values; throws <see cref="FormatException"/> for an unknown type or a value that does not parse.</summary>
    public static LabelKeyValues Load(string itemTypeName, IReadOnlyList<string> values)
    {
        PrimitiveDataViewType type = ParseType(itemTypeName) ?? throw new FormatException($"The label key values have an unknown type '{itemTypeName}'.");
        return RowGetters.InvokeGeneric<LabelKeyValues>(typeof(LabelKeyValues), nameof(FromStrings), [type.RawType], type, values);
    }

    private static string NameOf(DataViewType type) => type.RawType == typeof(ReadOnlyMemory<char>) ? "String" : type.RawType.Name;

    private static PrimitiveDataViewType? ParseType(string name) => name switch
    {
        "String" => TextDataViewType.Instance,
        "Boolean" => BooleanDataViewType.Instance,
        "Single" => NumberDataViewType.Single,
        "Double" => NumberDataViewType.Double,
        "SByte" => NumberDataViewType.SByte,
        "Byte" => NumberDataViewType.Byte,
        "Int16" => NumberDataViewType.Int16,
        "UInt16" => NumberDataViewType.UInt16,
        "Int32" => NumberDataViewType.Int32,
        "UInt32" => NumberDataViewType.UInt32,
        "Int64" => NumberDataViewType.Int64,
        "UInt64" => NumberDataViewType.UInt64,
        _ => null,
    };

    private static LabelKeyValues FromColumn<T>(DataViewSchema.Column label, PrimitiveDataViewType itemType)
    {
        VBuffer<T> buffer = default;
        label.Annotations.GetValue(KeyValuesKind, ref buffer);
        T[] values = [.. buffer.DenseValues()];
        return Make(itemType, values);
    }

    private static LabelKeyValues FromStrings<T>(PrimitiveDataViewType itemType, IReadOnlyList<string> texts)
    {
        var values = new T[texts.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (T)Parse(typeof(T), texts[i]);
        }

        return Make(itemType, values);
    }

    private static LabelKeyValues Make<T>(PrimitiveDataViewType itemType, T[] values)
    {
        string[] texts = [.. values.Select(Format)];
        return new LabelKeyValues(itemType, texts, builder =>
            builder.Add(KeyValuesKind, new VectorDataViewType(itemType, values.Length), (ref VBuffer<T> value) => value = new VBuffer<T>(values.Length, [.. values])));
    }

    private static string Format<T>(T value) => value switch
    {
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        ReadOnlyMemory<char> text => text.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? string.Empty,
    };

    private static object Parse(Type type, string text)
    {
        try
        {
            return type == typeof(ReadOnlyMemory<char>) ? text.AsMemory()
                : type == typeof(bool) ? bool.Parse(text)
                : Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new FormatException($"The label key value '{text}' is not a {type.Name}.", e);
        }
    }
}
