using Hypernetworks.MLNet.AutoML;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class HypernetworkSweepTests
{
    private static readonly HypernetworkTrainer.Options BaseOptions = new()
    {
        ConditioningColumnName = "Task",
        FeatureColumnName = "Features",
        LabelColumnName = "Label",
        Epochs = 6,
        Seed = 3,
    };

    private static (MLContext Context, IDataView Train, IDataView Validation) Data()
    {
        var context = new MLContext(seed: 1);
        return (context, context.Data.LoadFromEnumerable(LinearTaskData.Rows(8, 30, 1)), context.Data.LoadFromEnumerable(LinearTaskData.Rows(8, 15, 2)));
    }

    /// <summary>A small space so trials stay fast: the default's cheap start, with only training settings swept.</summary>
    private static SearchSpace SmallSpace()
    {
        var space = new SearchSpace<HypernetworkSearchOptions>();
        foreach (string key in new[] { "HiddenSizes", "TargetHiddenSizes", "Generator", "ChunkSize", "Rank", "WeightDecay" })
        {
            space.Remove(key);
        }

        space["Epochs"] = new UniformIntOption(4, 12, logBase: false, defaultValue: 6);
        return space;
    }

    [Fact]
    public async Task Hypernetwork_SweepEndToEnd_LearnsTheTasks()
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        var monitor = new RecordingMonitor();

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions, SmallSpace()))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetCostFrugalTuner()
            .SetEarlyStopping(false)
            .SetMaxModelToExplore(3)
            .SetMonitor(monitor)
            .RunAsync();

        float[] labels = [.. LinearTaskData.Rows(8, 15, 2).Select(r => r.Label)];
        double labelSpread = Math.Sqrt(labels.Average(l => (double)l * l) - Math.Pow(labels.Average(), 2));
        Assert.Equal(3, monitor.Completed.Count);
        Assert.Equal(monitor.Completed.Min(r => r.Metric), best.Metric);
        Assert.True(best.Metric < 0.5 * labelSpread, $"Best RMSE {best.Metric} against a label spread of {labelSpread}.");
        Assert.NotNull(best.Model);
    }

    [Fact]
    public async Task Hypernetwork_ReportsEachEpochsValidationRmse()
    {
        (MLContext context, IDataView train, IDataView validation) = Data();

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions, SmallSpace()))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetEarlyStopping(false)
            .SetMaxModelToExplore(1)
            .RunAsync();

        Assert.Equal(Enumerable.Range(1, 6), best.IntermediateMetrics.Select(m => m.Epoch));
        Assert.Equal(best.Metric, best.IntermediateMetrics[^1].Metric, 3);
    }

    [Fact]
    public async Task Hypernetwork_EarlyStoppingStopsPoorTrials()
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        var store = TrialStore.InMemory();

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions, SmallSpace()))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetRandomSearchTuner()
            .SetEarlyStopping(minEpochs: 1, reductionFactor: 2)
            .SetMaxModelToExplore(6)
            .SetTrialStore(store)
            .RunAsync();

        IReadOnlyList<TrialRecord> trials = await store.LoadTrialsAsync(default);
        Assert.Contains(trials, t => t.Status == TrialStatus.Stopped);
        TrialRecord stopped = trials.First(t => t.Status == TrialStatus.Stopped);
        Assert.Equal(stopped.Curve[^1].Metric, stopped.Metric);
        Assert.NotNull(best.Model);
    }

    [Fact]
    public async Task Hypernetwork_BestModelSavesAndLoads()
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(context.Transforms.NormalizeMeanVariance("Features").Append(context.Auto().Hypernetwork(BaseOptions, SmallSpace())))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetMaxModelToExplore(2)
            .SetRetrainOnFullData()
            .RunAsync();
        string path = Path.Combine(Path.GetTempPath(), $"hn-automl-hypernetwork-{Guid.NewGuid():N}.zip");

        try
        {
            context.Model.Save(best.Model!, train.Schema, path);
            ITransformer fast = context.Model.LoadHypernetwork(path, out _);
            ITransformer stock = context.Model.Load(path, out _);

            var expected = Scores(context, best.Model!, validation);
            Assert.Equal(expected, Scores(context, fast, validation));
            Assert.All(expected.Zip(Scores(context, stock, validation)), p => Assert.Equal(p.First, p.Second, 1e-5 * Math.Max(1, Math.Abs(p.First))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Hypernetwork_SweepsAfterStockTransformsAndValidatesOnTheirOutput()
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        var options = new HypernetworkTrainer.Options
        {
            ConditioningColumnName = "Condition",
            FeatureColumnName = "Features",
            LabelColumnName = "Label",
            Epochs = 6,
            Seed = 3,
        };
        SweepablePipeline pipeline = context.Transforms.NormalizeMinMax("Features")
            .Append(context.Transforms.Concatenate("Condition", "Task"))
            .Append(context.Auto().Hypernetwork(options, SmallSpace()));

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(pipeline)
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetEarlyStopping(false)
            .SetMaxModelToExplore(2)
            .RunAsync();

        // The trainer's per-epoch validation RMSE is taken on the validation rows as the fitted stock transforms leave them.
        Assert.Equal(best.Metric, best.IntermediateMetrics[^1].Metric, 3);
        var chain = Assert.IsType<TransformerChain<ITransformer>>(best.Model);
        Assert.IsType<HypernetworkTransformer>(chain.LastTransformer);
        Assert.Equal(best.Metric, context.Regression.Evaluate(best.Model!.Transform(validation)).RootMeanSquaredError, 6);
    }

    [Fact]
    public void Hypernetwork_ThrowsForASearchSpaceNamingAnUnknownOption()
    {
        var context = new MLContext(seed: 1);
        var space = new SearchSpace { { "Momentum", new UniformDoubleOption(0, 1) } };

        Assert.Throws<ArgumentException>(() => context.Auto().Hypernetwork(BaseOptions, space));
    }

    [Theory]
    [InlineData(GeneratorKind.Chunked)]
    [InlineData(GeneratorKind.LowRank)]
    public async Task Hypernetwork_CutsAChunkSizeOrRankTooLargeForTheTarget(GeneratorKind generator)
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        var space = new SearchSpace
        {
            { "Generator", new ChoiceOption(generator) },
            { "ChunkSize", new UniformIntOption(900, 1000) },
            { "Rank", new UniformIntOption(20, 30) },
            { "Epochs", new UniformIntOption(2, 3) },
        };
        var monitor = new RecordingMonitor();

        await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions, space))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetMaxModelToExplore(2)
            .SetMonitor(monitor)
            .RunAsync();

        Assert.Empty(monitor.Failed);
        Assert.Equal(2, monitor.Completed.Count);
    }

    private static float[] Scores(MLContext context, ITransformer model, IDataView data) =>
        [.. context.Data.CreateEnumerable<ScoreRow>(model.Transform(data), reuseRowObject: false, ignoreMissingColumns: true).Select(r => r.Score)];
}
