using System.Collections.Immutable;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>The fitted parameters of an affine normalizer: <c>output = (input - Offset) * Scale</c>, per slot.</summary>
public sealed class AffineNormalizerModelParameters
{
    /// <summary>Wraps fitted scales and offsets (one per slot; one for a scalar column).</summary>
    /// <param name="scale">The scales.</param>
    /// <param name="offset">The offsets, the same length as <paramref name="scale"/>.</param>
    public AffineNormalizerModelParameters(float[] scale, float[] offset)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(offset);
        if (scale.Length == 0 || scale.Length != offset.Length)
        {
            throw new ArgumentException($"Scale and offset need the same, non-zero length; got {scale.Length} and {offset.Length}.", nameof(offset));
        }

        Scale = [.. scale];
        Offset = [.. offset];
    }

    /// <summary>The scale of each slot.</summary>
    public ImmutableArray<float> Scale { get; }

    /// <summary>The offset of each slot (all zero when zero was kept fixed).</summary>
    public ImmutableArray<float> Offset { get; }

    /// <summary>Whether every offset is zero, so zero maps to zero and sparse vectors stay sparse.</summary>
    public bool IsZeroFixed => Offset.All(o => o == 0);
}
