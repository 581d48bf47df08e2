using System.Collections.Concurrent;
using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.SearchSpace;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class PipelineExperimentTests
{
    private static (IDataView Train, IDataView Validation) RegressionSets(MLContext context) =>
        (context.Data.LoadFromEnumerable(PickColumnData.Regression(120, 1)), context.Data.LoadFromEnumerable(PickColumnData.Regression(60, 2)));

    private static string Source(TrialResult result, string key = "e0") => result.TrialSettings.Parameter[key]["Source"].AsType<string>();

    [Fact]
    public async Task RunAsync_MinimisesRootMeanSquaredError()
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(PickColumnData.PickScore(context))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .RunAsync();

        Assert.Equal("B", Source(best));
        Assert.Equal(0, best.Metric, 6);
    }

    [Fact]
    public async Task RunAsync_MaximisesRSquared()
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(PickColumnData.PickScore(context))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RSquared)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .RunAsync();

        Assert.Equal("B", Source(best));
        Assert.Equal(1, best.Metric, 6);
    }

    [Fact]
    public async Task RunAsync_MaximisesAccuracy()
    {
        var context = new MLContext(seed: 1);
        var monitor = new RecordingMonitor();

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(PickColumnData.PickScore(context))
            .SetDataset(context.Data.LoadFromEnumerable(PickColumnData.Binary(80, 3)), context.Data.LoadFromEnumerable(PickColumnData.Binary(40, 4)))
            .SetBinaryClassificationMetric(BinaryClassificationMetric.Accuracy)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .SetMonitor(monitor)
            .RunAsync();

        Assert.Equal("B", Source(best));
        Assert.Equal(1, best.Metric);
        Assert.Equal(0, monitor.Completed.Single(r => Source(r) == "C").Metric);
    }

    [Fact]
    public async Task Append_OnAStockEstimatorChainMakesASweepablePipeline()
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);
        EstimatorChain<ITransformer> chain = context.Transforms.CopyColumns("Copy", "A").Append<ITransformer>(context.Transforms.CopyColumns("Copy2", "C"));
        SweepablePipeline pipeline = chain.Append(PickColumnData.PickScore(context));

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(pipeline)
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.MeanAbsoluteError)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .RunAsync();

        Assert.Equal(2, pipeline.Count);
        Assert.Equal("B", Source(best, "e1"));
        var model = Assert.IsAssignableFrom<ITransformer>(best.Model);
        Assert.NotNull(model.GetOutputSchema(train.Schema).GetColumnOrNull("Copy2"));
    }

    [Fact]
    public async Task SetDataset_WithFoldsScoresTheMeanOverTheStockFolds()
    {
        var context = new MLContext(seed: 1);
        IDataView data = context.Data.LoadFromEnumerable(PickColumnData.Regression(90, 5));
        var monitor = new RecordingMonitor();

        await context.Auto().CreateExperiment()
            .SetPipeline(PickColumnData.PickScore(context))
            .SetDataset(data, fold: 3, seed: 7)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .SetMonitor(monitor)
            .RunAsync();

        double expected = context.Data.CrossValidationSplit(data, 3, seed: 7)
            .Select(split => context.Data.CreateEnumerable<PickRow>(split.TestSet, reuseRowObject: false).ToArray())
            .Select(held => Math.Sqrt(held.Average(r => (double)(r.A - r.Label) * (r.A - r.Label))))
            .Average();
        Assert.Equal(expected, monitor.Completed.Single(r => Source(r) == "A").Metric, 5);
    }

    [Fact]
    public async Task SweepableEstimator_IsBuiltWithEachTrialsParameter()
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);
        var built = new ConcurrentBag<string>();
        SweepableEstimator sweepable = context.Auto().CreateSweepableEstimator<PickOptions>((ctx, options) =>
        {
            built.Add(options.Source);
            return ctx.Transforms.CopyColumns("Score", options.Source);
        });
        var monitor = new RecordingMonitor();

        await context.Auto().CreateExperiment()
            .SetPipeline(sweepable)
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetRandomSearchTuner()
            .SetMaxModelToExplore(3)
            .SetMonitor(monitor)
            .RunAsync();

        Assert.Equal(monitor.Completed.Select(r => Source(r)).Order(), built.Order());
    }

    [Fact]
    public async Task RunAsync_RecordsAFailingPipelineAndGoesOn()
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);
        var store = TrialStore.InMemory();
        var monitor = new RecordingMonitor();
        SweepableEstimator sweepable = context.Auto().CreateSweepableEstimator<MissingColumnOptions>(
            (ctx, options) => ctx.Transforms.CopyColumns("Score", options.Source));

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(sweepable)
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .SetTrialStore(store)
            .SetMonitor(monitor)
            .RunAsync();

        TrialRecord failed = Assert.Single(await store.LoadTrialsAsync(default), t => t.Status == TrialStatus.Failed);
        Assert.Contains("Missing", failed.Error, StringComparison.Ordinal);
        Assert.Single(monitor.Failed);
        Assert.Equal("B", Source(best));
    }

    [Fact]
    public async Task BestModel_SavesAsZipAndLoads()
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);
        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(PickColumnData.PickScore(context))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .RunAsync();
        string path = Path.Combine(Path.GetTempPath(), $"hn-automl-best-{Guid.NewGuid():N}.zip");

        try
        {
            context.Model.Save(Assert.IsAssignableFrom<ITransformer>(best.Model), train.Schema, path);
            ITransformer loaded = context.Model.Load(path, out DataViewSchema schema);

            PickRow[] rows = PickColumnData.Regression(10, 9);
            float[] scores = [.. context.Data.CreateEnumerable<ScoreRow>(loaded.Transform(context.Data.LoadFromEnumerable(rows)), reuseRowObject: false, ignoreMissingColumns: true).Select(r => r.Score)];
            Assert.Equal(rows.Select(r => r.Label), scores);
            Assert.NotNull(schema.GetColumnOrNull("B"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(false, 120)]
    [InlineData(true, 180)]
    public async Task SetRetrainOnFullData_DecidesWhatTheBestPipelineIsFittedOn(bool retrain, long expectedRows)
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);
        var counts = new ConcurrentQueue<long>();
        SweepableEstimator sweepable = context.Auto().CreateSweepableEstimator<PickOptions>(
            (ctx, options) => new RowCountingEstimator(ctx.Transforms.CopyColumns("Score", options.Source), counts));

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(sweepable)
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetGridSearchTuner()
            .SetMaxModelToExplore(3)
            .SetRetrainOnFullData(retrain)
            .RunAsync();

        Assert.Equal(expectedRows, counts.Last());
        Assert.Equal("B", Source(best));
        Assert.NotNull(best.Model);
    }

    [Fact]
    public void SetPipeline_ThrowsWithoutASweepableEstimator()
    {
        var context = new MLContext(seed: 1);

        Assert.Throws<ArgumentException>(() => context.Auto().CreateExperiment().SetPipeline(SweepablePipeline.From(context.Transforms.CopyColumns("Score", "B"))));
    }

    [Fact]
    public void SetDataset_ThrowsOnAnExperimentNotMadeByTheAutoCatalog()
    {
        var context = new MLContext(seed: 1);
        IDataView data = context.Data.LoadFromEnumerable(PickColumnData.Regression(10, 1));

        Assert.Throws<InvalidOperationException>(() => new AutoMLExperiment().SetDataset(data, data));
    }

    [Fact]
    public async Task RunAsync_ThrowsWhenTheMetricIsNotSet()
    {
        var context = new MLContext(seed: 1);
        (IDataView train, IDataView validation) = RegressionSets(context);
        AutoMLExperiment experiment = context.Auto().CreateExperiment()
            .SetPipeline(PickColumnData.PickScore(context))
            .SetDataset(train, validation)
            .SetMaxModelToExplore(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => experiment.RunAsync());
    }
}

internal sealed class MissingColumnOptions
{
    [Choice("A", "Missing", "B")]
    public string Source { get; set; } = "A";
}

internal sealed class ScoreRow
{
    public float Score { get; set; }
}
