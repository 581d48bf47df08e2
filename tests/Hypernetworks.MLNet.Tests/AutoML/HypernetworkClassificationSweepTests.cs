using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class HypernetworkClassificationSweepTests
{
    private static readonly HypernetworkTrainer.Options BaseOptions = new()
    {
        ConditioningColumnName = "Task",
        FeatureColumnName = "Features",
        LabelColumnName = "Label",
        LearningRate = 1e-2f,
        Epochs = 10,
        Seed = 3,
    };

    private static SearchSpace TrainingSpace() => new()
    {
        { "LearningRate", new UniformDoubleOption(3e-3, 3e-2, logBase: true, defaultValue: 1e-2, singlePrecision: true) },
        { "Epochs", new UniformIntOption(8, 12, defaultValue: 10) },
    };

    [Fact]
    public async Task Hypernetwork_SweepMaximisesBinaryAccuracy()
    {
        var context = new MLContext(seed: 1);
        IDataView train = context.Data.LoadFromEnumerable(Binary(LinearTaskData.Rows(8, 30, 1)));
        IDataView validation = context.Data.LoadFromEnumerable(Binary(LinearTaskData.Rows(8, 15, 2)));

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions, TrainingSpace()))
            .SetDataset(train, validation)
            .SetBinaryClassificationMetric(BinaryClassificationMetric.Accuracy)
            .SetMaxModelToExplore(2)
            .RunAsync();

        Assert.True(best.Metric > 0.8, $"Best accuracy {best.Metric}.");
    }

    [Fact]
    public async Task Hypernetwork_ReportsEachEpochsValidationLogLoss()
    {
        var context = new MLContext(seed: 1);
        IDataView train = context.Data.LoadFromEnumerable(Multiclass(LinearTaskData.Rows(8, 30, 1)));
        IDataView validation = context.Data.LoadFromEnumerable(Multiclass(LinearTaskData.Rows(8, 15, 2)));

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions, TrainingSpace()))
            .SetDataset(train, validation)
            .SetMulticlassClassificationMetric(MulticlassClassificationMetric.LogLoss)
            .SetEarlyStopping(false)
            .SetMaxModelToExplore(1)
            .RunAsync();

        Assert.Equal(10, best.IntermediateMetrics.Count);
        Assert.Equal(best.Metric, best.IntermediateMetrics[^1].Metric, 3);
        Assert.True(best.Metric < Math.Log(3), $"Log-loss {best.Metric} is no better than guessing.");
    }

    private static BinaryTaskRow[] Binary(LinearTaskRow[] rows) =>
        [.. rows.Select(r => new BinaryTaskRow { Task = r.Task, Features = r.Features, Label = r.Label > 0 })];

    private static MulticlassTaskRow[] Multiclass(LinearTaskRow[] rows) =>
        [.. rows.Select(r => new MulticlassTaskRow { Task = r.Task, Features = r.Features, Label = r.Label < -0.5f ? 0u : r.Label > 0.5f ? 2u : 1u })];

    internal sealed class BinaryTaskRow
    {
        [VectorType(2)]
        public float[] Task { get; set; } = [];

        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class MulticlassTaskRow
    {
        [VectorType(2)]
        public float[] Task { get; set; } = [];

        [VectorType(2)]
        public float[] Features { get; set; } = [];

        // ML.NET maps a class's [KeyType] uint as 0-based: 0 is the first class.
        [KeyType(3)]
        public uint Label { get; set; }
    }
}
