namespace Hypernetworks.MLNet.Onnx;

/// <summary>A graph input or output (ValueInfoProto of a tensor type): its name, element type and dimensions (null for a symbolic one).</summary>
internal sealed record OnnxValueInfo(string Name, OnnxElementType ElementType, IReadOnlyList<long?> Dimensions)
{
    /// <summary>The symbolic name this library gives the batch dimension.</summary>
    public const string BatchDimension = "N";

    /// <summary>A text form used to compare values and to name them in messages.</summary>
    public string Describe() => $"{Name}: {ElementType}[{string.Join(", ", Dimensions.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? BatchDimension))}]";
}
