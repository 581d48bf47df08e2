using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet.AutoML;

public sealed partial class AutoCatalog
{
    /// <summary>
    /// A sweepable hypernetwork trainer: each trial trains <c>mlContext.Hypernetwork(options)</c> (the task follows
    /// the label's type) with <paramref name="baseOptions"/> overridden by the trial's parameter. The first trial of
    /// a sweep trains <paramref name="baseOptions"/> as given, so the sweep's best model is never worse on the
    /// validation rows than the base options'. Every trial uses one seed: the base options' or, when they have none,
    /// one drawn from the context now, so trials differ only in what the sweep changes. In a sweep it validates on
    /// the sweep's validation rows and reports the validation metric after every epoch, so early stopping (ASHA) can
    /// end poor trials.
    /// </summary>
    /// <param name="baseOptions">The columns and every option the search space does not sweep.</param>
    /// <param name="searchSpace">
    /// The options swept: option names must be properties of <see cref="HypernetworkSearchOptions"/> (the default
    /// space, used when null, sweeps all of them).
    /// </param>
    public SweepableEstimator Hypernetwork(HypernetworkTrainer.Options baseOptions, SearchSpace? searchSpace = null)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        SearchSpace space = searchSpace ?? new SearchSpace<HypernetworkSearchOptions>();
        HypernetworkOptionsBinding.CheckNames(space, nameof(searchSpace));
        HypernetworkTrainer.Options seeded = HypernetworkOptionsBinding.Copy(baseOptions);
        seeded.Seed ??= ((IHostEnvironment)Context).Register(nameof(AutoCatalog)).Rand.Next();
        return new SweepableEstimator(
            Context,
            (context, parameter, fit) => new HypernetworkTrialEstimator(context, HypernetworkOptionsBinding.Apply(seeded, parameter, fit)),
            space,
            HypernetworkOptionsBinding.BaseParameter(seeded, space));
    }
}
