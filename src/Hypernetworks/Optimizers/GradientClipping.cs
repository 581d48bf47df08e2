using System.Numerics.Tensors;
using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>Gradient clipping, as torch.nn.utils.clip_grad_norm_.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales every gradient by maxNorm / (norm + 1e-6) when the L2 norm of all gradients together exceeds
    /// <paramref name="maxNorm"/>, and returns that norm as it was before clipping. A non-finite norm is returned
    /// with the gradients left as they are, for the caller's NaN/Inf guard to report. Scaled gradients below 1e-30
    /// become 0 (<see cref="FlushToZero"/>), in the same pass.
    /// </summary>
    public static float ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!float.IsFinite(maxNorm) || maxNorm <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The maximum norm must be finite and positive.");
        }

        double sumOfSquares = 0;
        for (int i = 0; i < parameters.Count; i++)
        {
            Parameter parameter = parameters[i] ?? throw new ArgumentException($"Parameter at index {i} is null.", nameof(parameters));
            sumOfSquares += TensorPrimitives.SumOfSquares(parameter.Gradient.Span);
        }

        double norm = Math.Sqrt(sumOfSquares);
        if (double.IsFinite(norm) && norm > maxNorm)
        {
            float scale = (float)(maxNorm / (norm + 1e-6));
            for (int i = 0; i < parameters.Count; i++)
            {
                Span<float> gradient = parameters[i].Gradient.Span;
                FlushToZero.Scale(gradient, gradient, scale);
            }
        }

        return (float)norm;
    }
}
