using System.Text;
using System.Text.Json;
using Hypernetworks.Layers;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>A <see cref="HypernetworkSpec"/> as the JSON kept in a graph's metadata_props (enums by name).</summary>
internal static class SpecJson
{
    private const string What = "spec";

    public static string Write(HypernetworkSpec spec)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber(nameof(spec.ConditioningSize), spec.ConditioningSize);
            w.WriteNumber(nameof(spec.InputSize), spec.InputSize);
            w.WriteStartArray(nameof(spec.TargetLayerSizes));
            foreach ((int input, int output) in spec.TargetLayerSizes)
            {
                w.WriteStartArray();
                w.WriteNumberValue(input);
                w.WriteNumberValue(output);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray(nameof(spec.HiddenSizes));
            foreach (int h in spec.HiddenSizes)
            {
                w.WriteNumberValue(h);
            }

            w.WriteEndArray();
            w.WriteString(nameof(spec.Activation), spec.Activation.ToString());
            w.WriteString(nameof(spec.GeneratorActivation), spec.GeneratorActivation.ToString());
            w.WriteString(nameof(spec.Generator), spec.Generator.ToString());
            w.WriteString(nameof(spec.Encoder), spec.Encoder.ToString());
            w.WriteNumber(nameof(spec.EmbeddingCount), spec.EmbeddingCount);
            w.WriteNumber(nameof(spec.EmbeddingSize), spec.EmbeddingSize);
            w.WriteNumber(nameof(spec.ChunkSize), spec.ChunkSize);
            w.WriteNumber(nameof(spec.ChunkEmbeddingSize), spec.ChunkEmbeddingSize);
            w.WriteNumber(nameof(spec.Rank), spec.Rank);
            w.WriteBoolean(nameof(spec.LowRankBase), spec.LowRankBase);
            w.WriteString(nameof(spec.Initialization), spec.Initialization.ToString());
            w.WriteString(nameof(spec.Task), spec.Task.ToString());
            w.WriteNumber(nameof(spec.MaxGeneratedFloats), spec.MaxGeneratedFloats);
            w.WriteBoolean(nameof(spec.NormalizeTrunkOutput), spec.NormalizeTrunkOutput);
            w.WriteNumber(nameof(spec.SharedWeightFraction), spec.SharedWeightFraction);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the spec; it is not validated here (the caller validates it against limits and the bytes).</summary>
    public static HypernetworkSpec Read(string json)
    {
        using JsonDocument document = JsonFields.Parse(json, What);
        JsonElement root = document.RootElement;
        JsonElement layersJson = JsonFields.Array(root, nameof(HypernetworkSpec.TargetLayerSizes), What);
        var layers = new List<(int, int)>();
        foreach (JsonElement pair in layersJson.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                throw new HypernetworkModelFormatException("The graph's spec field 'TargetLayerSizes' holds an entry that is not an [in, out] pair.");
            }

            layers.Add((JsonFields.Element(pair[0], nameof(HypernetworkSpec.TargetLayerSizes), What), JsonFields.Element(pair[1], nameof(HypernetworkSpec.TargetLayerSizes), What)));
        }

        var hidden = new List<int>();
        foreach (JsonElement h in JsonFields.Array(root, nameof(HypernetworkSpec.HiddenSizes), What).EnumerateArray())
        {
            hidden.Add(JsonFields.Element(h, nameof(HypernetworkSpec.HiddenSizes), What));
        }

        return new HypernetworkSpec
        {
            ConditioningSize = JsonFields.Int(root, nameof(HypernetworkSpec.ConditioningSize), What),
            InputSize = JsonFields.Int(root, nameof(HypernetworkSpec.InputSize), What),
            TargetLayerSizes = layers,
            HiddenSizes = hidden,
            Activation = JsonFields.Enum<Activation>(root, nameof(HypernetworkSpec.Activation), What),
            GeneratorActivation = JsonFields.Enum<Activation>(root, nameof(HypernetworkSpec.GeneratorActivation), What),
            Generator = JsonFields.Enum<GeneratorKind>(root, nameof(HypernetworkSpec.Generator), What),
            Encoder = JsonFields.Enum<ConditioningEncoderKind>(root, nameof(HypernetworkSpec.Encoder), What),
            EmbeddingCount = JsonFields.Int(root, nameof(HypernetworkSpec.EmbeddingCount), What),
            EmbeddingSize = JsonFields.Int(root, nameof(HypernetworkSpec.EmbeddingSize), What),
            ChunkSize = JsonFields.Int(root, nameof(HypernetworkSpec.ChunkSize), What),
            ChunkEmbeddingSize = JsonFields.Int(root, nameof(HypernetworkSpec.ChunkEmbeddingSize), What),
            Rank = JsonFields.Int(root, nameof(HypernetworkSpec.Rank), What),
            LowRankBase = JsonFields.Bool(root, nameof(HypernetworkSpec.LowRankBase), What),
            Initialization = JsonFields.Enum<InitializationScheme>(root, nameof(HypernetworkSpec.Initialization), What),
            Task = JsonFields.Enum<HypernetworkTask>(root, nameof(HypernetworkSpec.Task), What),
            MaxGeneratedFloats = JsonFields.Long(root, nameof(HypernetworkSpec.MaxGeneratedFloats), What),
            NormalizeTrunkOutput = JsonFields.Bool(root, nameof(HypernetworkSpec.NormalizeTrunkOutput), What),
            SharedWeightFraction = JsonFields.Float(root, nameof(HypernetworkSpec.SharedWeightFraction), What),
        };
    }
}
