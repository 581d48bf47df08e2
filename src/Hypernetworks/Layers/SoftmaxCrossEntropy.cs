using System.Numerics.Tensors;
using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>
/// Softmax followed by cross-entropy, fused: stable for any logits, and its gradient is softmax − onehot. A class
/// whose probability is below 1e-30 counts as exactly 0 (its e^(z − max) is never computed below that), so neither
/// the sum nor the gradient holds a denormal, however confident the prediction.
/// </summary>
public static class SoftmaxCrossEntropy
{
    // z − max below this gives e^(z − max) < 6.6e-31, which FlushToZero turns into 0; clamping there keeps the
    // exponential itself from making a denormal.
    private const float ShiftFloor = -69.5f;

    /// <summary>
    /// The mean over rows of −log softmax(logits)[label]. Writes d(loss)/d(logits) into
    /// <paramref name="gradLogits"/> unless it is empty. Every label is checked before anything is written.
    /// </summary>
    /// <param name="logits">[batch, classes], row-major.</param>
    /// <param name="labels">One class index per row, in [0, classes).</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="gradLogits">[batch, classes], or empty; may be the same memory as <paramref name="logits"/>.</param>
    public static float Compute(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> gradLogits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        int batch = labels.Length;
        if (logits.Length != (long)batch * classes)
        {
            throw new ArgumentException($"'logits' has {logits.Length} elements; {batch} labels x {classes} classes need {(long)batch * classes}.", nameof(logits));
        }

        if (!gradLogits.IsEmpty && gradLogits.Length != logits.Length)
        {
            throw new ArgumentException($"'gradLogits' has {gradLogits.Length} elements; expected {logits.Length} or none.", nameof(gradLogits));
        }

        for (int row = 0; row < batch; row++)
        {
            int label = labels[row];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Label at row {row} is {label}; expected a class index in [0, {classes}).");
            }
        }

        if (batch == 0)
        {
            return 0f;
        }

        double total = 0;
        float invBatch = 1f / batch;
        for (int row = 0; row < batch; row++)
        {
            ReadOnlySpan<float> z = logits.Slice(row * classes, classes);
            float max = TensorPrimitives.Max(z);
            float target = z[labels[row]];
            float sumExp;
            if (gradLogits.IsEmpty)
            {
                sumExp = SumExpShifted(z, max);
            }
            else
            {
                // e^(z − max) lands in the gradient row, which then only needs scaling by 1/(Σ·batch).
                Span<float> g = gradLogits.Slice(row * classes, classes);
                TensorPrimitives.Subtract(z, max, g);
                TensorPrimitives.Max(g, ShiftFloor, g);
                TensorPrimitives.Exp(g, g);
                FlushToZero.Apply(g);
                sumExp = TensorPrimitives.Sum(g);
                TensorPrimitives.Multiply(g, invBatch / sumExp, g);
                g[labels[row]] -= invBatch;
            }

            total += max + Math.Log(sumExp) - target;
        }

        return (float)(total / batch);
    }

    private static float SumExpShifted(ReadOnlySpan<float> z, float max)
    {
        float sum = 0f;
        foreach (float v in z)
        {
            sum += FlushToZero.Apply(MathF.Exp(MathF.Max(v - max, ShiftFloor)));
        }

        return sum;
    }
}
