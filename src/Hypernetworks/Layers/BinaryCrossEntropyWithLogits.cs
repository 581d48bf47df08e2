using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>
/// Sigmoid followed by binary cross-entropy, fused and stable for logits of any size. σ(z) − y is computed in
/// float64 and a magnitude below 1e-30 is written as 0, so no denormal float is made (σ(z) of a large negative z).
/// </summary>
public static class BinaryCrossEntropyWithLogits
{
    /// <summary>
    /// The mean of −[y·log σ(z) + (1 − y)·log(1 − σ(z))]; writes d(loss)/dz = (σ(z) − y)/n into
    /// <paramref name="gradLogits"/> unless it is empty (it may be the same memory as <paramref name="logits"/>).
    /// Labels are probabilities in [0, 1]; every label is checked before anything is written.
    /// </summary>
    public static float Compute(ReadOnlySpan<float> logits, ReadOnlySpan<float> labels, Span<float> gradLogits)
    {
        if (logits.Length != labels.Length)
        {
            throw new ArgumentException($"'labels' has {labels.Length} elements; expected {logits.Length} to match 'logits'.", nameof(labels));
        }

        if (!gradLogits.IsEmpty && gradLogits.Length != logits.Length)
        {
            throw new ArgumentException($"'gradLogits' has {gradLogits.Length} elements; expected {logits.Length} or none.", nameof(gradLogits));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            float y = labels[i];
            if (!(y >= 0f && y <= 1f))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), y, $"Label at row {i} is {y}; expected a probability in [0, 1].");
            }
        }

        if (logits.IsEmpty)
        {
            return 0f;
        }

        double total = 0;
        float invN = 1f / logits.Length;
        for (int i = 0; i < logits.Length; i++)
        {
            double z = logits[i];
            double y = labels[i];

            // max(z, 0) − z·y + log(1 + e^(−|z|)) equals the loss without overflowing for large |z|.
            total += Math.Max(z, 0) - (z * y) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            if (!gradLogits.IsEmpty)
            {
                double difference = (1 / (1 + Math.Exp(-z))) - y;
                gradLogits[i] = Math.Abs(difference) < FlushToZero.Threshold ? 0f : FlushToZero.Apply((float)difference * invN);
            }
        }

        return (float)(total / logits.Length);
    }
}
