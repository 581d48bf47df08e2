using System.Globalization;
using System.Text.Json.Nodes;

namespace Hypernetworks.Cli.Reports;

/// <summary>Flattens a trial's parameter JSON into named leaf values (<c>HiddenSizes</c> → <c>[64,32]</c>), dropping the pipeline's <c>e0.</c> step prefix.</summary>
internal static class ParameterValues
{
    /// <summary>The leaves of <paramref name="json"/> as name → JSON text.</summary>
    /// <param name="json">A parameter written by <c>Parameter.ToJson</c>.</param>
    public static IReadOnlyDictionary<string, string> Flatten(string json)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(JsonNode.Parse(json), string.Empty, values);
        return values;
    }

    /// <summary>The value as a number, if it is one.</summary>
    /// <param name="text">A leaf's JSON text.</param>
    public static double? AsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    private static void Walk(JsonNode? node, string path, SortedDictionary<string, string> values)
    {
        if (node is JsonObject obj)
        {
            foreach ((string key, JsonNode? child) in obj)
            {
                bool step = path.Length == 0 && key.Length > 1 && key[0] == 'e' && key[1..].All(char.IsAsciiDigit);
                Walk(child, step ? string.Empty : path.Length == 0 ? key : $"{path}.{key}", values);
            }
        }
        else if (path.Length > 0)
        {
            values[path] = node is JsonValue v && v.TryGetValue(out string? s) ? s : node?.ToJsonString() ?? "null";
        }
    }
}
