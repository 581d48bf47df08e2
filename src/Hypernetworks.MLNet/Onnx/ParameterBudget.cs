using Hypernetworks.Model;
using Hypernetworks.Model.Application;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// What a (validated) spec implies before any of it is built: the number of learned floats a graph must hold, and
/// the scratch floats that constructing the model allocates to initialise itself. The reader compares them with
/// the bytes present and with <see cref="GraphLimits"/> before it allocates.
/// </summary>
internal static class ParameterBudget
{
    private const int InitializationSamples = 256;

    /// <summary>Learned floats (encoder, generator, low-rank bases) plus the chunked generator's scale.</summary>
    public static long StoredFloats(HypernetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = new TargetLayout(spec);
        int z = EncodedSize(spec);
        long total = spec.Encoder == ConditioningEncoderKind.Embedding ? (long)spec.EmbeddingCount * spec.EmbeddingSize : 0;
        checked
        {
            if (spec.Generator == GeneratorKind.Chunked)
            {
                (long trunk, int width) = Trunk(z + spec.ChunkEmbeddingSize, spec.HiddenSizes);
                long chunks = ((long)layout.Size + spec.ChunkSize - 1) / spec.ChunkSize;
                total += trunk + ((long)width * spec.ChunkSize) + spec.ChunkSize + (chunks * spec.ChunkEmbeddingSize) + (chunks * spec.ChunkSize);
            }
            else
            {
                IEnumerable<IEnumerable<GeneratedTensor>> parts = spec.Generator == GeneratorKind.PerLayer
                    ? layout.Tensors.GroupBy(t => t.Layer)
                    : [layout.Tensors];
                foreach (IEnumerable<GeneratedTensor> part in parts)
                {
                    (long trunk, int width) = Trunk(z, spec.HiddenSizes);
                    total += trunk + part.Sum(t => ((long)width * t.Length) + t.Length);
                }
            }

            if (spec.Generator == GeneratorKind.LowRank && spec.LowRankBase)
            {
                total += spec.TargetLayerSizes.Sum(s => (long)s.In * s.Out);
            }

            return total;
        }
    }

    /// <summary>An upper estimate of the scratch floats the constructor's initialisation pass allocates.</summary>
    public static long InitializationFloats(HypernetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = new TargetLayout(spec);
        long rows = spec.Generator == GeneratorKind.Chunked
            ? InitializationSamples * (((long)layout.Size + spec.ChunkSize - 1) / spec.ChunkSize)
            : InitializationSamples;
        int z = EncodedSize(spec);
        long widths = spec.HiddenSizes.Sum(h => 2L * h) + (2L * Math.Max(spec.HiddenSizes.DefaultIfEmpty(0).Max(), z + spec.ChunkEmbeddingSize));
        return checked((rows * widths) + ((long)InitializationSamples * z));
    }

    private static int EncodedSize(HypernetworkSpec spec) => spec.Encoder == ConditioningEncoderKind.Embedding ? spec.EmbeddingSize : spec.ConditioningSize;

    private static (long Count, int Width) Trunk(int input, IReadOnlyList<int> hidden)
    {
        long count = 0;
        int width = input;
        foreach (int h in hidden)
        {
            count = checked(count + ((long)width * h) + h);
            width = h;
        }

        return (count, width);
    }
}
