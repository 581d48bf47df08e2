using System.Globalization;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Application;
using Hypernetworks.Tensors;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Writes a whole conditional network as one standard-opset ONNX graph: conditioning and features in (named after
/// their ML.NET columns), standardisation, encoder, generator, the target network applied with each row's generated
/// weights (batched MatMul), and the task's outputs; every weight an initializer; metadata_props mark it as ours.
/// </summary>
/// <remarks>
/// A key conditioning column is read as the raw ML.NET key (uint32, 1 … count; 0 = missing): the graph gathers row
/// key of [NaN row; embedding table], so a missing key gives NaN scores and a key above the count fails in ONNX Runtime.
/// </remarks>
internal static class HypernetworkGraphWriter
{
    /// <summary>Initializer names of the standardisation statistics.</summary>
    public const string ConditioningMeanName = "standardization.conditioning.mean";
    public const string ConditioningScaleName = "standardization.conditioning.scale";
    public const string FeatureMeanName = "standardization.features.mean";
    public const string FeatureScaleName = "standardization.features.scale";
    public const string ChunkScaleName = "generator.chunk_scale";

    /// <summary>The ONNX model bytes of <paramref name="network"/> and <paramref name="description"/>.</summary>
    public static byte[] Write(Hypernetwork network, HypernetworkGraphDescription description)
        => OnnxProtoWriter.Write(Build(network, description, includeValues: true).Model);

    /// <summary>
    /// Builds the graph; without <paramref name="includeValues"/> the value initializers carry their names, types and
    /// shapes but no data (the reader's expected skeleton).
    /// </summary>
    public static HypernetworkGraph Build(Hypernetwork network, HypernetworkGraphDescription description, bool includeValues)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(description);
        HypernetworkSpec spec = network.Spec;
        description.Validate(spec);
        var graph = new OnnxGraphBuilder();
        var parameters = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (Parameter p in network.Parameters)
        {
            parameters.Add(p.Name, p);
            graph.AddValue(Value(p.Name, p.Value.Span, [.. p.Shape.Select(d => (long)d)], includeValues));
        }

        if (network.ChunkScale is { } scale)
        {
            graph.AddValue(Value(ChunkScaleName, scale, [scale.Length], includeValues));
        }

        AddStatistics(graph, ConditioningMeanName, ConditioningScaleName, description.ConditioningMean, description.ConditioningScale, includeValues);
        AddStatistics(graph, FeatureMeanName, FeatureScaleName, description.FeatureMean, description.FeatureScale, includeValues);

        var build = new Emitter(graph, spec, new TargetLayout(spec), parameters);
        string x = Standardize(graph, description.FeatureColumnName, description.FeatureMean is null ? null : (FeatureMeanName, FeatureScaleName));
        string z = build.Encode(description);
        IReadOnlyDictionary<string, string> theta = build.Generate(z);
        string y = build.ApplyTarget(x, theta);
        List<OnnxValueInfo> outputs = TaskOutputNodes.Add(graph, spec.Task, spec.OutputSize, description.ClassNames, y);

        bool key = description.ConditioningKeyCount > 0;
        OnnxValueInfo[] inputs =
        [
            new(description.ConditioningColumnName, key ? OnnxElementType.UInt32 : OnnxElementType.Float, [null, description.ConditioningSize]),
            new(description.FeatureColumnName, OnnxElementType.Float, [null, description.FeatureSize]),
        ];
        CheckNames(graph, inputs);
        var onnx = new OnnxGraph("hypernetwork", graph.Nodes, graph.Initializers, inputs, outputs);
        string specJson = SpecJson.Write(spec);
        string descriptionJson = DescriptionJson.Write(description);
        KeyValuePair<string, string>[] metadata =
        [
            new(M.MarkKey, M.HypernetworkMark),
            new(M.VersionKey, M.FormatVersion.ToString(CultureInfo.InvariantCulture)),
            new(M.SpecKey, specJson),
            new(M.DescriptionKey, descriptionJson),
            new(M.ChecksumKey, includeValues ? Checksum(specJson, descriptionJson, graph.Initializers, graph.ValueNames) : ""),
        ];
        return new HypernetworkGraph(Model(onnx, metadata), graph.ValueNames);
    }

    /// <summary>The model wrapper of a graph, with this library's IR version, operator sets and producer.</summary>
    public static OnnxModel Model(OnnxGraph graph, IReadOnlyList<KeyValuePair<string, string>> metadata)
        => new(OnnxModel.WrittenIrVersion, [("", OnnxModel.WrittenOpset), (OnnxModel.MlDomain, OnnxModel.WrittenMlOpset)], M.ProducerName, M.FormatVersion.ToString(CultureInfo.InvariantCulture), graph, metadata);

    /// <summary>
    /// The hex SHA-256 of the spec and description JSON (UTF-8, each followed by a zero byte) and the raw data of the value
    /// initializers in their order: any change to the model, including spec fields that do not shape the graph, shows.
    /// </summary>
    public static string Checksum(string specJson, string descriptionJson, IEnumerable<OnnxTensor> initializers, IReadOnlySet<string> valueNames)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (string text in new[] { specJson, descriptionJson })
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        foreach (OnnxTensor tensor in initializers)
        {
            if (valueNames.Contains(tensor.Name))
            {
                hash.AppendData(tensor.RawData.Span);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>(v − mean)·scale when statistics are given, else v.</summary>
    public static string Standardize(OnnxGraphBuilder graph, string input, (string Mean, string Scale)? statistics)
        => statistics is { } s ? graph.Add("Mul", [graph.Add("Sub", [input, s.Mean]), s.Scale]) : input;

    private static OnnxTensor Value(string name, ReadOnlySpan<float> values, long[] dims, bool includeValues)
        => includeValues ? OnnxTensor.FromFloats(name, values, dims) : new OnnxTensor(name, OnnxElementType.Float, dims, ReadOnlyMemory<byte>.Empty);

    private static void AddStatistics(OnnxGraphBuilder graph, string meanName, string scaleName, float[]? mean, float[]? scale, bool includeValues)
    {
        if (mean is null || scale is null)
        {
            return;
        }

        graph.AddValue(Value(meanName, mean, [mean.Length], includeValues));
        graph.AddValue(Value(scaleName, scale, [scale.Length], includeValues));
    }

    private static void CheckNames(OnnxGraphBuilder graph, OnnxValueInfo[] inputs)
    {
        var taken = new HashSet<string>(graph.Initializers.Select(t => t.Name), StringComparer.Ordinal);
        taken.UnionWith(graph.Nodes.SelectMany(n => n.Outputs));
        foreach (OnnxValueInfo input in inputs)
        {
            if (taken.Contains(input.Name))
            {
                throw new ArgumentException($"Column '{input.Name}' has the name of a value inside the hypernetwork graph; rename the column to export the model.", nameof(inputs));
            }
        }
    }

    /// <summary>Emits the encoder, generator and target network of one spec.</summary>
    private sealed class Emitter(OnnxGraphBuilder graph, HypernetworkSpec spec, TargetLayout layout, IReadOnlyDictionary<string, Parameter> parameters)
    {
        public string Encode(HypernetworkGraphDescription description)
        {
            string input = description.ConditioningColumnName;
            if (description.ConditioningKeyCount == 0)
            {
                return Standardize(graph, input, description.ConditioningMean is null ? null : (ConditioningMeanName, ConditioningScaleName));
            }

            int width = spec.EmbeddingSize;
            var missing = new float[width];
            Array.Fill(missing, float.NaN);
            string missingRow = graph.Constant(OnnxTensor.FromFloats("const.missing_key_row", missing, 1, width));
            string table = graph.Add("Concat", [missingRow, P("encoder.embedding")], OnnxAttribute.Of("axis", 0L));
            string keys = graph.Add("Reshape", [graph.Add("Cast", [input], OnnxAttribute.Of("to", (long)OnnxElementType.Int64)), graph.Int64s(-1)]);
            return graph.Add("Gather", [table, keys], OnnxAttribute.Of("axis", 0L));
        }

        /// <summary>Every generated tensor as [N, length], by its layout name.</summary>
        public IReadOnlyDictionary<string, string> Generate(string z)
        {
            var theta = new Dictionary<string, string>(StringComparer.Ordinal);
            if (spec.Generator == GeneratorKind.Chunked)
            {
                string flat = Chunked(z);
                foreach (GeneratedTensor t in layout.Tensors)
                {
                    theta[t.Name] = graph.Add("Slice", [flat, graph.Int64s(t.Offset), graph.Int64s(t.Offset + t.Length), graph.Int64s(1)]);
                }

                return theta;
            }

            IEnumerable<IGrouping<int, GeneratedTensor>> parts = spec.Generator == GeneratorKind.PerLayer
                ? layout.Tensors.GroupBy(t => t.Layer)
                : layout.Tensors.GroupBy(_ => 0);
            foreach (IGrouping<int, GeneratedTensor> part in parts)
            {
                string prefix = spec.Generator == GeneratorKind.PerLayer ? $"generator.layer{part.Key}" : "generator";
                string e = z;
                for (int i = 0; i < spec.HiddenSizes.Count; i++)
                {
                    e = OnnxActivation.Apply(graph, spec.GeneratorActivation, Gemm(e, $"{prefix}.trunk.{i}"));
                }

                foreach (GeneratedTensor t in part)
                {
                    theta[t.Name] = Gemm(e, $"{prefix}.head.{t.Name}");
                }
            }

            return theta;
        }

        /// <summary>The target network on x [N, in] with per-row weights: y [N, 1, out] per layer by batched MatMul.</summary>
        public string ApplyTarget(string x, IReadOnlyDictionary<string, string> theta)
        {
            string h = graph.Add("Reshape", [x, graph.Int64s(0, 1, spec.InputSize)]);
            int last = spec.TargetLayerSizes.Count - 1;
            for (int l = 0; l <= last; l++)
            {
                (int input, int output) = spec.TargetLayerSizes[l];
                string y;
                if (layout.LowRank)
                {
                    int r = layout.Rank(l);
                    string v = graph.Add("Reshape", [theta[$"layer{l}.v"], graph.Int64s(0, input, r)]);
                    string u = Transposed(graph.Add("Reshape", [theta[$"layer{l}.u"], graph.Int64s(0, output, r)]));
                    y = graph.Add("MatMul", [graph.Add("MatMul", [h, v]), u]);
                }
                else
                {
                    string w = Transposed(graph.Add("Reshape", [theta[$"layer{l}.weight"], graph.Int64s(0, output, input)]));
                    y = graph.Add("MatMul", [h, w]);
                }

                y = graph.Add("Add", [y, graph.Add("Reshape", [theta[$"layer{l}.bias"], graph.Int64s(0, 1, output)])]);
                if (layout.LowRank && spec.LowRankBase)
                {
                    string w0 = graph.Add("Transpose", [P($"target.layer{l}.base")], OnnxAttribute.Of("perm", (IReadOnlyList<long>)[1L, 0L]));
                    y = graph.Add("Add", [y, graph.Add("MatMul", [h, w0])]);
                }

                h = l < last ? OnnxActivation.Apply(graph, spec.Activation, y) : y;
            }

            return h;
        }

        /// <summary>
        /// The chunked generator: the trunk's first layer split into its z and chunk-embedding columns (z·W_zᵀ per row,
        /// e_c·W_eᵀ + b per chunk, summed by broadcasting to [N, chunks, hidden]), the rest of the trunk and the shared
        /// head on [N, chunks, ·], then θ = flattened head output · scale, [N, chunks·chunkSize].
        /// </summary>
        private string Chunked(string z)
        {
            int zSize = spec.Encoder == ConditioningEncoderKind.Embedding ? spec.EmbeddingSize : spec.ConditioningSize;
            int embedding = spec.ChunkEmbeddingSize;
            int hidden = spec.HiddenSizes[0];
            int chunks = (layout.Size + spec.ChunkSize - 1) / spec.ChunkSize;
            string w0 = P("generator.trunk.0.weight");
            string wz = graph.Add("Slice", [w0, graph.Int64s(0), graph.Int64s(zSize), graph.Int64s(1)]);
            string we = graph.Add("Slice", [w0, graph.Int64s(zSize), graph.Int64s(zSize + embedding), graph.Int64s(1)]);
            string perCondition = graph.Add("Gemm", [z, wz], OnnxAttribute.Of("transB", 1L));
            string perChunk = graph.Add("Gemm", [P("generator.chunk_embeddings"), we, P("generator.trunk.0.bias")], OnnxAttribute.Of("transB", 1L));
            string pre = graph.Add("Add", [graph.Add("Reshape", [perCondition, graph.Int64s(0, 1, hidden)]), perChunk]);
            string h = OnnxActivation.Apply(graph, spec.GeneratorActivation, pre);
            for (int i = 1; i < spec.HiddenSizes.Count; i++)
            {
                h = OnnxActivation.Apply(graph, spec.GeneratorActivation, Linear3(h, $"generator.trunk.{i}"));
            }

            string raw = Linear3(h, "generator.head");
            string flat = graph.Add("Reshape", [raw, graph.Int64s(0, (long)chunks * spec.ChunkSize)]);
            return graph.Add("Mul", [flat, P(ChunkScaleName, isParameter: false)]);
        }

        private string Gemm(string input, string layer)
            => graph.Add("Gemm", [input, P(layer + ".weight"), P(layer + ".bias")], OnnxAttribute.Of("transB", 1L));

        private string Linear3(string input, string layer)
            => graph.Add("Add", [graph.Add("MatMul", [input, graph.Add("Transpose", [P(layer + ".weight")], OnnxAttribute.Of("perm", (IReadOnlyList<long>)[1L, 0L]))]), P(layer + ".bias")]);

        private string Transposed(string batched) => graph.Add("Transpose", [batched], OnnxAttribute.Of("perm", (IReadOnlyList<long>)[0L, 2L, 1L]));

        private string P(string name, bool isParameter = true)
            => !isParameter || parameters.ContainsKey(name)
                ? name
                : throw new InvalidOperationException($"The hypernetwork has no parameter '{name}', which its {spec.Generator} graph reads; the core's parameter names changed.");
    }
}
