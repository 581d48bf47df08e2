namespace Hypernetworks.MLNet.Onnx;

/// <summary>A node attribute (AttributeProto) of one of the kinds this library uses.</summary>
internal sealed class OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public OnnxAttributeType Type { get; }

    public float Float { get; private init; }

    public long Int { get; private init; }

    public string String { get; private init; } = "";

    public IReadOnlyList<long> Ints { get; private init; } = [];

    public IReadOnlyList<float> Floats { get; private init; } = [];

    public IReadOnlyList<string> Strings { get; private init; } = [];

    public static OnnxAttribute Of(string name, float value) => new(name, OnnxAttributeType.Float) { Float = value };

    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeType.Int) { Int = value };

    public static OnnxAttribute Of(string name, string value) => new(name, OnnxAttributeType.String) { String = value };

    public static OnnxAttribute Of(string name, IReadOnlyList<long> values) => new(name, OnnxAttributeType.Ints) { Ints = values };

    public static OnnxAttribute Of(string name, IReadOnlyList<float> values) => new(name, OnnxAttributeType.Floats) { Floats = values };

    public static OnnxAttribute Of(string name, IReadOnlyList<string> values) => new(name, OnnxAttributeType.Strings) { Strings = values };

    /// <summary>An attribute read from a file whose kind this library does not use (a tensor, a graph, a mixed one).</summary>
    public static OnnxAttribute Unsupported(string name) => new(name, OnnxAttributeType.Unsupported);

    /// <summary>A text form used to compare attributes and to name them in messages.</summary>
    public override string ToString() => Type switch
    {
        OnnxAttributeType.Float => $"{Name}={Float.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}",
        OnnxAttributeType.Int => $"{Name}={Int}",
        OnnxAttributeType.String => $"{Name}='{String}'",
        OnnxAttributeType.Ints => $"{Name}=[{string.Join(",", Ints)}]",
        OnnxAttributeType.Floats => $"{Name}=[{string.Join(",", Floats.Select(f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]",
        OnnxAttributeType.Strings => $"{Name}=[{string.Join(",", Strings.Select(s => $"'{s}'"))}]",
        _ => $"{Name}:{Type}",
    };
}
