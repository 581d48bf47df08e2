using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Compares a graph read from a file with the one its spec implies: IR version and operator sets, inputs and outputs,
/// every initializer (value initializers by type, shape and byte length; constants byte for byte), and every node.
/// </summary>
internal static class GraphComparison
{
    public static void Check(OnnxModelHeader header, OnnxGraph actual, HypernetworkGraph expected)
    {
        OnnxModel model = expected.Model;
        if (header.IrVersion != model.IrVersion || !header.OperatorSets.SequenceEqual(model.OperatorSets))
        {
            throw new HypernetworkModelFormatException($"The hypernetwork graph has IR version {header.IrVersion} and operator sets [{Describe(header.OperatorSets)}]; expected {model.IrVersion} and [{Describe(model.OperatorSets)}].");
        }

        if (header.ProducerName != model.ProducerName || header.ProducerVersion != model.ProducerVersion || actual.Name != model.Graph.Name)
        {
            throw new HypernetworkModelFormatException($"The hypernetwork graph names producer '{header.ProducerName}' {header.ProducerVersion} and graph '{actual.Name}'; expected '{model.ProducerName}' {model.ProducerVersion} and '{model.Graph.Name}'.");
        }

        CheckMetadata(header.Metadata, model.Metadata);
        CheckValues("input", actual.Inputs, model.Graph.Inputs);
        CheckValues("output", actual.Outputs, model.Graph.Outputs);
        CheckInitializers(actual.Initializers, model.Graph.Initializers, expected.ValueNames);
        CheckNodes(actual.Nodes, model.Graph.Nodes);
        string Value(string key) => header.Metadata.First(e => e.Key == key).Value;
        string checksum = HypernetworkGraphWriter.Checksum(Value(M.SpecKey), Value(M.DescriptionKey), actual.Initializers, expected.ValueNames);
        if (Value(M.ChecksumKey) != checksum)
        {
            throw new HypernetworkModelFormatException("The hypernetwork graph's spec or weights do not match its checksum: the file is corrupt.");
        }
    }

    /// <summary>The same keys in the same order; every value but the checksum as the spec implies (the JSON re-written).</summary>
    private static void CheckMetadata(IReadOnlyList<KeyValuePair<string, string>> actual, IReadOnlyList<KeyValuePair<string, string>> expected)
    {
        if (!actual.Select(e => e.Key).SequenceEqual(expected.Select(e => e.Key), StringComparer.Ordinal))
        {
            throw new HypernetworkModelFormatException($"The hypernetwork graph's metadata_props are [{string.Join(", ", actual.Select(e => e.Key))}]; expected [{string.Join(", ", expected.Select(e => e.Key))}].");
        }

        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i].Key != M.ChecksumKey && actual[i].Value != expected[i].Value)
            {
                throw new HypernetworkModelFormatException($"The hypernetwork graph's metadata '{actual[i].Key}' is not in the form this library writes: it was edited or is corrupt.");
            }
        }
    }

    private static string Describe(IEnumerable<(string Domain, long Version)> sets) => string.Join(", ", sets.Select(s => $"'{s.Domain}' {s.Version}"));

    private static void CheckValues(string kind, IReadOnlyList<OnnxValueInfo> actual, IReadOnlyList<OnnxValueInfo> expected)
    {
        if (actual.Count != expected.Count)
        {
            throw new HypernetworkModelFormatException($"The hypernetwork graph has {actual.Count} {kind}s; its spec implies {expected.Count} ({string.Join("; ", expected.Select(v => v.Describe()))}).");
        }

        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i].Describe() != expected[i].Describe())
            {
                throw new HypernetworkModelFormatException($"The hypernetwork graph's {kind} {i} is {actual[i].Describe()}; its spec implies {expected[i].Describe()}.");
            }
        }
    }

    private static void CheckInitializers(IReadOnlyList<OnnxTensor> actual, IReadOnlyList<OnnxTensor> expected, IReadOnlySet<string> valueNames)
    {
        var present = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        foreach (OnnxTensor tensor in actual)
        {
            if (!present.TryAdd(tensor.Name, tensor))
            {
                throw new HypernetworkModelFormatException($"The hypernetwork graph holds initializer '{tensor.Name}' twice.");
            }
        }

        var wanted = new HashSet<string>(expected.Select(t => t.Name), StringComparer.Ordinal);
        foreach (OnnxTensor tensor in actual)
        {
            if (!wanted.Contains(tensor.Name))
            {
                throw new HypernetworkModelFormatException($"The hypernetwork graph holds initializer '{tensor.Name}', which its spec does not imply.");
            }
        }

        foreach (OnnxTensor e in expected)
        {
            if (!present.TryGetValue(e.Name, out OnnxTensor? a))
            {
                throw new HypernetworkModelFormatException($"The hypernetwork graph lacks initializer '{e.Name}' ({e.ElementType}[{string.Join(", ", e.Dimensions)}]), which its spec implies.");
            }

            if (a.ElementType != e.ElementType || !a.Dimensions.SequenceEqual(e.Dimensions))
            {
                throw new HypernetworkModelFormatException($"Initializer '{e.Name}' is {a.ElementType}[{string.Join(", ", a.Dimensions)}]; the spec implies {e.ElementType}[{string.Join(", ", e.Dimensions)}].");
            }

            if (a.HasTypedData)
            {
                throw new HypernetworkModelFormatException($"Initializer '{e.Name}' stores values outside raw_data; graphs of this library keep them in raw_data.");
            }

            if (valueNames.Contains(e.Name))
            {
                long needed = e.ElementCount * sizeof(float);
                if (a.RawData.Length != needed)
                {
                    throw new HypernetworkModelFormatException($"Initializer '{e.Name}' holds {a.RawData.Length} bytes; its shape [{string.Join(", ", e.Dimensions)}] needs {needed}.");
                }
            }
            else if (!a.RawData.Span.SequenceEqual(e.RawData.Span) || !a.Strings.SequenceEqual(e.Strings, StringComparer.Ordinal))
            {
                throw new HypernetworkModelFormatException($"Constant initializer '{e.Name}' differs from the one the spec implies.");
            }
        }
    }

    private static void CheckNodes(IReadOnlyList<OnnxNode> actual, IReadOnlyList<OnnxNode> expected)
    {
        if (actual.Count != expected.Count)
        {
            throw new HypernetworkModelFormatException($"The hypernetwork graph has {actual.Count} nodes; its spec implies {expected.Count}.");
        }

        for (int i = 0; i < actual.Count; i++)
        {
            string a = actual[i].Describe();
            string e = expected[i].Describe();
            if (a != e)
            {
                throw new HypernetworkModelFormatException($"Node {i} of the hypernetwork graph is '{a}'; its spec implies '{e}' ({M.ProducerName} graphs are not edited).");
            }
        }
    }
}
