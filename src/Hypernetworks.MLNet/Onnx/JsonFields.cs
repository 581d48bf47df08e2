using System.Text.Json;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>Strict reads of the JSON that graph metadata holds: every field present and of its type, or a <see cref="HypernetworkModelFormatException"/>.</summary>
internal static class JsonFields
{
    public const int MaxArrayLength = 1 << 16;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    public static JsonDocument Parse(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new HypernetworkModelFormatException($"The graph's {what} is not valid JSON: {e.Message}", e);
        }
    }

    public static JsonElement Get(JsonElement obj, string name, JsonValueKind kind, string what)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out JsonElement value))
        {
            throw new HypernetworkModelFormatException($"The graph's {what} has no field '{name}'.");
        }

        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            throw new HypernetworkModelFormatException($"The graph's {what} field '{name}' is {value.ValueKind}; expected {(kind == JsonValueKind.True ? "a boolean" : kind.ToString())}.");
        }

        return value;
    }

    public static int Int(JsonElement obj, string name, string what)
        => Get(obj, name, JsonValueKind.Number, what).TryGetInt32(out int v) ? v : throw new HypernetworkModelFormatException($"The graph's {what} field '{name}' is not a 32-bit integer.");

    public static long Long(JsonElement obj, string name, string what)
        => Get(obj, name, JsonValueKind.Number, what).TryGetInt64(out long v) ? v : throw new HypernetworkModelFormatException($"The graph's {what} field '{name}' is not a 64-bit integer.");

    public static float Float(JsonElement obj, string name, string what)
        => Get(obj, name, JsonValueKind.Number, what).TryGetSingle(out float v) && float.IsFinite(v) ? v : throw new HypernetworkModelFormatException($"The graph's {what} field '{name}' is not a finite number.");

    public static bool Bool(JsonElement obj, string name, string what) => Get(obj, name, JsonValueKind.True, what).GetBoolean();

    public static string String(JsonElement obj, string name, string what) => Get(obj, name, JsonValueKind.String, what).GetString()!;

    public static string? NullableString(JsonElement obj, string name, string what)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return String(obj, name, what);
    }

    public static T Enum<T>(JsonElement obj, string name, string what)
        where T : struct, System.Enum
    {
        string text = String(obj, name, what);
        return System.Enum.TryParse(text, ignoreCase: false, out T value) && System.Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]) && text[0] != '-'
            ? value
            : throw new HypernetworkModelFormatException($"The graph's {what} field '{name}' is '{text}', not a known {typeof(T).Name}.");
    }

    public static JsonElement Array(JsonElement obj, string name, string what, int maxLength = MaxArrayLength)
    {
        JsonElement array = Get(obj, name, JsonValueKind.Array, what);
        return array.GetArrayLength() <= maxLength
            ? array
            : throw new HypernetworkModelFormatException($"The graph's {what} field '{name}' has more than {maxLength} entries.");
    }

    public static int Element(JsonElement element, string name, string what)
        => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int v) ? v : throw new HypernetworkModelFormatException($"The graph's {what} field '{name}' holds a value that is not a 32-bit integer.");
}
