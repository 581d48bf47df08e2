namespace Hypernetworks.Layers;

/// <summary>Mean squared error over all elements, as PyTorch's <c>mse_loss</c> with mean reduction.</summary>
public static class MeanSquaredError
{
    /// <summary>
    /// mean((prediction − target)²); writes d(loss)/d(prediction) into <paramref name="gradPrediction"/>
    /// unless it is empty.
    /// </summary>
    public static float Compute(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> gradPrediction)
    {
        if (prediction.Length != target.Length)
        {
            throw new ArgumentException($"'target' has {target.Length} elements; expected {prediction.Length} to match 'prediction'.", nameof(target));
        }

        if (!gradPrediction.IsEmpty && gradPrediction.Length != prediction.Length)
        {
            throw new ArgumentException($"'gradPrediction' has {gradPrediction.Length} elements; expected {prediction.Length} or none.", nameof(gradPrediction));
        }

        if (prediction.IsEmpty)
        {
            return 0f;
        }

        double total = 0;
        float scale = 2f / prediction.Length;
        for (int i = 0; i < prediction.Length; i++)
        {
            float d = prediction[i] - target[i];
            total += d * d;
            if (!gradPrediction.IsEmpty)
            {
                gradPrediction[i] = scale * d;
            }
        }

        return (float)(total / prediction.Length);
    }
}
