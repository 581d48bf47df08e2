using System.Numerics.Tensors;
using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>Mean squared error over all elements, as PyTorch's <c>mse_loss</c> with mean reduction.</summary>
public static class MeanSquaredError
{
    /// <summary>
    /// mean((prediction − target)²); writes d(loss)/d(prediction) = 2·(prediction − target)/n into
    /// <paramref name="gradPrediction"/> unless it is empty (it may be the same memory as either input); a gradient
    /// below 1e-30 is written as 0, never as a denormal.
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

        int n = prediction.Length;
        if (gradPrediction.IsEmpty)
        {
            float distance = TensorPrimitives.Distance(prediction, target);
            return distance * distance / n;
        }

        TensorPrimitives.Subtract(prediction, target, gradPrediction);
        float sumOfSquares = TensorPrimitives.SumOfSquares(gradPrediction);
        TensorPrimitives.Multiply(gradPrediction, 2f / n, gradPrediction);
        FlushToZero.Apply(gradPrediction);
        return sumOfSquares / n;
    }
}
