using Hypernetworks.Model.Training;

namespace Hypernetworks.Model.Continual;

/// <summary>
/// A hypernetwork conditioned on a task key (the <see cref="ConditioningEncoderKind.Embedding"/> encoder) that
/// learns tasks one after another without forgetting the earlier ones (von Oswald et al., 2020, "Continual learning
/// with hypernetworks"): while new tasks are learned, the earlier tasks' embeddings stay exactly as they were (rows of
/// keys not learned yet may still decay under weight decay), the new tasks' embeddings and the generator move, and the
/// generator is pulled towards the parameters it generated for the earlier tasks before (see
/// <see cref="ContinualOptions.Regularization"/>). It owns <see cref="Network"/>, which it replaces by a grown copy
/// when a task key does not fit the table.
/// </summary>
public sealed class ContinualHypernetwork : IDisposable
{
    /// <summary>The largest task key (a saved table holds at most 2²⁴ keys).</summary>
    private const int MaxTaskKey = (1 << 24) - 1;

    private readonly SortedSet<int> _learned;

    /// <summary>
    /// Takes ownership of <paramref name="network"/>, which has learned the tasks <paramref name="learnedTasks"/>
    /// already (none for a fresh network).
    /// </summary>
    public ContinualHypernetwork(Hypernetwork network, IEnumerable<int>? learnedTasks = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        HypernetworkSpec spec = network.Spec;
        if (spec.Encoder != ConditioningEncoderKind.Embedding)
        {
            throw new ArgumentException($"The hypernetwork's conditioning encoder is {spec.Encoder}; continual learning conditions on a task key through the Embedding encoder.", nameof(network));
        }

        if (spec.Generator == GeneratorKind.LowRank && spec.LowRankBase)
        {
            throw new ArgumentException("The hypernetwork adds a learned base W₀ to its low-rank weights; W₀ is shared by every task and is not generated, so the continual regulariser cannot protect earlier tasks from it. Turn LowRankBase off.", nameof(network));
        }

        _learned = [.. learnedTasks ?? []];
        foreach (int key in _learned)
        {
            if (key < 0 || key >= spec.EmbeddingCount)
            {
                throw new ArgumentOutOfRangeException(nameof(learnedTasks), key, $"Learned task key {key} is outside the hypernetwork's table of {spec.EmbeddingCount} keys.");
            }
        }

        Network = network;
    }

    /// <summary>The hypernetwork with every task learned so far.</summary>
    public Hypernetwork Network { get; private set; }

    /// <summary>The task keys learned so far, ascending.</summary>
    public IReadOnlyCollection<int> LearnedTasks => [.. _learned];

    /// <summary>
    /// Learns the tasks whose keys appear in <paramref name="tasks"/>' conditioning (none of them learned before),
    /// regularising every earlier task. The table grows when a key does not fit it. Calibration
    /// (<see cref="TrainingOptions.CalibrateInitialization"/>) runs only for the first tasks, as later it would move
    /// every earlier task's parameters. Only the managed backend is supported. The training losses the loop reports
    /// (and checks for divergence) include the regulariser; validation losses do not.
    /// </summary>
    public TrainingResult Learn(TrainingSet tasks, TrainingOptions training, ContinualOptions continual, TrainingSet? validation = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(continual);
        continual.Validate();
        training.Validate();
        if (tasks.Rows == 0)
        {
            throw new ArgumentException($"'{nameof(tasks)}' has no rows; a task to learn needs at least one.", nameof(tasks));
        }

        if (training.Backend is not null && training.Backend != TrainingBackend.Managed)
        {
            throw new ArgumentException($"TrainingOptions.Backend is {training.Backend.Name}; continual learning runs its regulariser on the managed engine only.", nameof(training));
        }

        if (tasks.ConditioningWidth != 1)
        {
            throw new ArgumentException($"'{nameof(tasks)}' rows have {tasks.ConditioningWidth} conditioning values; continual learning reads one task key per row.", nameof(tasks));
        }

        SortedSet<int> keys = NewTaskKeys(tasks.Conditioning, nameof(tasks));
        int needed = keys.Max + 1;
        if (needed > Network.Spec.EmbeddingCount)
        {
            Hypernetwork grown = TaskTable.Grow(Network, needed, training.Seed ^ 0x7A5C);
            Network.Dispose();
            Network = grown;
        }

        using var regularizer = new OutputRegularizer(Network, [.. _learned], continual);
        TrainingOptions options = training.With(new ManagedTrainingBackend(regularizer), calibrate: _learned.Count == 0);
        TrainingResult result = new TrainingLoop(options).Fit(Network, tasks, validation, progress, cancellationToken);
        _learned.UnionWith(keys);
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => Network.Dispose();

    private SortedSet<int> NewTaskKeys(ReadOnlySpan<float> conditioning, string name)
    {
        var keys = new SortedSet<int>();
        for (int row = 0; row < conditioning.Length; row++)
        {
            float key = conditioning[row];
            if (!(key >= 0 && key <= MaxTaskKey) || key != MathF.Floor(key))
            {
                throw new ArgumentException($"Row {row} holds task key {key}; a task key is an integer in [0, {MaxTaskKey}].", name);
            }

            if (keys.Add((int)key) && _learned.Contains((int)key))
            {
                throw new ArgumentException($"Row {row} belongs to task key {(int)key}, which was learned already; continual learning adds new tasks (its earlier tasks are only regularised).", name);
            }
        }

        return keys;
    }
}
