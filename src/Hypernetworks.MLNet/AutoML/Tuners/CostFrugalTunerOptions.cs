namespace Hypernetworks.MLNet.AutoML;

/// <summary>Settings of the <see cref="CostFrugalTuner"/>.</summary>
public sealed class CostFrugalTunerOptions
{
    /// <summary>Gets or sets the random seed of the search directions.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// Gets or sets the names of the search-space options whose cost grows with their value (epochs,
    /// layer widths, depth). The search starts at their low end and grows them only by local moves.
    /// </summary>
    public IReadOnlyCollection<string> LowCostParameters { get; set; } = [];

    /// <summary>Gets or sets the first step length in feature space; 0.1·√d when null (d the dimension).</summary>
    public double? InitialStepSize { get; set; }

    /// <summary>Gets or sets the step length below which the search restarts near the low-cost start.</summary>
    public double MinStepSize { get; set; } = 1e-3;

    /// <summary>Gets or sets the factor the step is multiplied by after <see cref="Patience"/> failed rounds.</summary>
    public double StepShrinkFactor { get; set; } = 0.5;

    /// <summary>
    /// Gets or sets how many rounds without improvement (both x + δu and x − δu worse) shrink the step;
    /// min(2^(d−1), 2d) when null. The paper's 2^(d−1) alone would never shrink within a small budget once
    /// d passes about 6.
    /// </summary>
    public int? Patience { get; set; }
}
