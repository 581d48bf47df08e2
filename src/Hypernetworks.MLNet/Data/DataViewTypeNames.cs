using System.Globalization;

namespace Hypernetworks.MLNet.Data;

/// <summary>
/// Column types as text for model files: <c>Single</c>, <c>String</c>, <c>Boolean</c>, <c>Key&lt;UInt32,5&gt;</c>,
/// <c>Vector&lt;Single,16&gt;</c>, <c>Vector&lt;Single&gt;</c> (any length), <c>Vector&lt;Key&lt;UInt32,5&gt;,3&gt;</c>.
/// </summary>
internal static class DataViewTypeNames
{
    /// <summary>The text of <paramref name="type"/>.</summary>
    public static string Format(DataViewType type) => type switch
    {
        VectorDataViewType { IsKnownSize: true } vector => $"Vector<{Format(vector.ItemType)},{vector.Size.ToString(CultureInfo.InvariantCulture)}>",
        VectorDataViewType vector => $"Vector<{Format(vector.ItemType)}>",
        KeyDataViewType key => $"Key<{key.RawType.Name},{key.Count.ToString(CultureInfo.InvariantCulture)}>",
        TextDataViewType => "String",
        BooleanDataViewType => "Boolean",
        NumberDataViewType number => number.ToString(),
        _ => throw new ArgumentException($"Column type {type} cannot be saved.", nameof(type)),
    };

    /// <summary>The type <paramref name="text"/> names, or null when it names none.</summary>
    public static DataViewType? Parse(string text)
    {
        if (text.StartsWith("Vector<", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            string inner = text[7..^1];
            int comma = inner.LastIndexOf(',');
            bool sized = comma > 0 && !inner[(comma + 1)..].Contains('>');
            string item = sized ? inner[..comma] : inner;
            if (Parse(item) is not PrimitiveDataViewType primitive)
            {
                return null;
            }

            if (!sized)
            {
                return new VectorDataViewType(primitive);
            }

            return int.TryParse(inner.AsSpan(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0
                ? new VectorDataViewType(primitive, size)
                : null;
        }

        if (text.StartsWith("Key<", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            string[] parts = text[4..^1].Split(',');
            Type? raw = parts.Length != 2 ? null : parts[0] switch
            {
                "Byte" => typeof(byte),
                "UInt16" => typeof(ushort),
                "UInt32" => typeof(uint),
                "UInt64" => typeof(ulong),
                _ => null,
            };
            if (raw is null || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong count) || count == 0)
            {
                return null;
            }

            try
            {
                return new KeyDataViewType(raw, count);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return text switch
        {
            "String" => TextDataViewType.Instance,
            "Boolean" => BooleanDataViewType.Instance,
            _ => NumberDataViewType.All.FirstOrDefault(n => n.ToString() == text),
        };
    }
}
