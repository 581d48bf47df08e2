using System.Runtime.InteropServices;
using System.Text;
using Hypernetworks.Layers;
using Hypernetworks.Model.Conditioning;

namespace Hypernetworks.Model.Persistence;

/// <summary>
/// The binary state of a hypernetwork: the magic "HNET", a format version, the spec, then named float32 tensors
/// with their shapes, all little-endian. Loading checks everything against the spec before using it and reports any
/// problem as a <see cref="HypernetworkFormatException"/>.
/// </summary>
public static class HypernetworkState
{
    /// <summary>The format version this library writes; it reads this one and every one from <see cref="OldestFormatVersion"/>.</summary>
    /// <remarks>Version 2 added the initialisation options <see cref="HypernetworkSpec.NormalizeTrunkOutput"/> and <see cref="HypernetworkSpec.SharedWeightFraction"/> to the spec; version 3 the few-shot encoders' <see cref="HypernetworkSpec.Ways"/>, <see cref="HypernetworkSpec.Shots"/>, <see cref="HypernetworkSpec.SetHiddenSizes"/> and <see cref="HypernetworkSpec.SetEmbeddingSize"/>; version 4 <see cref="HypernetworkSpec.SetMetricShrinkage"/>, with the fitted metric's μ and T as tensors.</remarks>
    public const int FormatVersion = 4;

    /// <summary>The oldest format version this library reads (a version-1 spec takes those options' defaults).</summary>
    public const int OldestFormatVersion = 1;

    private const uint Magic = 0x54454E48; // "HNET" read as a little-endian uint32
    private const int MaxCount = 1 << 16;
    private const int MaxSize = 1 << 24;

    /// <summary>Writes <paramref name="network"/>'s spec and parameters to <paramref name="stream"/>.</summary>
    public static void Save(Hypernetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        WriteSpec(writer, network.Spec);
        List<NamedTensor> tensors = Tensors(network);
        writer.Write(tensors.Count);
        foreach ((string name, IReadOnlyList<int> shape, SpanSource values) in tensors)
        {
            writer.Write(name);
            writer.Write(shape.Count);
            foreach (int d in shape)
            {
                writer.Write(d);
            }

            WriteFloats(writer, values());
        }
    }

    /// <summary>Reads a hypernetwork saved by <see cref="Save"/>; <paramref name="encoder"/> is needed (only) for a custom encoder.</summary>
    public static Hypernetwork Load(Stream stream, ConditioningEncoder? encoder = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic)
            {
                throw new HypernetworkFormatException("The data is not hypernetwork state: it does not start with 'HNET'.");
            }

            int version = reader.ReadInt32();
            if (version is < OldestFormatVersion or > FormatVersion)
            {
                throw new HypernetworkFormatException($"The state has format version {version}; this library reads versions {OldestFormatVersion} to {FormatVersion}.");
            }

            HypernetworkSpec spec = ReadSpec(reader, version);
            if (spec.Encoder == ConditioningEncoderKind.Custom && encoder is null)
            {
                throw new HypernetworkFormatException("The state was saved with a custom conditioning encoder; pass an encoder of the same kind to Load.");
            }

            var network = new Hypernetwork(spec, 0, spec.Encoder == ConditioningEncoderKind.Custom ? encoder : null);
            try
            {
                ReadTensors(reader, network);
                if (network.Metric is { } metric && !metric.IsValid())
                {
                    throw new HypernetworkFormatException("Tensor 'encoder.metric.transform' is not a fitted metric: it must be lower triangular with a positive diagonal.");
                }

                return network;
            }
            catch
            {
                network.Dispose();
                throw;
            }
        }
        catch (EndOfStreamException e)
        {
            throw new HypernetworkFormatException("The state is truncated: it ends before all of its declared content.", e);
        }
        catch (ArgumentException e)
        {
            throw new HypernetworkFormatException($"The state's spec is invalid: {e.Message}", e);
        }
    }

    private static void ReadTensors(BinaryReader reader, Hypernetwork network)
    {
        List<NamedTensor> expected = Tensors(network);
        int count = reader.ReadInt32();
        if (count != expected.Count)
        {
            throw new HypernetworkFormatException($"The state holds {count} tensors; its spec implies {expected.Count}.");
        }

        foreach ((string name, IReadOnlyList<int> shape, SpanSource values) in expected)
        {
            string actualName = reader.ReadString();
            if (actualName != name)
            {
                throw new HypernetworkFormatException($"The state holds tensor '{actualName}' where its spec implies '{name}'.");
            }

            int rank = reader.ReadInt32();
            if (rank < 0 || rank > 8)
            {
                throw new HypernetworkFormatException($"Tensor '{name}' declares {rank} dimensions; expected {shape.Count}.");
            }

            var dims = new int[rank];
            for (int i = 0; i < rank; i++)
            {
                dims[i] = reader.ReadInt32();
            }

            if (!dims.SequenceEqual(shape))
            {
                throw new HypernetworkFormatException($"Tensor '{name}' has shape [{string.Join(", ", dims)}]; the spec implies [{string.Join(", ", shape)}].");
            }

            Span<float> target = values();
            Span<byte> bytes = MemoryMarshal.AsBytes(target);
            if (reader.Read(bytes) != bytes.Length)
            {
                throw new EndOfStreamException();
            }

            if (!BitConverter.IsLittleEndian)
            {
                Span<int> words = MemoryMarshal.Cast<float, int>(target);
                for (int i = 0; i < words.Length; i++)
                {
                    words[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words[i]);
                }
            }

            foreach (float v in target)
            {
                if (!float.IsFinite(v))
                {
                    throw new HypernetworkFormatException($"Tensor '{name}' holds a non-finite value ({v}).");
                }
            }
        }
    }

    private static List<NamedTensor> Tensors(Hypernetwork network)
    {
        List<NamedTensor> list = [.. network.Parameters.Select(p => new NamedTensor(p.Name, p.Shape, () => p.Value.Span))];
        if (network.ChunkScale is { } scale)
        {
            list.Add(new NamedTensor("generator.chunk_scale", [scale.Length], () => scale));
        }

        if (network.Metric is { } metric)
        {
            list.Add(new NamedTensor("encoder.metric.mean", [metric.Width], () => metric.Mean));
            list.Add(new NamedTensor("encoder.metric.transform", [metric.Width, metric.Width], () => metric.Transform));
        }

        return list;
    }

    private static void WriteFloats(BinaryWriter writer, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        foreach (float v in values)
        {
            writer.Write(v);
        }
    }

    private static void WriteSpec(BinaryWriter writer, HypernetworkSpec spec)
    {
        writer.Write(spec.ConditioningSize);
        writer.Write(spec.InputSize);
        writer.Write(spec.TargetLayerSizes.Count);
        foreach ((int input, int output) in spec.TargetLayerSizes)
        {
            writer.Write(input);
            writer.Write(output);
        }

        writer.Write(spec.HiddenSizes.Count);
        foreach (int h in spec.HiddenSizes)
        {
            writer.Write(h);
        }

        writer.Write((int)spec.Activation);
        writer.Write((int)spec.GeneratorActivation);
        writer.Write((int)spec.Generator);
        writer.Write((int)spec.Encoder);
        writer.Write(spec.EmbeddingCount);
        writer.Write(spec.EmbeddingSize);
        writer.Write(spec.ChunkSize);
        writer.Write(spec.ChunkEmbeddingSize);
        writer.Write(spec.Rank);
        writer.Write(spec.LowRankBase);
        writer.Write((int)spec.Initialization);
        writer.Write((int)spec.Task);
        writer.Write(spec.MaxGeneratedFloats);
        writer.Write(spec.NormalizeTrunkOutput);
        writer.Write(spec.SharedWeightFraction);
        writer.Write(spec.Ways);
        writer.Write(spec.Shots);
        writer.Write(spec.SetHiddenSizes.Count);
        foreach (int size in spec.SetHiddenSizes)
        {
            writer.Write(size);
        }

        writer.Write(spec.SetEmbeddingSize);
        writer.Write(spec.SetMetricShrinkage);
    }

    private static HypernetworkSpec ReadSpec(BinaryReader reader, int version)
    {
        int conditioning = ReadSize(reader, "ConditioningSize");
        int input = ReadSize(reader, "InputSize");
        int layerCount = ReadCount(reader, "TargetLayerSizes");
        var layers = new (int, int)[layerCount];
        for (int l = 0; l < layerCount; l++)
        {
            layers[l] = (ReadSize(reader, "TargetLayerSizes"), ReadSize(reader, "TargetLayerSizes"));
        }

        int hiddenCount = ReadCount(reader, "HiddenSizes");
        var hidden = new int[hiddenCount];
        for (int i = 0; i < hiddenCount; i++)
        {
            hidden[i] = ReadSize(reader, "HiddenSizes");
        }

        var spec = new HypernetworkSpec
        {
            ConditioningSize = conditioning,
            InputSize = input,
            TargetLayerSizes = layers,
            HiddenSizes = hidden,
            Activation = (Activation)reader.ReadInt32(),
            GeneratorActivation = (Activation)reader.ReadInt32(),
            Generator = (GeneratorKind)reader.ReadInt32(),
            Encoder = (ConditioningEncoderKind)reader.ReadInt32(),
            EmbeddingCount = ReadSize(reader, "EmbeddingCount"),
            EmbeddingSize = ReadSize(reader, "EmbeddingSize"),
            ChunkSize = ReadSize(reader, "ChunkSize"),
            ChunkEmbeddingSize = ReadSize(reader, "ChunkEmbeddingSize"),
            Rank = ReadSize(reader, "Rank"),
            LowRankBase = reader.ReadBoolean(),
            Initialization = (InitializationScheme)reader.ReadInt32(),
            Task = (HypernetworkTask)reader.ReadInt32(),
            MaxGeneratedFloats = reader.ReadInt64(),
            NormalizeTrunkOutput = version >= 2 && reader.ReadBoolean(),
            SharedWeightFraction = version >= 2 ? reader.ReadSingle() : 0f,

            // Version 3's few-shot fields; an initializer runs in order, so they are read after the fields above.
            Ways = version >= 3 ? ReadSize(reader, "Ways") : 0,
            Shots = version >= 3 ? ReadSize(reader, "Shots") : 0,
            SetHiddenSizes = version >= 3 ? ReadSizes(reader, "SetHiddenSizes") : new HypernetworkSpec().SetHiddenSizes,
            SetEmbeddingSize = version >= 3 ? ReadSize(reader, "SetEmbeddingSize") : new HypernetworkSpec().SetEmbeddingSize,
            SetMetricShrinkage = version >= 4 ? reader.ReadSingle() : 0f,
        };

        if (!Enum.IsDefined(spec.Encoder))
        {
            throw new HypernetworkFormatException($"The state names encoder kind {(int)spec.Encoder}, which this library does not know.");
        }

        return spec;
    }

    private static int[] ReadSizes(BinaryReader reader, string what)
    {
        var sizes = new int[ReadCount(reader, what)];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = ReadSize(reader, what);
        }

        return sizes;
    }

    private static int ReadSize(BinaryReader reader, string what)
    {
        int value = reader.ReadInt32();
        return value is >= 0 and <= MaxSize
            ? value
            : throw new HypernetworkFormatException($"The state's {what} is {value}; expected a size in [0, {MaxSize}].");
    }

    private static int ReadCount(BinaryReader reader, string what)
    {
        int value = reader.ReadInt32();
        return value is >= 0 and <= MaxCount
            ? value
            : throw new HypernetworkFormatException($"The state's {what} declares {value} entries; expected at most {MaxCount}.");
    }

    /// <summary>Gets a tensor's values when needed (a span cannot be stored in a record).</summary>
    private delegate Span<float> SpanSource();

    private sealed record NamedTensor(string Name, IReadOnlyList<int> Shape, SpanSource Values);
}
