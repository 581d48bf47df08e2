namespace Hypernetworks.MLNet.Onnx;

/// <summary>A graph node (NodeProto).</summary>
internal sealed record OnnxNode(string Name, string OpType, string Domain, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OnnxAttribute> Attributes)
{
    /// <summary>A text form used to compare nodes and to name them in messages.</summary>
    public string Describe()
        => $"{Name}: {(Domain.Length > 0 ? Domain + "." : "")}{OpType}({string.Join(", ", Inputs)}) -> ({string.Join(", ", Outputs)}) {{{string.Join("; ", Attributes.Select(a => a.ToString()))}}}";
}
