namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// Walks the grid of the search space in order, the first coordinate changing fastest: every value of
/// a choice or of a small integer range, and <c>stepCount</c> evenly spaced values (ends included) of
/// the other coordinates. Points already run (reported through <see cref="Update"/>) are skipped, so a
/// resumed sweep continues where it stopped. When the grid is done it starts again, and the experiment
/// stops on the repeated points.
/// </summary>
public sealed class GridSearchTuner : ITuner
{
    private readonly SearchSpace searchSpace;
    private readonly int[] counts;
    private readonly bool[] discrete;
    private readonly long size;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private long next;
    private bool exhausted;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="stepCount">How many values of each continuous or wide coordinate the grid holds (at least 2).</param>
    public GridSearchTuner(SearchSpace searchSpace, int stepCount = 10)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepCount, 2);
        this.searchSpace = searchSpace;
        IReadOnlyList<int?> distinct = searchSpace.DistinctValueCounts;
        counts = new int[distinct.Count];
        discrete = new bool[distinct.Count];
        size = 1;
        for (int i = 0; i < counts.Length; i++)
        {
            discrete[i] = distinct[i] is int n && n <= stepCount;
            counts[i] = discrete[i] ? distinct[i]!.Value : stepCount;
            size = size > long.MaxValue / counts[i] ? long.MaxValue : size * counts[i];
        }
    }

    /// <summary>Gets the number of grid points (saturated at <see cref="long.MaxValue"/>).</summary>
    public long GridSize => size;

    /// <inheritdoc/>
    public TrialSettings Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Parameter parameter = PointAt(next);
        long tried = 0;
        while (!exhausted && seen.Contains(parameter.ToJson()))
        {
            next = (next + 1) % size;
            parameter = PointAt(next);
            exhausted = ++tried >= size;
        }

        next = (next + 1) % size;
        seen.Add(parameter.ToJson());
        settings.Parameter = parameter;
        return settings;
    }

    /// <inheritdoc/>
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        seen.Add(result.TrialSettings.Parameter.ToJson());
    }

    private Parameter PointAt(long index)
    {
        var feature = new double[counts.Length];
        long rest = index;
        for (int i = 0; i < counts.Length; i++)
        {
            int k = (int)(rest % counts[i]);
            rest /= counts[i];

            // Discrete coordinates take the centre of each value's bucket; continuous ones include both ends.
            feature[i] = discrete[i] ? (k + 0.5) / counts[i] : k / (double)(counts[i] - 1);
        }

        return searchSpace.SampleFromFeatureSpace(feature);
    }
}
