using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;

namespace Hypernetworks.Benchmarks.Suites.Torch;

/// <summary>
/// The seed-step suite's workload, built the same way (same spec and seeds): SharedTrunk 784 → 128 → 128 → heads,
/// target 784 → 64 → 5, 4 tasks × 75 query rows (rows task by task), softmax cross-entropy labels.
/// </summary>
internal sealed class SeedWorkload
{
    public const int Ways = 5;
    public const int Tasks = 4;
    public const int Pixels = 784;
    public const int Hidden = 64;
    public const int RowsPerTask = Ways * 15;

    public SeedWorkload()
    {
        Spec = new HypernetworkSpec
        {
            ConditioningSize = Pixels, InputSize = Pixels, TargetLayerSizes = [(Pixels, Hidden), (Hidden, Ways)], HiddenSizes = [128, 128],
            Activation = Activation.Relu, GeneratorActivation = Activation.Relu, Generator = GeneratorKind.SharedTrunk,
            Task = HypernetworkTask.MulticlassClassification,
        };
        int rows = Rows;
        var random = new SeededRandom(0);
        Conditioning = new float[rows * Pixels];
        Data = new float[rows * Pixels];
        Labels = new float[rows];
        for (int t = 0; t < Tasks; t++)
        {
            var z = new float[Pixels];
            for (int i = 0; i < Pixels; i++)
            {
                z[i] = random.NextFloat();
            }

            for (int q = 0; q < RowsPerTask; q++)
            {
                z.CopyTo(Conditioning, ((t * RowsPerTask) + q) * Pixels);
            }
        }

        for (int i = 0; i < Data.Length; i++)
        {
            Data[i] = random.NextFloat();
        }

        for (int i = 0; i < rows; i++)
        {
            Labels[i] = random.NextInt(Ways);
        }
    }

    public static int Rows => Tasks * RowsPerTask;

    public HypernetworkSpec Spec { get; }

    public float[] Conditioning { get; }

    public float[] Data { get; }

    public float[] Labels { get; }
}
