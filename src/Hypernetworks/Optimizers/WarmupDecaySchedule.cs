namespace Hypernetworks.Optimizers;

/// <summary>
/// Linear warm-up then cosine decay: the rate climbs linearly to the base rate over <see cref="WarmupSteps"/>
/// (step s gets base·(s + 1)/warmup, so the first update is not wasted at zero), then anneals by a cosine to
/// <see cref="MinimumRate"/> at <see cref="TotalSteps"/> and stays there.
/// </summary>
public sealed class WarmupDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="warmupSteps">Steps of linear warm-up; non-negative and less than <paramref name="totalSteps"/>.</param>
    /// <param name="totalSteps">Steps until the minimum rate, warm-up included; positive.</param>
    /// <param name="minimumRate">The final rate; finite and non-negative.</param>
    public WarmupDecaySchedule(int warmupSteps, int totalSteps, float minimumRate = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        if (warmupSteps >= totalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, $"The warm-up must be shorter than the {totalSteps} total steps.");
        }

        if (!float.IsFinite(minimumRate) || minimumRate < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumRate), minimumRate, "The minimum rate must be finite and non-negative.");
        }

        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
        MinimumRate = minimumRate;
    }

    /// <summary>Steps of linear warm-up.</summary>
    public int WarmupSteps { get; }

    /// <summary>Steps until the minimum rate, warm-up included.</summary>
    public int TotalSteps { get; }

    /// <summary>The final rate.</summary>
    public float MinimumRate { get; }

    /// <inheritdoc />
    public override float RateAt(int step, float baseRate)
    {
        CheckArguments(step, baseRate);
        if (step < WarmupSteps)
        {
            return (float)((double)baseRate * (step + 1) / WarmupSteps);
        }

        return Cosine(baseRate, MinimumRate, (double)(step - WarmupSteps) / (TotalSteps - WarmupSteps));
    }
}
