using Hypernetworks.Initialization;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// Cost-frugal local search (CFO / FLOW2, from the FLAML paper by Wu, Wang and Huang): start at the
/// low-cost point, try x + δu for a random unit direction u, then x − δu; move to whichever improves.
/// After a number of rounds where neither direction improved, shrink δ; when δ falls below its lower
/// bound, restart near the low-cost start. Works in the normalised feature space [0, 1]^d, so an
/// expensive region is reached only through a chain of improving, gradually costlier steps.
/// </summary>
public sealed class CostFrugalTuner : ITuner
{
    private readonly SearchSpace searchSpace;
    private readonly SeededRandom random;
    private readonly double[] start;
    private readonly double initialStep;
    private readonly double minStep;
    private readonly double shrink;
    private readonly int patience;
    private readonly Dictionary<int, Proposal> pending = [];
    private readonly Queue<(double[] Direction, int Version)> reverseDirections = new();
    private double[] incumbent;
    private double incumbentLoss = double.PositiveInfinity;
    private bool incumbentProposed;
    private int version;
    private int failedRounds;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">The tuner's settings; defaults when null.</param>
    public CostFrugalTuner(SearchSpace searchSpace, CostFrugalTunerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        options ??= new CostFrugalTunerOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MinStepSize, nameof(options));
        if (!(options.StepShrinkFactor > 0 && options.StepShrinkFactor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StepShrinkFactor, "StepShrinkFactor must lie in (0, 1).");
        }

        this.searchSpace = searchSpace;
        random = new SeededRandom(unchecked((ulong)options.Seed));
        int dim = searchSpace.FeatureSpaceDim;
        start = searchSpace.Default.ToArray();
        foreach (string name in options.LowCostParameters)
        {
            (int offset, int length) = searchSpace.GetFeatureRange(name);
            Array.Fill(start, 0.0, offset, length);
        }

        initialStep = options.InitialStepSize ?? 0.1 * Math.Sqrt(Math.Max(1, dim));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialStep, nameof(options));
        minStep = options.MinStepSize;
        shrink = options.StepShrinkFactor;
        patience = options.Patience ?? Math.Max(1, Math.Min(1 << Math.Clamp(dim - 1, 0, 20), 2 * dim));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience, nameof(options));
        incumbent = (double[])start.Clone();
        StepSize = initialStep;
    }

    /// <summary>Gets the current step length δ in feature space.</summary>
    public double StepSize { get; private set; }

    /// <summary>Gets how many times the search has restarted.</summary>
    public int RestartCount { get; private set; }

    /// <inheritdoc/>
    public TrialSettings Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double[]? direction = null;
        bool isReverse = false;
        if (incumbentProposed || !double.IsPositiveInfinity(incumbentLoss))
        {
            while (reverseDirections.Count > 0 && direction is null)
            {
                (double[] tried, int triedVersion) = reverseDirections.Dequeue();
                if (triedVersion == version)
                {
                    direction = tried.Select(d => -d).ToArray();
                    isReverse = true;
                }
            }

            direction ??= RandomDirection(StepSize);
        }

        incumbentProposed = true;
        double[] feature = Move(incumbent, direction);
        settings.Parameter = searchSpace.SampleFromFeatureSpace(feature);
        pending[settings.TrialId] = new Proposal(feature, settings.Parameter.ToJson(), direction, isReverse, version);
        return settings;
    }

    /// <inheritdoc/>
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double loss = double.IsNaN(result.Loss) ? double.PositiveInfinity : result.Loss;
        string json = result.TrialSettings.Parameter.ToJson();
        if (!pending.Remove(result.TrialSettings.TrialId, out Proposal? proposal) || proposal.ParameterJson != json)
        {
            Observe(result.TrialSettings.Parameter, loss);
            return;
        }

        if (loss < incumbentLoss)
        {
            MoveTo(proposal.Feature, loss);
            return;
        }

        if (proposal.Version != version || proposal.Direction is null)
        {
            return;
        }

        if (!proposal.IsReverse)
        {
            reverseDirections.Enqueue((proposal.Direction, version));
            return;
        }

        if (++failedRounds >= patience)
        {
            failedRounds = 0;
            StepSize *= shrink;
            if (StepSize < minStep)
            {
                Restart();
            }
        }
    }

    private void Observe(Parameter parameter, double loss)
    {
        // A trial the tuner did not propose (another worker's, or an earlier process's) is an observation:
        // when it beats the incumbent, the local search continues from there.
        if (loss < incumbentLoss)
        {
            MoveTo(searchSpace.MappingToFeatureSpace(parameter), loss);
        }
    }

    private void MoveTo(double[] feature, double loss)
    {
        incumbent = feature;
        incumbentLoss = loss;
        version++;
        failedRounds = 0;
        reverseDirections.Clear();
    }

    private void Restart()
    {
        // Restart near the low-cost start rather than anywhere: a random restart could land on an
        // expensive point, which is what the cost-frugal search avoids.
        RestartCount++;
        StepSize = initialStep;
        incumbent = Move(start, RandomDirection(initialStep));
        incumbentLoss = double.PositiveInfinity;
        incumbentProposed = false;
        version++;
        reverseDirections.Clear();
    }

    private double[] RandomDirection(double length)
    {
        var direction = new double[start.Length];
        double norm = 0;
        while (norm == 0 && direction.Length > 0)
        {
            for (int i = 0; i < direction.Length; i++)
            {
                direction[i] = random.NextGaussian();
                norm += direction[i] * direction[i];
            }
        }

        double scale = direction.Length == 0 ? 0 : length / Math.Sqrt(norm);
        for (int i = 0; i < direction.Length; i++)
        {
            direction[i] *= scale;
        }

        return direction;
    }

    private static double[] Move(double[] from, double[]? direction)
    {
        var to = new double[from.Length];
        for (int i = 0; i < to.Length; i++)
        {
            to[i] = Math.Clamp(from[i] + (direction?[i] ?? 0), 0, 1);
        }

        return to;
    }

    private sealed record Proposal(double[] Feature, string ParameterJson, double[]? Direction, bool IsReverse, int Version);
}
