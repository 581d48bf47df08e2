using Hypernetworks.Initialization;
using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;
using Microsoft.ML.SearchSpace;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>A regression row: B equals the label, A is close to it, C is far from it.</summary>
internal sealed class PickRow
{
    public float A { get; set; }

    public float B { get; set; }

    public float C { get; set; }

    public float Label { get; set; }
}

/// <summary>A binary row: B's sign always matches the label, A's is random, C's is always wrong.</summary>
internal sealed class BinaryPickRow
{
    public float A { get; set; }

    public float B { get; set; }

    public float C { get; set; }

    public bool Label { get; set; }
}

/// <summary>The options a "pick a column as the score" sweepable estimator sweeps.</summary>
internal sealed class PickOptions
{
    [Choice("A", "B", "C")]
    public string Source { get; set; } = "A";
}

/// <summary>Data where the best "model" is known: copying column B into the score.</summary>
internal static class PickColumnData
{
    public static PickRow[] Regression(int rows, ulong seed)
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, rows).Select(_ =>
        {
            float label = random.NextGaussian();
            return new PickRow { A = label + (0.3f * random.NextGaussian()), B = label, C = (-2 * label) + 1, Label = label };
        })];
    }

    public static BinaryPickRow[] Binary(int rows, ulong seed)
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, rows).Select(i =>
        {
            bool label = i % 2 == 0;
            float sign = label ? 1 : -1;
            return new BinaryPickRow { A = random.NextGaussian(), B = sign * (1 + random.NextFloat()), C = -sign * (1 + random.NextFloat()), Label = label };
        })];
    }

    /// <summary>A sweepable estimator that copies the chosen column into "Score".</summary>
    public static SweepableEstimator PickScore(MLContext context) =>
        context.Auto().CreateSweepableEstimator<PickOptions>((ctx, options) => ctx.Transforms.CopyColumns("Score", options.Source));
}
