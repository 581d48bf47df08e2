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

    /// <summary>
    /// Generates θ for <paramref name="groups"/> conditions and flushes any value below
    /// <see cref="FlushToZero.Threshold"/> to 0, so the target network never multiplies by a denormal weight (one
    /// pass over θ, which the generator has just written, so it is still in cache).
    /// </summary>
    public void Generate(ReadOnlySpan<float> z, int groups, Span<float> theta)
    {
        Forward(z, groups, theta);
        FlushToZero.Apply(theta[..(groups * Layout.Size)]);
    }

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

    /// <summary>
    /// E‖e‖² and E‖e‖⁴ over the rows: a head row h with Var(h) = σ² gives Var(h·e) = σ²·E‖e‖², and the product
    /// of two such heads (low-rank factors of the same e) has variance σ_u²·σ_v²·E‖e‖⁴.
    /// </summary>
    protected static (float Second, float Fourth) NormMoments(ReadOnlySpan<float> rows, int count, int width)
    {
        double second = 0, fourth = 0;
        for (int row = 0; row < count; row++)
        {
            double norm = 0;
            foreach (float v in rows.Slice(row * width, width))
            {
                norm += v * (double)v;
            }

            second += norm;
            fourth += norm * norm;
        }

        // A trunk whose outputs are all zero for the samples (dead ReLUs) gets the unit assumption instead of a division by zero.
        return second > 0 ? ((float)(second / count), (float)(fourth / count)) : (width, (float)width * width);
    }
}
