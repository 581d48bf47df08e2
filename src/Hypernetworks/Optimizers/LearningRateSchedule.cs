namespace Hypernetworks.Optimizers;

/// <summary>The learning rate as a function of the step: set <see cref="Optimizer.LearningRate"/> from it before each step.</summary>
public abstract class LearningRateSchedule
{
    /// <summary>The rate for the 0-based <paramref name="step"/> (the number of updates already made).</summary>
    /// <param name="step">The number of updates made so far; non-negative.</param>
    /// <param name="baseRate">The peak rate the schedule scales; finite and non-negative.</param>
    public abstract float RateAt(int step, float baseRate);

    /// <summary>Checks the arguments of <see cref="RateAt"/>.</summary>
    protected static void CheckArguments(int step, float baseRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (!float.IsFinite(baseRate) || baseRate < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, "The base rate must be finite and non-negative.");
        }
    }

    /// <summary>Cosine annealing from <paramref name="from"/> down to <paramref name="to"/> as progress goes 0 → 1.</summary>
    protected static float Cosine(float from, float to, double progress)
        => (float)(to + ((from - to) * 0.5 * (1 + Math.Cos(Math.PI * Math.Clamp(progress, 0, 1)))));
}
