using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// Folds the feature standardisation x' = (x - m) · s into a target network's first layer, so that the network reads
/// the feature column's values as they are: W' = W · diag(s) and b' = b - W · (m ⊙ s).
/// </summary>
internal static class StandardizedTargetNetwork
{
    /// <summary>The network that gives, on raw features, what <paramref name="network"/> gives on standardised ones.</summary>
    public static TargetNetwork Fold(TargetNetwork network, ColumnStandardization features)
    {
        (int inputs, int outputs) = network.LayerSizes[0];
        ReadOnlySpan<float> weight = network.Weight(0);
        float[] folded = new float[inputs * outputs];
        float[] bias = network.Bias(0).ToArray();
        for (int o = 0; o < outputs; o++)
        {
            double shift = 0;
            for (int i = 0; i < inputs; i++)
            {
                float w = weight[(o * inputs) + i];
                folded[(o * inputs) + i] = w * features.Scale[i];
                shift += (double)w * features.Scale[i] * features.Mean[i];
            }

            bias[o] = (float)(bias[o] - shift);
        }

        var weights = new List<float[]> { folded };
        var biases = new List<float[]> { bias };
        for (int l = 1; l < network.LayerSizes.Count; l++)
        {
            weights.Add(network.Weight(l).ToArray());
            biases.Add(network.Bias(l).ToArray());
        }

        return new TargetNetwork(network.LayerSizes, weights, biases, network.Activation);
    }
}
