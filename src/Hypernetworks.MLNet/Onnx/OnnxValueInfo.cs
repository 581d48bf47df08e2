namespace Hypernetworks.MLNet.Onnx;

/// <summary>A graph input or output (ValueInfoProto of a tensor type): its name, element type and dimensions (null for the batch symbol).</summary>
internal sealed record OnnxValueInfo(string Name, OnnxElementType ElementType, IReadOnlyList<long?> Dimensions)
{
    /// <summary>The symbolic name this library gives the batch dimension.</summary>
    public const string BatchDimension = "N";

    /// <summary>What the reader records for a dimension that is neither a value nor the batch symbol (another symbol, both or neither).</summary>
    public const long ForeignDimension = long.MinValue;

    /// <summary>A text form used to compare values and to name them in messages.</summary>
    public string Describe() => $"{Name}: {ElementType}[{string.Join(", ", Dimensions.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? BatchDimension))}]";
}
