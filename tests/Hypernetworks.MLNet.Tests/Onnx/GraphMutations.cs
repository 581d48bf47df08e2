using Hypernetworks.MLNet.Onnx;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Tests.Onnx;

/// <summary>Ways to damage a graph: structural edits re-serialised, and byte-level flips and truncations.</summary>
public static class GraphMutations
{
    internal static byte[] Rewrite(byte[] bytes, Func<OnnxGraph, OnnxGraph> edit, Func<IReadOnlyList<KeyValuePair<string, string>>, IReadOnlyList<KeyValuePair<string, string>>>? metadata = null)
    {
        OnnxModelHeader header = OnnxProtoReader.ReadHeader(bytes);
        OnnxGraph graph = OnnxProtoReader.ReadGraph(bytes, header.Graph!.Value);
        return OnnxProtoWriter.Write(new OnnxModel(header.IrVersion, header.OperatorSets, header.ProducerName, header.ProducerVersion, edit(graph), metadata is null ? header.Metadata : metadata(header.Metadata)));
    }

    internal static byte[] EditSpec(byte[] bytes, Func<string, string> edit)
        => Rewrite(bytes, g => g, m => [.. m.Select(e => e.Key == M.SpecKey ? new KeyValuePair<string, string>(e.Key, edit(e.Value)) : e)]);

    internal static (byte[] Bytes, string What) Mutate(byte[] bytes, Random random)
    {
        int kind = random.Next(10);
        return (Mutate(bytes, random, kind), Kinds[kind]);
    }

    private static readonly string[] Kinds = ["bit flips", "bit flips", "truncation", "random bytes", "changed dims", "removed initializer", "added initializer", "huge spec sizes", "edited node", "edited metadata"];

    private static byte[] Mutate(byte[] bytes, Random random, int kind)
    {
        switch (kind)
        {
            case 0:
            case 1:
                byte[] flipped = (byte[])bytes.Clone();
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return flipped;
            case 2:
                return bytes[..random.Next(bytes.Length)];
            case 3:
                byte[] noisy = (byte[])bytes.Clone();
                int start = random.Next(noisy.Length);
                random.NextBytes(noisy.AsSpan(start, Math.Min(noisy.Length - start, random.Next(1, 64))));
                return noisy;
            case 4:
                return Rewrite(bytes, g => g with { Initializers = [.. g.Initializers.Select((t, i) => i == random.Next(g.Initializers.Count) ? Redimension(t, random) : t)] });
            case 5:
                int removed = random.Next(bytes.Length);
                return Rewrite(bytes, g => g with { Initializers = [.. g.Initializers.Where((_, i) => i != removed % g.Initializers.Count)] });
            case 6:
                return Rewrite(bytes, g =>
                {
                    OnnxTensor copy = g.Initializers[random.Next(g.Initializers.Count)];
                    string name = random.Next(2) == 0 ? copy.Name : copy.Name + ".extra";
                    return g with { Initializers = [.. g.Initializers, new OnnxTensor(name, copy.ElementType, copy.Dimensions, copy.RawData, copy.Strings)] };
                });
            case 7:
                return EditSpec(bytes, json => HugeSpec(json, random));
            case 8:
                return Rewrite(bytes, g =>
                {
                    int n = random.Next(g.Nodes.Count);
                    return random.Next(2) == 0
                        ? g with { Nodes = [.. g.Nodes.Where((_, i) => i != n)] }
                        : g with { Nodes = [.. g.Nodes.Select((node, i) => i == n ? node with { OpType = node.OpType == "Add" ? "Sub" : "Add" } : node)] };
                });
            default:
                return Rewrite(bytes, g => g, m => random.Next(3) switch
                {
                    0 => [.. m.Where(e => e.Key != M.MarkKey)],
                    1 => [.. m.Select(e => e.Key == M.VersionKey ? new KeyValuePair<string, string>(e.Key, "2") : e)],
                    _ => [.. m.Select(e => e.Key == M.DescriptionKey ? new KeyValuePair<string, string>(e.Key, e.Value.Replace("5", "50000000", StringComparison.Ordinal)) : e)],
                });
        }
    }

    private static OnnxTensor Redimension(OnnxTensor tensor, Random random)
    {
        long[] dims = (long[])tensor.Dimensions.Clone();
        long[] choices = [0, -1, 1L << 40, long.MaxValue, 3_000_000_000];
        if (dims.Length == 0 || random.Next(4) == 0)
        {
            dims = [.. dims, choices[random.Next(choices.Length)]];
        }
        else
        {
            int i = random.Next(dims.Length);
            dims[i] = random.Next(2) == 0 ? dims[i] + 1 : choices[random.Next(choices.Length)];
        }

        return new OnnxTensor(tensor.Name, tensor.ElementType, dims, tensor.RawData, tensor.Strings);
    }

    private static string HugeSpec(string json, Random random) => random.Next(4) switch
    {
        0 => json.Replace("\"HiddenSizes\":[", "\"HiddenSizes\":[16777216,", StringComparison.Ordinal),
        1 => json.Replace("\"TargetLayerSizes\":[[5,6]", "\"TargetLayerSizes\":[[5,2000000000]", StringComparison.Ordinal),
        2 => json.Replace("\"ChunkSize\":13", "\"ChunkSize\":1", StringComparison.Ordinal).Replace("\"ChunkEmbeddingSize\":3", "\"ChunkEmbeddingSize\":16000000", StringComparison.Ordinal),
        _ => json.Replace("\"EmbeddingCount\":5", "\"EmbeddingCount\":16777216", StringComparison.Ordinal).Replace("\"EmbeddingCount\":0", "\"EmbeddingCount\":-4", StringComparison.Ordinal),
    };
}
