namespace Hypernetworks.Optimizers;

/// <summary>
/// Cosine annealing (as torch's CosineAnnealingLR over one half-period): the base rate at step 0, falling to
/// <see cref="MinimumRate"/> at <see cref="TotalSteps"/> and staying there.
/// </summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="totalSteps">Steps from the base rate to the minimum; positive.</param>
    /// <param name="minimumRate">The final rate; finite and non-negative.</param>
    public CosineSchedule(int totalSteps, float minimumRate = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        if (!float.IsFinite(minimumRate) || minimumRate < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumRate), minimumRate, "The minimum rate must be finite and non-negative.");
        }

        TotalSteps = totalSteps;
        MinimumRate = minimumRate;
    }

    /// <summary>Steps from the base rate to the minimum.</summary>
    public int TotalSteps { get; }

    /// <summary>The final rate.</summary>
    public float MinimumRate { get; }

    /// <inheritdoc />
    public override float RateAt(int step, float baseRate)
    {
        CheckArguments(step, baseRate);
        return Cosine(baseRate, MinimumRate, (double)step / TotalSteps);
    }
}
