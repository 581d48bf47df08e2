using System.Globalization;
using Hypernetworks.Model;
using Hypernetworks.Tensors;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Rebuilds a hypernetwork from a graph <see cref="HypernetworkGraphWriter"/> wrote. It checks, before allocating
/// anything large, the mark and format version, the spec and column description against each other and against
/// <see cref="GraphLimits"/>, and the floats the spec implies against the bytes present; then, against the graph the
/// spec implies, every initializer's name, type, shape and byte length (none missing, none extra), every constant, node,
/// input and output. Anything wrong gives a <see cref="HypernetworkModelFormatException"/> saying what.
/// </summary>
internal static class HypernetworkGraphReader
{
    /// <summary>Whether <paramref name="bytes"/> parse as an ONNX model that carries our hypernetwork mark (nothing else is checked).</summary>
    public static bool IsOurs(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return Mark(OnnxProtoReader.ReadHeader(bytes)) == M.HypernetworkMark;
        }
        catch (HypernetworkModelFormatException)
        {
            return false;
        }
    }

    /// <summary>The task a graph of ours declares in its column description (the graph is not validated).</summary>
    public static HypernetworkTask ReadTask(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return DescriptionJson.Read(Required(Metadata(OnnxProtoReader.ReadHeader(bytes)), M.DescriptionKey)).Task;
    }

    public static LoadedHypernetworkGraph Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        OnnxModelHeader header = OnnxProtoReader.ReadHeader(bytes);
        Dictionary<string, string> metadata = Metadata(header);
        CheckMark(header, metadata);
        HypernetworkSpec spec = SpecJson.Read(Required(metadata, M.SpecKey));
        CheckSpec(spec);
        HypernetworkGraphDescription description = DescriptionJson.Read(Required(metadata, M.DescriptionKey));
        Wrap(() => description.Validate(spec), "The graph's column description does not fit its spec");
        CheckBudget(spec, description, bytes.Length);
        OnnxGraph graph = OnnxProtoReader.ReadGraph(bytes, header.Graph ?? throw new HypernetworkModelFormatException("The ONNX model has no graph."));
        Hypernetwork network = Wrap(() => new Hypernetwork(spec, 0), "The graph's spec cannot be built");
        try
        {
            HypernetworkGraph expected = HypernetworkGraphWriter.Build(network, description, includeValues: false);
            GraphComparison.Check(header, graph, expected);
            Fill(network, description, graph);
            return new LoadedHypernetworkGraph(network, description);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static string? Mark(OnnxModelHeader header)
        => header.Metadata.Where(e => e.Key == M.MarkKey).Select(e => e.Value).FirstOrDefault();

    private static Dictionary<string, string> Metadata(OnnxModelHeader header)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> entry in header.Metadata)
        {
            if (!metadata.TryAdd(entry.Key, entry.Value))
            {
                throw new HypernetworkModelFormatException($"The graph's metadata_props name '{entry.Key}' twice.");
            }
        }

        return metadata;
    }

    private static void CheckMark(OnnxModelHeader header, Dictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(M.MarkKey, out string? mark))
        {
            throw new HypernetworkModelFormatException($"The ONNX graph is not a hypernetwork saved by Hypernetworks.MLNet: its metadata_props have no '{M.MarkKey}' mark (producer '{header.ProducerName}').");
        }

        if (mark != M.HypernetworkMark)
        {
            throw new HypernetworkModelFormatException(mark == M.TargetNetworkMark
                ? "The ONNX graph is one materialised target network, not a whole hypernetwork; it cannot be loaded as one."
                : $"The ONNX graph's '{M.MarkKey}' mark is '{mark}'; expected '{M.HypernetworkMark}'.");
        }

        string version = Required(metadata, M.VersionKey);
        if (version != M.FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new HypernetworkModelFormatException($"The hypernetwork graph has format version '{version}'; this library reads version {M.FormatVersion}.");
        }
    }

    private static string Required(Dictionary<string, string> metadata, string key)
        => metadata.TryGetValue(key, out string? value) ? value : throw new HypernetworkModelFormatException($"The hypernetwork graph's metadata_props have no '{key}' entry.");

    private static void CheckSpec(HypernetworkSpec spec)
    {
        if (spec.Encoder == ConditioningEncoderKind.Custom)
        {
            throw new HypernetworkModelFormatException("The graph's spec names a custom encoder, which an ONNX graph cannot hold.");
        }

        if (spec.TargetLayerSizes.Count > GraphLimits.MaxLayers || spec.HiddenSizes.Count > GraphLimits.MaxLayers)
        {
            throw new HypernetworkModelFormatException($"The graph's spec declares {spec.TargetLayerSizes.Count} target layers and {spec.HiddenSizes.Count} generator layers; at most {GraphLimits.MaxLayers} each are read.");
        }

        IEnumerable<(string Name, int Value)> widths =
        [
            (nameof(spec.ConditioningSize), spec.ConditioningSize), (nameof(spec.InputSize), spec.InputSize), (nameof(spec.EmbeddingCount), spec.EmbeddingCount),
            (nameof(spec.EmbeddingSize), spec.EmbeddingSize), (nameof(spec.ChunkSize), spec.ChunkSize), (nameof(spec.ChunkEmbeddingSize), spec.ChunkEmbeddingSize), (nameof(spec.Rank), spec.Rank),
            .. spec.TargetLayerSizes.SelectMany(s => new[] { (nameof(spec.TargetLayerSizes), s.In), (nameof(spec.TargetLayerSizes), s.Out) }),
            .. spec.HiddenSizes.Select(h => (nameof(spec.HiddenSizes), h)),
        ];
        foreach ((string name, int value) in widths)
        {
            if (value is < 0 or > GraphLimits.MaxWidth)
            {
                throw new HypernetworkModelFormatException($"The graph's spec declares {name} {value}; expected a size in [0, {GraphLimits.MaxWidth}].");
            }
        }

        Wrap(spec.Validate, "The graph's spec is invalid");
    }

    private static void CheckBudget(HypernetworkSpec spec, HypernetworkGraphDescription description, int length)
    {
        long stored = Wrap(() => ParameterBudget.StoredFloats(spec), "The graph's spec is too large");
        long statistics = (description.ConditioningMean is null ? 0 : 2L * description.ConditioningSize) + (description.FeatureMean is null ? 0 : 2L * description.FeatureSize);
        long bytes = (stored + statistics) * sizeof(float);
        if (bytes > length)
        {
            throw new HypernetworkModelFormatException($"The graph's spec implies {stored + statistics} stored floats ({bytes} bytes) but the model has only {length} bytes: it is truncated or its spec was changed.");
        }

        long scratch = Wrap(() => ParameterBudget.InitializationFloats(spec), "The graph's spec is too large");
        if (scratch > GraphLimits.MaxInitializationFloats)
        {
            throw new HypernetworkModelFormatException($"The graph's spec would need {scratch} floats to build the model; at most {GraphLimits.MaxInitializationFloats} are allowed.");
        }
    }

    private static void Fill(Hypernetwork network, HypernetworkGraphDescription description, OnnxGraph graph)
    {
        Dictionary<string, OnnxTensor> tensors = graph.Initializers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (Parameter p in network.Parameters)
        {
            Copy(tensors[p.Name], p.Value.Span);
        }

        if (network.ChunkScale is { } scale)
        {
            Copy(tensors[HypernetworkGraphWriter.ChunkScaleName], scale);
        }

        CopyIfPresent(tensors, HypernetworkGraphWriter.ConditioningMeanName, description.ConditioningMean);
        CopyIfPresent(tensors, HypernetworkGraphWriter.ConditioningScaleName, description.ConditioningScale);
        CopyIfPresent(tensors, HypernetworkGraphWriter.FeatureMeanName, description.FeatureMean);
        CopyIfPresent(tensors, HypernetworkGraphWriter.FeatureScaleName, description.FeatureScale);
    }

    private static void CopyIfPresent(Dictionary<string, OnnxTensor> tensors, string name, float[]? target)
    {
        if (target is not null)
        {
            Copy(tensors[name], target);
        }
    }

    private static void Copy(OnnxTensor tensor, Span<float> target)
    {
        tensor.CopyFloatsTo(target);
        foreach (float v in target)
        {
            if (!float.IsFinite(v))
            {
                throw new HypernetworkModelFormatException($"Initializer '{tensor.Name}' holds a non-finite value ({v}).");
            }
        }
    }

    private static void Wrap(Action action, string context) => Wrap<bool>(() => { action(); return true; }, context);

    private static T Wrap<T>(Func<T> action, string context)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new HypernetworkModelFormatException($"{context}: {e.Message}", e);
        }
    }
}
