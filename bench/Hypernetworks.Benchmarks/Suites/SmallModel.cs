using Hypernetworks.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>An input row of the small prediction model: conditioning 8, features 16.</summary>
internal sealed class SmallModelRow
{
    [VectorType(SmallModel.ConditioningSize)]
    public float[] Conditioning { get; set; } = [];

    [VectorType(SmallModel.FeatureSize)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>The score of the small prediction model.</summary>
internal sealed class SmallModelScore
{
    public float Score { get; set; }
}

/// <summary>The model of the predict and score suites: conditioning 8, features 16, target 16 → 64 → 1, generator [64, 64].</summary>
internal static class SmallModel
{
    public const int ConditioningSize = 8;
    public const int FeatureSize = 16;

    /// <summary>Rows whose conditioning cycles through <paramref name="distinctConditionings"/> random vectors.</summary>
    public static List<SmallModelRow> Rows(int count, int distinctConditionings, int seed)
    {
        var random = new Random(seed);
        float[][] conditionings = [.. Enumerable.Range(0, distinctConditionings).Select(_ => Vector(random, ConditioningSize))];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            float[] features = Vector(random, FeatureSize);
            return new SmallModelRow { Conditioning = conditionings[i % distinctConditionings], Features = features, Label = features.Sum() * conditionings[i % distinctConditionings][0] };
        })];
    }

    /// <summary>The model fitted for one epoch (its weights do not matter for speed).</summary>
    public static HypernetworkTransformer Fit(MLContext context, List<SmallModelRow> rows) =>
        context.Regression.Trainers.Hypernetwork(new HypernetworkTrainer.Options
        {
            HiddenSizes = [64, 64],
            TargetHiddenSizes = [64],
            Epochs = 1,
            Seed = 1,
        }).Fit(context.Data.LoadFromEnumerable(rows));

    private static float[] Vector(Random random, int size) => [.. Enumerable.Range(0, size).Select(_ => (float)((random.NextDouble() * 2) - 1))];
}
