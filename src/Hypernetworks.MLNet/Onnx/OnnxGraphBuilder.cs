namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Collects nodes and initializers with unique names. Initializers are either values (learned weights, statistics:
/// shape and type fixed by the spec) or constants (shapes, axes, fixed factors: the same bytes in every graph of a spec).
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The names of the value initializers.</summary>
    public IReadOnlySet<string> ValueNames => _values;

    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    public IReadOnlyList<OnnxTensor> Initializers => _initializers;

    public void AddValue(OnnxTensor tensor)
    {
        _initializers.Add(tensor);
        _values.Add(tensor.Name);
    }

    /// <summary>An int64 constant (shared by value), e.g. a Reshape shape.</summary>
    public string Int64s(params long[] values)
    {
        string key = "i64:" + string.Join(",", values);
        if (!_constants.TryGetValue(key, out string? name))
        {
            name = $"const.int64.{_constants.Count}";
            _initializers.Add(OnnxTensor.FromInt64s(name, values, values.Length));
            _constants.Add(key, name);
        }

        return name;
    }

    /// <summary>A float scalar constant (shared by value).</summary>
    public string Float(float value)
    {
        string key = "f32:" + BitConverter.SingleToInt32Bits(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_constants.TryGetValue(key, out string? name))
        {
            name = $"const.float.{_constants.Count}";
            _initializers.Add(OnnxTensor.FromFloats(name, [value]));
            _constants.Add(key, name);
        }

        return name;
    }

    /// <summary>A named constant tensor added as is.</summary>
    public string Constant(OnnxTensor tensor)
    {
        _initializers.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Add(string opType, string[] inputs, params OnnxAttribute[] attributes) => AddNamed(opType, null, inputs, attributes);

    /// <summary>Adds a node whose single output gets <paramref name="output"/> (a graph output) or a fresh name.</summary>
    public string AddNamed(string opType, string? output, string[] inputs, params OnnxAttribute[] attributes)
        => AddNode(opType, "", null, output, inputs, attributes);

    /// <summary>Adds a node of any domain and node name; returns its single output.</summary>
    public string AddNode(string opType, string domain, string? nodeName, string? output, string[] inputs, params OnnxAttribute[] attributes)
    {
        int id = _count++;
        string name = nodeName ?? $"{opType}_{id}";
        string result = output ?? $"{opType.ToLowerInvariant()}_{id}";
        _nodes.Add(new OnnxNode(name, opType, domain, inputs, [result], attributes));
        return result;
    }
}
