using Hypernetworks.MLNet.AutoML;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>
/// The measured defect: a cost-frugal sweep started at the search space's cheapest corner and returned a model far
/// worse than the default options. Now the first trial is the base options as given, and no sweep returns a model
/// worse on validation than it.
/// </summary>
public class HypernetworkBaseTrialTests
{
    /// <summary>Trainer defaults except a shorter run; WeightDecay 0 and ChunkSize 0 lie outside the default space's ranges.</summary>
    private static readonly HypernetworkTrainer.Options BaseOptions = new()
    {
        ConditioningColumnName = "Task",
        FeatureColumnName = "Features",
        LabelColumnName = "Label",
        Epochs = 15,
        Seed = 5,
    };

    private static (MLContext Context, IDataView Train, IDataView Validation) Data()
    {
        var context = new MLContext(seed: 1);
        return (context, context.Data.LoadFromEnumerable(SinusoidTaskData.Rows(12, 30, 1)), context.Data.LoadFromEnumerable(SinusoidTaskData.Rows(12, 15, 2)));
    }

    /// <summary>Training settings only, so random and grid trials stay small.</summary>
    private static SearchSpace TrainingSpace() => new()
    {
        { "LearningRate", new UniformDoubleOption(1e-4, 3e-2, logBase: true, defaultValue: 1e-4, singlePrecision: true) },
        { "Epochs", new UniformIntOption(2, 20, defaultValue: 2) },
    };

    [Fact]
    public async Task FirstTrial_TrainsTheBaseOptionsAsGiven()
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        var store = TrialStore.InMemory();

        await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetMaxModelToExplore(2)
            .SetTrialStore(store)
            .RunAsync();

        TrialRecord first = (await store.LoadTrialsAsync(default)).Single(t => t.TrialId == 1);
        HypernetworkSearchOptions swept = Parameter.FromJson(first.ParameterJson)["e0"].AsType<HypernetworkSearchOptions>();
        Assert.Equal(HypernetworkTrainer.Defaults.HiddenSizes, swept.HiddenSizes);
        Assert.Equal(HypernetworkTrainer.Defaults.TargetHiddenSizes, swept.TargetHiddenSizes);
        Assert.Equal(HypernetworkTrainer.Defaults.Generator, swept.Generator);
        Assert.Equal(0, swept.ChunkSize);
        Assert.Equal(0f, swept.WeightDecay);
        Assert.Equal(BaseOptions.Epochs, swept.Epochs);
        Assert.Equal(BaseOptions.LearningRate, swept.LearningRate);
        Assert.Equal(BaseOptions.BatchSize, swept.BatchSize);
        Assert.Equal(BaseOptions.Rank, swept.Rank);
        Assert.Equal(ValidationRmse(context, context.Hypernetwork(BaseOptions).Fit(train), validation), first.Metric!.Value, 6);
    }

    [Fact]
    public async Task CostFrugalSweep_ReturnsAModelNoWorseOnValidationThanTheBaseOptions()
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        double baseRmse = ValidationRmse(context, context.Hypernetwork(BaseOptions).Fit(train), validation);
        var store = TrialStore.InMemory();

        TrialResult best = await context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetCostFrugalTuner()
            .SetMaxModelToExplore(5)
            .SetTrialStore(store)
            .RunAsync();

        // Where the search used to start, the default space's cheap corner (no target hidden layer), loses to the base options here.
        var space = new SearchSpace<HypernetworkSearchOptions>();
        IEstimator<ITransformer> cheap = context.Auto().Hypernetwork(BaseOptions).BuildFromOption(space.SampleFromFeatureSpace([.. space.Default]));
        double cheapRmse = ValidationRmse(context, cheap.Fit(train), validation);
        Assert.True(cheapRmse > 1.5 * baseRmse, $"cheap corner {cheapRmse}, base {baseRmse}");
        Assert.Equal(baseRmse, (await store.LoadTrialsAsync(default)).Single(t => t.TrialId == 1).Metric!.Value, 6);
        Assert.True(best.Metric <= baseRmse, $"best {best.Metric}, base {baseRmse}");
        Assert.Equal(best.Metric, ValidationRmse(context, best.Model!, validation), 6);
    }

    [Theory]
    [InlineData("cfo")]
    [InlineData("random")]
    [InlineData("grid")]
    public async Task AnySweep_WithEarlyStopping_ReturnsAModelNoWorseOnValidationThanItsFirstTrial(string tuner)
    {
        (MLContext context, IDataView train, IDataView validation) = Data();
        var store = TrialStore.InMemory();
        AutoMLExperiment experiment = context.Auto().CreateExperiment()
            .SetPipeline(context.Auto().Hypernetwork(BaseOptions, TrainingSpace()))
            .SetDataset(train, validation)
            .SetRegressionMetric(RegressionMetric.RootMeanSquaredError)
            .SetEarlyStopping(minEpochs: 1, reductionFactor: 2)
            .SetMaxModelToExplore(6)
            .SetTrialStore(store);
        experiment = tuner switch
        {
            "cfo" => experiment.SetCostFrugalTuner(),
            "random" => experiment.SetRandomSearchTuner(),
            _ => experiment.SetGridSearchTuner(stepCount: 3),
        };

        TrialResult best = await experiment.RunAsync();

        TrialRecord first = (await store.LoadTrialsAsync(default)).Single(t => t.TrialId == 1);
        Assert.Equal(TrialStatus.Completed, first.Status);
        Assert.True(best.Metric <= first.Metric, $"best {best.Metric}, first trial {first.Metric}");
        Assert.True(ValidationRmse(context, best.Model!, validation) <= first.Metric!.Value + 1e-6);
    }

    [Fact]
    public void Hypernetwork_FirstParameterIsTheBaseOptionsValues()
    {
        var context = new MLContext(seed: 1);
        var options = new HypernetworkTrainer.Options { TargetLayerSizes = [(1, 8), (8, 4), (4, 1)], Generator = GeneratorKind.LowRank, Rank = 2, Seed = 1 };

        SweepableEstimator sweepable = context.Auto().Hypernetwork(options);

        HypernetworkSearchOptions first = sweepable.Parameter.AsType<HypernetworkSearchOptions>();
        Assert.Equal([8, 4], first.TargetHiddenSizes);
        Assert.Equal(GeneratorKind.LowRank, first.Generator);
        Assert.Equal(2, first.Rank);
    }

    private static double ValidationRmse(MLContext context, ITransformer model, IDataView validation) =>
        context.Regression.Evaluate(model.Transform(validation)).RootMeanSquaredError;
}
