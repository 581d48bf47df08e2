using Hypernetworks.Initialization;
using Hypernetworks.Model.Application;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// Maps encoded conditions z [groups, InputSize] to generated target parameters θ [groups, Layout.Size], and
/// back-propagates d(θ) into its own parameters (accumulating) and, on request, into z.
/// </summary>
internal abstract class WeightGenerator : IDisposable
{
    protected WeightGenerator(int inputSize, TargetLayout layout)
    {
        InputSize = inputSize;
        Layout = layout;
    }

    public int InputSize { get; }

    public TargetLayout Layout { get; }

    public abstract IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Sizes the scratch memory for up to <paramref name="groups"/> conditions per call.</summary>
    public abstract void Reserve(int groups);

    public abstract void Forward(ReadOnlySpan<float> z, int groups, Span<float> theta);

    /// <summary>Must follow the <see cref="Forward"/> of the same z. <paramref name="gradTheta"/> is not modified.</summary>
    public abstract void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradTheta, int groups, Span<float> gradZ);

    /// <summary>
    /// Draws every parameter: the trunk Kaiming-normal, the heads by hyperfan so that θ has the layout's variances
    /// for conditions distributed like <paramref name="zSamples"/>.
    /// </summary>
    public abstract void Initialize(SeededRandom random, ReadOnlySpan<float> zSamples, int samples);

    /// <summary>Rescales the heads so that θ has the layout's variances for conditions distributed like <paramref name="zSamples"/>.</summary>
    public abstract void Calibrate(ReadOnlySpan<float> zSamples, int samples);

    public abstract void Dispose();

    /// <summary>Mean over rows of the squared norm of a row: E‖e‖², the head-input factor of hyperfan.</summary>
    protected static float MeanSquaredNorm(ReadOnlySpan<float> rows, int count, int width)
    {
        double total = 0;
        for (int i = 0; i < count * width; i++)
        {
            total += rows[i] * (double)rows[i];
        }

        // A trunk whose outputs are all zero for the samples (dead ReLUs) gets the unit assumption instead of a division by zero.
        return total > 0 ? (float)(total / count) : width;
    }
}
