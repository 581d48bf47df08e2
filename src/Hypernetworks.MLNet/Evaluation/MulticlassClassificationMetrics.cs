namespace Hypernetworks.MLNet;

/// <summary>
/// Multiclass classification quality with ML.NET's names and definitions. Log-losses are in nats, as in
/// ML.NET's multiclass evaluator. The predicted class is the highest score, the lowest index among ties.
/// </summary>
public sealed class MulticlassClassificationMetrics
{
    /// <summary>Probabilities are clipped below at ε before the logarithm, as in ML.NET.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>Creates metrics from their values (for aggregating folds or tests).</summary>
    /// <param name="microAccuracy">See <see cref="MicroAccuracy"/>.</param>
    /// <param name="macroAccuracy">See <see cref="MacroAccuracy"/>.</param>
    /// <param name="logLoss">See <see cref="LogLoss"/>.</param>
    /// <param name="logLossReduction">See <see cref="LogLossReduction"/>.</param>
    /// <param name="topKPredictionCount">See <see cref="TopKPredictionCount"/>.</param>
    /// <param name="topKAccuracyForAllK">See <see cref="TopKAccuracyForAllK"/>: one value for each K from 1 to <paramref name="topKPredictionCount"/>.</param>
    /// <param name="perClassLogLoss">See <see cref="PerClassLogLoss"/>.</param>
    /// <param name="confusionMatrix">See <see cref="ConfusionMatrix"/>.</param>
    public MulticlassClassificationMetrics(
        double microAccuracy, double macroAccuracy, double logLoss, double logLossReduction,
        int topKPredictionCount, IReadOnlyList<double> topKAccuracyForAllK, IReadOnlyList<double> perClassLogLoss, ConfusionMatrix confusionMatrix)
    {
        ArgumentNullException.ThrowIfNull(topKAccuracyForAllK);
        ArgumentNullException.ThrowIfNull(perClassLogLoss);
        ArgumentNullException.ThrowIfNull(confusionMatrix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topKPredictionCount);
        if (topKAccuracyForAllK.Count != topKPredictionCount)
        {
            throw new ArgumentException($"{topKAccuracyForAllK.Count} top-K accuracies were given; K = {topKPredictionCount} needs one for each K from 1 to {topKPredictionCount}.", nameof(topKAccuracyForAllK));
        }

        MicroAccuracy = microAccuracy;
        MacroAccuracy = macroAccuracy;
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        TopKPredictionCount = topKPredictionCount;
        TopKAccuracyForAllK = [.. topKAccuracyForAllK];
        PerClassLogLoss = [.. perClassLogLoss];
        ConfusionMatrix = confusionMatrix;
    }

    /// <summary>Fraction of rows whose predicted class is the label.</summary>
    public double MicroAccuracy { get; }

    /// <summary>Mean over the classes that occur in the labels of the fraction of their rows predicted right.</summary>
    public double MacroAccuracy { get; }

    /// <summary>Mean of −ln of the probability given to the true class (clipped below at <see cref="LogLossEpsilon"/>).</summary>
    public double LogLoss { get; }

    /// <summary>
    /// (prior log-loss − <see cref="LogLoss"/>) / prior log-loss, where the prior log-loss is the entropy of the
    /// labels' class frequencies: 1 is perfect, 0 no better than the prior. NaN when only one class occurs.
    /// </summary>
    public double LogLossReduction { get; }

    /// <summary>The K of <see cref="TopKAccuracy"/>.</summary>
    public int TopKPredictionCount { get; }

    /// <summary>Fraction of rows whose true class is among the K highest scores (ties ranked by class index).</summary>
    public double TopKAccuracy => TopKAccuracyForAllK[^1];

    /// <summary>The top-K accuracy for each K from 1 to <see cref="TopKPredictionCount"/>.</summary>
    public IReadOnlyList<double> TopKAccuracyForAllK { get; }

    /// <summary>The log-loss over the rows of each class; NaN for a class with no rows.</summary>
    public IReadOnlyList<double> PerClassLogLoss { get; }

    /// <summary>The confusion matrix (true class in rows, predicted class in columns).</summary>
    public ConfusionMatrix ConfusionMatrix { get; }

    /// <summary>Computes the metrics.</summary>
    /// <param name="labels">The true classes, 0-based, each below <paramref name="classCount"/>.</param>
    /// <param name="scores">Row-major rows × <paramref name="classCount"/> class probabilities, each in [0, 1].</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="topK">The K of <see cref="TopKAccuracy"/>, from 1 to <paramref name="classCount"/>.</param>
    /// <exception cref="ArgumentException">The input is empty, the lengths differ, or a value is out of range.</exception>
    public static MulticlassClassificationMetrics Compute(ReadOnlySpan<int> labels, ReadOnlySpan<float> scores, int classCount, int topK = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topK, classCount);
        MetricChecks.NotEmpty(labels.Length, nameof(labels));
        if ((long)labels.Length * classCount != scores.Length)
        {
            throw new ArgumentException($"'scores' has {scores.Length} values; {labels.Length} rows of {classCount} classes need {(long)labels.Length * classCount}.", nameof(scores));
        }

        MetricChecks.Probabilities(scores, nameof(scores), classCount);
        var counts = new double[classCount][];
        for (int c = 0; c < classCount; c++)
        {
            counts[c] = new double[classCount];
        }

        var classLogLoss = new double[classCount];
        var classRows = new long[classCount];
        var rankCounts = new long[topK];
        long correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if ((uint)label >= (uint)classCount)
            {
                throw new ArgumentException($"'labels' holds {label} at row {i}; classes are 0 to {classCount - 1}.", nameof(labels));
            }

            ReadOnlySpan<float> row = scores.Slice(i * classCount, classCount);
            int predicted = 0, rank = 0;
            for (int c = 0; c < classCount; c++)
            {
                predicted = row[c] > row[predicted] ? c : predicted;
                rank += row[c] > row[label] || (row[c] == row[label] && c < label) ? 1 : 0;
            }

            counts[label][predicted]++;
            correct += predicted == label ? 1 : 0;
            if (rank < topK)
            {
                rankCounts[rank]++;
            }

            classLogLoss[label] -= Math.Log(Math.Max(row[label], LogLossEpsilon));
            classRows[label]++;
        }

        double n = labels.Length;
        double logLoss = classLogLoss.Sum() / n;
        double priorLogLoss = 0, accuracySum = 0;
        int presentClasses = 0;
        for (int c = 0; c < classCount; c++)
        {
            if (classRows[c] > 0)
            {
                double frequency = classRows[c] / n;
                priorLogLoss -= frequency * Math.Log(frequency);
                accuracySum += counts[c][c] / classRows[c];
                presentClasses++;
            }
        }

        return new MulticlassClassificationMetrics(
            microAccuracy: correct / n,
            macroAccuracy: accuracySum / presentClasses,
            logLoss: logLoss,
            logLossReduction: priorLogLoss == 0 ? double.NaN : (priorLogLoss - logLoss) / priorLogLoss,
            topKPredictionCount: topK,
            topKAccuracyForAllK: CumulativeFractions(rankCounts, n),
            perClassLogLoss: [.. Enumerable.Range(0, classCount).Select(c => classRows[c] == 0 ? double.NaN : classLogLoss[c] / classRows[c])],
            confusionMatrix: new ConfusionMatrix(counts));
    }

    private static double[] CumulativeFractions(long[] counts, double total)
    {
        var fractions = new double[counts.Length];
        long running = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            running += counts[k];
            fractions[k] = running / total;
        }

        return fractions;
    }
}
