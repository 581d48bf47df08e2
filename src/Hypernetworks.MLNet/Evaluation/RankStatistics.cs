namespace Hypernetworks.MLNet;

/// <summary>Areas under the ROC and precision-recall curves of binary scores, with tied scores grouped.</summary>
internal static class RankStatistics
{
    /// <summary>
    /// The probability that a random positive scores above a random negative, a tie counting one half
    /// (the Mann-Whitney statistic with average ranks for ties).
    /// </summary>
    public static double AreaUnderRoc(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, long positives, long negatives)
    {
        int[] order = SortedIndices(scores, descending: false);
        double positiveRankSum = 0;
        int start = 0;
        while (start < order.Length)
        {
            int end = GroupEnd(order, scores, start);
            double averageRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++)
            {
                positiveRankSum += labels[order[k]] ? averageRank : 0;
            }

            start = end;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision: Σ (recallₖ − recallₖ₋₁) · precisionₖ over the distinct score thresholds, highest
    /// first, all rows of a tied score entering at the same threshold.
    /// </summary>
    public static double AreaUnderPrecisionRecall(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, long positives)
    {
        int[] order = SortedIndices(scores, descending: true);
        double area = 0, previousRecall = 0;
        long truePositives = 0, predicted = 0;
        int start = 0;
        while (start < order.Length)
        {
            int end = GroupEnd(order, scores, start);
            for (int k = start; k < end; k++)
            {
                truePositives += labels[order[k]] ? 1 : 0;
            }

            predicted += end - start;
            double recall = (double)truePositives / positives;
            area += (recall - previousRecall) * ((double)truePositives / predicted);
            previousRecall = recall;
            start = end;
        }

        return area;
    }

    private static int[] SortedIndices(ReadOnlySpan<float> scores, bool descending)
    {
        float[] keys = scores.ToArray();
        int[] order = [.. Enumerable.Range(0, keys.Length)];
        Array.Sort(keys, order);
        if (descending)
        {
            Array.Reverse(order);
        }

        return order;
    }

    private static int GroupEnd(int[] order, ReadOnlySpan<float> scores, int start)
    {
        int end = start + 1;
        while (end < order.Length && scores[order[end]] == scores[order[start]])
        {
            end++;
        }

        return end;
    }
}
