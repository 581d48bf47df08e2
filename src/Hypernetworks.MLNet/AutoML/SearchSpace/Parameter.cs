using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// One value of a search space: a number, a string, a boolean, an array, or a nested bag of named
/// parameters. A trial's parameter maps onto an options object with <see cref="AsType{T}"/> or
/// <see cref="ApplyTo{T}(T)"/>, and round-trips through JSON for the trial stores.
/// </summary>
public sealed class Parameter
{
    private readonly JsonNode node;

    private Parameter(JsonNode node) => this.node = node;

    /// <summary>Gets whether this parameter is a bag of named parameters.</summary>
    public bool IsNested => node is JsonObject;

    /// <summary>Gets the names of the nested parameters (empty unless <see cref="IsNested"/>).</summary>
    public IReadOnlyList<string> Keys => node is JsonObject obj ? obj.Select(pair => pair.Key).ToArray() : [];

    /// <summary>Gets or sets a nested parameter by name.</summary>
    /// <param name="key">The name of the nested parameter.</param>
    public Parameter this[string key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            JsonObject obj = AsObject();
            return obj.TryGetPropertyValue(key, out JsonNode? value) && value is not null
                ? new Parameter(value.DeepClone())
                : throw new KeyNotFoundException($"The parameter has no nested parameter named '{key}'.");
        }

        set
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            AsObject()[key] = value.node.DeepClone();
        }
    }

    /// <summary>Creates an empty bag of named parameters.</summary>
    public static Parameter CreateNestedParameter() => new(new JsonObject());

    /// <summary>Creates an integer parameter.</summary>
    /// <param name="value">The value.</param>
    public static Parameter FromInt(int value) => new(JsonValue.Create(value));

    /// <summary>Creates a double-precision parameter.</summary>
    /// <param name="value">The value.</param>
    public static Parameter FromDouble(double value) => new(JsonValue.Create(value));

    /// <summary>Creates a single-precision parameter.</summary>
    /// <param name="value">The value.</param>
    public static Parameter FromFloat(float value) => new(JsonValue.Create(value));

    /// <summary>Creates a boolean parameter.</summary>
    /// <param name="value">The value.</param>
    public static Parameter FromBool(bool value) => new(JsonValue.Create(value));

    /// <summary>Creates a string parameter.</summary>
    /// <param name="value">The value.</param>
    public static Parameter FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(JsonValue.Create(value));
    }

    /// <summary>Creates a parameter from any JSON-serialisable value (enums are stored by name).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public static Parameter FromObject<T>(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonNode? node = JsonSerializer.SerializeToNode(value, ParameterJson.Options);
        return node is null
            ? throw new ArgumentException($"A value of type {typeof(T).Name} serialised to JSON null.", nameof(value))
            : new Parameter(node);
    }

    /// <summary>Reads a parameter written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    public static Parameter FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node = JsonNode.Parse(json);
        return node is null
            ? throw new ArgumentException("The JSON text holds null, not a parameter.", nameof(json))
            : new Parameter(node);
    }

    /// <summary>Gets whether a nested parameter with this name exists.</summary>
    /// <param name="key">The name.</param>
    public bool ContainsKey(string key) => node is JsonObject obj && obj.ContainsKey(key);

    /// <summary>Converts the parameter to a value or options object (enums are read by name).</summary>
    /// <typeparam name="T">The target type.</typeparam>
    public T AsType<T>() =>
        node.Deserialize<T>(ParameterJson.Options)
        ?? throw new InvalidOperationException($"The parameter {ToJson()} converted to null {typeof(T).Name}.");

    /// <summary>
    /// Returns a copy of <paramref name="baseOptions"/> with the nested parameters written over the
    /// properties of the same name; properties the parameter does not name keep their base value.
    /// </summary>
    /// <typeparam name="T">The options type.</typeparam>
    /// <param name="baseOptions">The options to start from.</param>
    public T ApplyTo<T>(T baseOptions)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        JsonNode? baseNode = JsonSerializer.SerializeToNode(baseOptions, ParameterJson.Options);
        if (baseNode is not JsonObject target)
        {
            throw new ArgumentException($"Options of type {typeof(T).Name} do not serialise to a JSON object.", nameof(baseOptions));
        }

        Overlay(target, AsObject());
        return target.Deserialize<T>(ParameterJson.Options)
            ?? throw new InvalidOperationException($"The options of type {typeof(T).Name} converted to null.");
    }

    /// <summary>Writes the parameter as compact JSON; equal parameters give equal text.</summary>
    public string ToJson() => node.ToJsonString();

    /// <inheritdoc/>
    public override string ToString() => ToJson();

    private static void Overlay(JsonObject target, JsonObject source)
    {
        foreach (KeyValuePair<string, JsonNode?> pair in source)
        {
            if (pair.Value is JsonObject nested && target[pair.Key] is JsonObject existing)
            {
                Overlay(existing, nested);
            }
            else
            {
                target[pair.Key] = pair.Value?.DeepClone();
            }
        }
    }

    private JsonObject AsObject() =>
        node as JsonObject ?? throw new InvalidOperationException($"The parameter {ToJson()} is a single value, not a bag of named parameters.");
}
