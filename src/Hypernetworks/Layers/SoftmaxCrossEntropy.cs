using System.Numerics.Tensors;

namespace Hypernetworks.Layers;

/// <summary>Softmax followed by cross-entropy, fused: stable for any logits, and its gradient is softmax − onehot.</summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>
    /// The mean over rows of −log softmax(logits)[label]. Writes d(loss)/d(logits) into
    /// <paramref name="gradLogits"/> unless it is empty.
    /// </summary>
    /// <param name="logits">[batch, classes], row-major.</param>
    /// <param name="labels">One class index per row, in [0, classes).</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="gradLogits">[batch, classes], or empty.</param>
    public static float Compute(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> gradLogits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        int batch = labels.Length;
        if (logits.Length != batch * classes)
        {
            throw new ArgumentException($"'logits' has {logits.Length} elements; {batch} labels x {classes} classes need {batch * classes}.", nameof(logits));
        }

        if (!gradLogits.IsEmpty && gradLogits.Length != logits.Length)
        {
            throw new ArgumentException($"'gradLogits' has {gradLogits.Length} elements; expected {logits.Length} or none.", nameof(gradLogits));
        }

        double total = 0;
        float invBatch = batch == 0 ? 0f : 1f / batch;
        for (int row = 0; row < batch; row++)
        {
            int label = labels[row];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Label at row {row} is {label}; expected a class index in [0, {classes}).");
            }

            ReadOnlySpan<float> z = logits.Slice(row * classes, classes);
            float max = TensorPrimitives.Max(z);
            float sumExp = 0f;
            for (int c = 0; c < classes; c++)
            {
                sumExp += MathF.Exp(z[c] - max);
            }

            float logSumExp = max + MathF.Log(sumExp);
            total += logSumExp - z[label];
            if (!gradLogits.IsEmpty)
            {
                Span<float> g = gradLogits.Slice(row * classes, classes);
                for (int c = 0; c < classes; c++)
                {
                    g[c] = MathF.Exp(z[c] - logSumExp) * invBatch;
                }

                g[label] -= invBatch;
            }
        }

        return (float)(total * invBatch);
    }
}
