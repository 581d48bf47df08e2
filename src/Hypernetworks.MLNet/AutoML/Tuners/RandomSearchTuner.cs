using Hypernetworks.Initialization;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>Proposes points uniformly at random in the normalised feature space.</summary>
public sealed class RandomSearchTuner : ITuner
{
    private readonly SearchSpace searchSpace;
    private readonly SeededRandom random;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="seed">The random seed.</param>
    public RandomSearchTuner(SearchSpace searchSpace, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        this.searchSpace = searchSpace;
        random = new SeededRandom(unchecked((ulong)seed));
    }

    /// <inheritdoc/>
    public TrialSettings Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var feature = new double[searchSpace.FeatureSpaceDim];
        for (int i = 0; i < feature.Length; i++)
        {
            feature[i] = random.NextDouble();
        }

        settings.Parameter = searchSpace.SampleFromFeatureSpace(feature);
        return settings;
    }

    /// <inheritdoc/>
    public void Update(TrialResult result) => ArgumentNullException.ThrowIfNull(result);
}
