using System.Numerics.Tensors;

namespace Hypernetworks.Model;

/// <summary>Generating θ on its own, and the output-distance term that continual learning regularises with.</summary>
public sealed partial class Hypernetwork
{
    /// <summary>
    /// Writes θ = h(z) [rows, <see cref="GeneratedParameterCount"/>] for conditioning [rows, ConditioningSize]: the
    /// generated target parameters, in the layout the target network reads (layer by layer: the weights, or for
    /// <see cref="GeneratorKind.LowRank"/> the factors U and V, then the bias).
    /// </summary>
    public void Generate(ReadOnlySpan<float> conditioning, Span<float> theta)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int width = Spec.ConditioningSize;
        int rows = InputChecks.RowCount(conditioning, width, nameof(conditioning));
        InputChecks.Width(theta.Length, rows, _layout.Size, nameof(theta), "generated parameters");
        InputChecks.Finite(conditioning, width, nameof(conditioning));
        _encoder.Validate(conditioning, rows);
        ReserveSlice(1, 0);
        for (int row = 0; row < rows; row++)
        {
            GenerateOne(conditioning.Slice(row * width, width), theta.Slice(row * _layout.Size, _layout.Size));
        }
    }

    /// <summary>
    /// weight · ‖h(z) − target‖² for one conditioning row, and (with <paramref name="withGradients"/>) its gradient
    /// 2·weight·(h(z) − target) back-propagated into the generator's parameters only (added to their gradients): z,
    /// and so the encoder's parameters, are held fixed. Runs after a step's loss backward, whose scratch it reuses.
    /// </summary>
    internal float OutputDistance(ReadOnlySpan<float> condition, ReadOnlySpan<float> target, float weight, bool withGradients)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int size = _layout.Size;
        ReserveSlice(1, 0);
        Span<float> theta = _theta.Span(size);
        GenerateOne(condition, theta);
        Span<float> difference = _gradTheta.Span(size);
        TensorPrimitives.Subtract(theta, target, difference);
        float distance = weight * TensorPrimitives.Dot(difference, difference);
        if (withGradients)
        {
            TensorPrimitives.Multiply(difference, 2f * weight, difference);
            _generator.Backward(_z.Span(_encoder.OutputSize), difference, 1, default);
        }

        return distance;
    }

    private void GenerateOne(ReadOnlySpan<float> condition, Span<float> theta)
    {
        Span<float> z = _z.Span(_encoder.OutputSize);
        _encoder.Forward(condition, 1, z);
        _generator.Generate(z, 1, theta);
    }
}
