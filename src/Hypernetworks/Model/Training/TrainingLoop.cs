using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Training;

/// <summary>
/// Trains a <see cref="Hypernetwork"/> on its spec's task: shuffled mini-batches, Adam or AdamW, a learning-rate
/// schedule, weight decay, gradient clipping, validation and early stopping that restores the best epoch. Batch
/// memory is allocated once, so steps allocate nothing once warm.
/// </summary>
public sealed class TrainingLoop
{
    /// <summary>Creates a trainer with the given options (validated here).</summary>
    public TrainingLoop(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>
    /// Trains on in-memory rows. Without <paramref name="validation"/>, <see cref="TrainingOptions.ValidationFraction"/>
    /// of the rows are held out.
    /// </summary>
    public TrainingResult Fit(Hypernetwork network, TrainingSet train, TrainingSet? validation = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        if (validation is null && Options.ValidationFraction > 0)
        {
            (train, validation) = train.Split(Options.ValidationFraction, Options.Seed ^ 0x5EED);
        }

        CheckWidths(network, train, nameof(train));
        if (validation is not null)
        {
            CheckWidths(network, validation, nameof(validation));
        }

        if (Options.CalibrateInitialization)
        {
            network.CalibrateInitialization(train.Conditioning);
        }

        return Fit(network, new ShuffledBatches(train, Options.Shuffle, Options.Seed), validation, progress, cancellationToken);
    }

    /// <summary>Trains on the batches of <paramref name="source"/>, validating on <paramref name="validation"/> if given.</summary>
    public TrainingResult Fit(Hypernetwork network, ITrainingBatchSource source, TrainingSet? validation = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(source);
        HypernetworkSpec spec = network.Spec;
        int batchSize = Options.BatchSize;
        var conditioning = new float[batchSize * spec.ConditioningSize];
        var data = new float[batchSize * spec.InputSize];
        var labels = new float[batchSize * network.LabelSize];
        using Optimizer optimizer = Options.Optimizer == OptimizerKind.AdamW
            ? new AdamW(network.Parameters, Options.LearningRate, weightDecay: Options.WeightDecay)
            : new Adam(network.Parameters, Options.LearningRate, weightDecay: Options.WeightDecay);
        float[][]? best = validation is not null && Options.EarlyStoppingPatience > 0 ? [.. network.Parameters.Select(p => new float[p.Length])] : null;
        float bestLoss = float.PositiveInfinity;
        int bestEpoch = 0, epoch = 0, step = 0;
        float epochLoss = float.NaN;
        float lastValidationLoss = float.NaN;
        bool stoppedEarly = false;
        while (epoch < Options.Epochs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            source.BeginEpoch(epoch);
            double lossSum = 0;
            int lossRows = 0;
            int rows;
            while ((rows = source.NextBatch(batchSize, conditioning, data, labels)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                float loss = Step(network, optimizer, conditioning.AsSpan(0, rows * spec.ConditioningSize), data.AsSpan(0, rows * spec.InputSize), labels.AsSpan(0, rows * network.LabelSize), epoch, step);
                lossSum += loss * (double)rows;
                lossRows += rows;
                step++;
            }

            epoch++;
            epochLoss = lossRows == 0 ? float.NaN : (float)(lossSum / lossRows);
            float validationLoss = validation is null ? float.NaN : Evaluate(network, validation, cancellationToken);
            lastValidationLoss = validationLoss;
            progress?.Report(new TrainingProgress(epoch, step, epochLoss, validationLoss));
            if (validation is null)
            {
                bestEpoch = epoch;
                continue;
            }

            if (validationLoss < bestLoss)
            {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                if (best is not null)
                {
                    Snapshot(network.Parameters, best);
                }
            }
            else if (best is not null && epoch - bestEpoch >= Options.EarlyStoppingPatience)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (best is not null && bestEpoch > 0 && bestEpoch != epoch)
        {
            Restore(network.Parameters, best);
        }
        else if (best is null)
        {
            bestEpoch = epoch;
        }

        // Without early stopping the model keeps its last epoch, so that is the epoch (and loss) to report.
        float reportedLoss = best is null ? lastValidationLoss : bestLoss;
        return new TrainingResult(epoch, step, epochLoss, bestEpoch, reportedLoss, stoppedEarly);
    }

    /// <summary>The mean loss of the spec's task over <paramref name="set"/>, in batches of the batch size.</summary>
    public float Evaluate(Hypernetwork network, TrainingSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(set);
        CheckWidths(network, set, nameof(set));
        int c = set.ConditioningWidth, d = set.DataWidth, l = set.LabelWidth;
        double total = 0;
        for (int first = 0; first < set.Rows; first += Options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(Options.BatchSize, set.Rows - first);
            float loss = network.ComputeLoss(set.Conditioning.Slice(first * c, rows * c), set.Data.Slice(first * d, rows * d), set.Labels.Slice(first * l, rows * l));
            total += loss * (double)rows;
        }

        return (float)(total / set.Rows);
    }

    private float Step(Hypernetwork network, Optimizer optimizer, ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, int epoch, int step)
    {
        optimizer.ZeroGradients();
        float loss = network.ComputeGradients(conditioning, data, labels);
        if (!float.IsFinite(loss))
        {
            throw new TrainingDivergedException($"Training diverged at step {step} (epoch {epoch + 1}): the loss is {loss}. Lower the learning rate, enable gradient clipping or check the data's scale.");
        }

        if (Options.GradientClipNorm > 0)
        {
            float norm = GradientClipping.ClipByGlobalNorm(optimizer.Parameters, Options.GradientClipNorm);
            if (!float.IsFinite(norm))
            {
                throw new TrainingDivergedException($"Training diverged at step {step} (epoch {epoch + 1}): the gradient norm is {norm}.");
            }
        }

        optimizer.LearningRate = Options.Schedule?.RateAt(step, Options.LearningRate) ?? Options.LearningRate;
        optimizer.Step();
        return loss;
    }

    private static void CheckWidths(Hypernetwork network, TrainingSet set, string name)
    {
        HypernetworkSpec spec = network.Spec;
        if (set.ConditioningWidth != spec.ConditioningSize || set.DataWidth != spec.InputSize || set.LabelWidth != network.LabelSize)
        {
            throw new ArgumentException($"'{name}' rows have {set.ConditioningWidth} conditioning, {set.DataWidth} data and {set.LabelWidth} label values; the hypernetwork expects {spec.ConditioningSize}, {spec.InputSize} and {network.LabelSize}.", name);
        }
    }

    private static void Snapshot(IReadOnlyList<Parameter> parameters, float[][] copy)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].Value.Span.CopyTo(copy[i]);
        }
    }

    private static void Restore(IReadOnlyList<Parameter> parameters, float[][] copy)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            copy[i].CopyTo(parameters[i].Value.Span);
        }
    }
}
