namespace Hypernetworks.Optimizers;

/// <summary>The base rate at every step.</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc />
    public override float RateAt(int step, float baseRate)
    {
        CheckArguments(step, baseRate);
        return baseRate;
    }
}
