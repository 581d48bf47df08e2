namespace Hypernetworks.Model.Training;

/// <summary>
/// Trains a <see cref="Hypernetwork"/> on its spec's task: shuffled mini-batches, Adam, AdamW or SGD, a learning-rate
/// schedule, weight decay, gradient clipping, validation and early stopping that restores the best epoch. The steps
/// run on <see cref="TrainingOptions.Backend"/> (the managed engine by default). Batch memory is allocated once, so
/// managed steps allocate nothing once warm.
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

    /// <summary>
    /// Trains on the batches of <paramref name="source"/>, validating on <paramref name="validation"/> if given, on
    /// <see cref="TrainingOptions.Backend"/>. The network holds the trained parameters afterwards, also when training
    /// is cancelled or diverges (then those of the last good step).
    /// </summary>
    public TrainingResult Fit(Hypernetwork network, ITrainingBatchSource source, TrainingSet? validation = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(source);
        using TrainingSession session = (Options.Backend ?? TrainingBackend.Managed).Open(network, Options);
        try
        {
            TrainingResult result = Run(network, session, source, validation, progress, cancellationToken);
            session.WriteParameters();
            return result;
        }
        catch (Exception e) when (e is OperationCanceledException or TrainingDivergedException)
        {
            session.WriteParameters();
            throw;
        }
    }

    /// <summary>The mean loss of the spec's task over <paramref name="set"/>, in batches of the batch size.</summary>
    public float Evaluate(Hypernetwork network, TrainingSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(set);
        CheckWidths(network, set, nameof(set));
        return MeanLoss(set, (c, d, l) => network.ComputeLoss(c, d, l), cancellationToken);
    }

    private TrainingResult Run(Hypernetwork network, TrainingSession session, ITrainingBatchSource source, TrainingSet? validation, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        HypernetworkSpec spec = network.Spec;
        int batchSize = Options.BatchSize;
        var conditioning = new float[batchSize * spec.ConditioningSize];
        var data = new float[batchSize * spec.InputSize];
        var labels = new float[batchSize * network.LabelSize];
        bool earlyStopping = validation is not null && Options.EarlyStoppingPatience > 0;
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
                float loss = Step(session, conditioning.AsSpan(0, rows * spec.ConditioningSize), data.AsSpan(0, rows * spec.InputSize), labels.AsSpan(0, rows * network.LabelSize), epoch, step);
                lossSum += loss * (double)rows;
                lossRows += rows;
                step++;
            }

            epoch++;
            epochLoss = lossRows == 0 ? float.NaN : (float)(lossSum / lossRows);
            float validationLoss = validation is null ? float.NaN : Evaluate(session, validation, cancellationToken);
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
                if (earlyStopping)
                {
                    session.SaveCheckpoint();
                }
            }
            else if (earlyStopping && epoch - bestEpoch >= Options.EarlyStoppingPatience)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (earlyStopping && bestEpoch > 0 && bestEpoch != epoch)
        {
            session.RestoreCheckpoint();
        }
        else if (!earlyStopping)
        {
            bestEpoch = epoch;
        }

        // Without early stopping the model keeps its last epoch, so that is the epoch (and loss) to report.
        float reportedLoss = earlyStopping ? bestLoss : lastValidationLoss;
        return new TrainingResult(epoch, step, epochLoss, bestEpoch, reportedLoss, stoppedEarly);
    }

    private float Evaluate(TrainingSession session, TrainingSet set, CancellationToken cancellationToken) =>
        MeanLoss(set, (c, d, l) => session.ComputeLoss(c, d, l), cancellationToken);

    /// <summary>The row-weighted mean of a batch loss over <paramref name="set"/>, in batches of the options' size.</summary>
    private float MeanLoss(TrainingSet set, BatchLoss loss, CancellationToken cancellationToken)
    {
        int c = set.ConditioningWidth, d = set.DataWidth, l = set.LabelWidth;
        double total = 0;
        for (int first = 0; first < set.Rows; first += Options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(Options.BatchSize, set.Rows - first);
            total += loss(set.Conditioning.Slice(first * c, rows * c), set.Data.Slice(first * d, rows * d), set.Labels.Slice(first * l, rows * l)) * (double)rows;
        }

        return (float)(total / set.Rows);
    }

    private float Step(TrainingSession session, ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, int epoch, int step)
    {
        GradientStep result = session.ComputeGradients(conditioning, data, labels);
        float loss = result.Loss;
        if (!float.IsFinite(loss))
        {
            throw new TrainingDivergedException($"Training diverged at step {step} (epoch {epoch + 1}): the loss is {loss}. Lower the learning rate, enable gradient clipping or check the data's scale.");
        }

        if (Options.GradientClipNorm > 0 && !float.IsFinite(result.GradientNorm))
        {
            throw new TrainingDivergedException($"Training diverged at step {step} (epoch {epoch + 1}): the gradient norm is {result.GradientNorm}.");
        }

        session.Update(Options.Schedule?.RateAt(step, Options.LearningRate) ?? Options.LearningRate);
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

    private delegate float BatchLoss(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels);
}
