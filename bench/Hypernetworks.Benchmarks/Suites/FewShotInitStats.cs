using Hypernetworks.Model;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// The fewshot suite's step-0 diagnostic (<c>--init-stats yes</c>): the target networks generated for real training
/// prototypes, per tensor, split into the part shared by all tasks (the mean over tasks) and the condition-dependent
/// part (the variance over tasks), plus the mean squared logit on the tasks' queries: the figures to compare with torch_reference.py's Hyper at step 0.
/// </summary>
internal static class FewShotInitStats
{
    /// <summary>Generates the target networks of <paramref name="batches"/> × 4 training tasks and prints one line per tensor.</summary>
    public static void Print(Hypernetwork net, FewShotEpisodes episodes, int batches)
    {
        int pixels = net.Spec.InputSize;
        int perTask = FewShotEpisodes.Ways * FewShotEpisodes.Queries;
        int rows = FewShotEpisodes.Tasks * perTask;
        var conditioning = new float[rows * net.Spec.ConditioningSize];
        var data = new float[rows * pixels];
        var labels = new float[rows];
        var logits = new float[perTask * net.OutputSize];
        IReadOnlyList<(int In, int Out)> layers = net.Spec.TargetLayerSizes;
        var sums = new double[layers.Count * 2][];
        var squares = new double[layers.Count * 2];
        for (int l = 0; l < layers.Count; l++)
        {
            sums[2 * l] = new double[layers[l].In * layers[l].Out];
            sums[(2 * l) + 1] = new double[layers[l].Out];
        }

        double logitSquares = 0;
        int tasks = 0;
        episodes.BeginEpoch(0);
        for (int b = 0; b < batches; b++)
        {
            episodes.NextBatch(rows, conditioning, data, labels);
            for (int t = 0; t < FewShotEpisodes.Tasks; t++, tasks++)
            {
                int row = t * perTask;
                TargetNetwork target = net.Materialize(conditioning.AsSpan(row * net.Spec.ConditioningSize, net.Spec.ConditioningSize));
                for (int l = 0; l < layers.Count; l++)
                {
                    Accumulate(target.Weight(l), sums[2 * l], ref squares[2 * l]);
                    Accumulate(target.Bias(l), sums[(2 * l) + 1], ref squares[(2 * l) + 1]);
                }

                target.Forward(data.AsSpan(row * pixels, perTask * pixels), logits);
                logitSquares += logits.Sum(v => (double)v * v) / logits.Length;
            }
        }

        for (int i = 0; i < sums.Length; i++)
        {
            double meanSquare = squares[i] / ((double)tasks * sums[i].Length);
            double shared = sums[i].Sum(s => (s / tasks) * (s / tasks)) / sums[i].Length;
            Console.WriteLine($"fewshot init: layer{i / 2}.{(i % 2 == 0 ? "weight" : "bias")} E[theta^2] {meanSquare:F6} shared {shared:F6} condition-dependent {meanSquare - shared:F6}");
        }

        Console.WriteLine($"fewshot init: E[logit^2] {logitSquares / tasks:F4} over {tasks} tasks");
    }

    private static void Accumulate(ReadOnlySpan<float> values, double[] sums, ref double squares)
    {
        for (int i = 0; i < values.Length; i++)
        {
            sums[i] += values[i];
            squares += (double)values[i] * values[i];
        }
    }
}
