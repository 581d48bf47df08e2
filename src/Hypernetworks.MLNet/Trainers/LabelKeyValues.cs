using System.Globalization;
using Hypernetworks.MLNet.Data;
using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The key values of a multiclass label (e.g. the class names <c>MapValueToKey</c> found), carried over to the
/// predicted label so that <c>MapKeyToValue</c> turns predictions back into class names, and saved with the model
/// as invariant text.
/// </summary>
internal sealed class LabelKeyValues
{
    private readonly KeyValueMap _map;

    private LabelKeyValues(PrimitiveDataViewType itemType, IReadOnlyList<string> values)
    {
        ItemType = itemType;
        Values = values;
        _map = KeyValueMap.FromStrings(itemType, values);
    }

    /// <summary>The type of the values.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The values as invariant text, key 1 first.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The name <see cref="ItemType"/> is saved under.</summary>
    public string ItemTypeName => ItemType.ToString()!;

    /// <summary>The key values annotation of the predicted label.</summary>
    public DataViewSchema.Annotations MakeAnnotations() => _map.MakeAnnotations();

    /// <summary>The key values of <paramref name="label"/>, or null when it has none (or of a type that cannot be saved).</summary>
    public static LabelKeyValues? From(DataViewSchema.Column label)
    {
        if (label.Annotations.GetTypeOrNull(AnnotationUtils.Kinds.KeyValues) is not VectorDataViewType { ItemType: var item }
            || item is KeyDataViewType || ParseType(item.ToString()!) is null)
        {
            return null;
        }

        IReadOnlyList<string> values = RowGetters.InvokeGeneric<IReadOnlyList<string>>(typeof(LabelKeyValues), nameof(ReadStrings), [item.RawType], label);
        return new LabelKeyValues(item, values);
    }

    /// <summary>Rebuilds saved key values; throws <see cref="FormatException"/> for an unknown type or a value that does not parse.</summary>
    public static LabelKeyValues Load(string itemTypeName, IReadOnlyList<string> values) =>
        new(ParseType(itemTypeName) ?? throw new FormatException($"The label key values have an unknown type '{itemTypeName}'."), values);

    private static PrimitiveDataViewType? ParseType(string name) => name switch
    {
        "String" => TextDataViewType.Instance,
        "Boolean" => BooleanDataViewType.Instance,
        _ => NumberDataViewType.All.FirstOrDefault(n => n.ToString() == name),
    };

    private static IReadOnlyList<string> ReadStrings<T>(DataViewSchema.Column label)
    {
        VBuffer<T> values = default;
        label.GetKeyValues(ref values);
        return [.. values.DenseValues().Select(v => v switch
        {
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            ReadOnlyMemory<char> text => text.ToString(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => v?.ToString() ?? string.Empty,
        })];
    }
}
