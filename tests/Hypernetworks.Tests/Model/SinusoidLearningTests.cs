using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.Optimizers;
using Xunit.Abstractions;

namespace Hypernetworks.Tests.Model;

public class SinusoidLearningTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(GeneratorKind.PerLayer)]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    [InlineData(GeneratorKind.LowRank)]
    public void Fit_LearnsTheSinusoidFamily(GeneratorKind kind)
    {
        var spec = new HypernetworkSpec
        {
            ConditioningSize = 2, InputSize = 1, TargetLayerSizes = [(1, 32), (32, 32), (32, 1)], HiddenSizes = [64, 64],
            Activation = Activation.Relu, Generator = kind, ChunkSize = 128, Rank = 8, LowRankBase = true,
        };
        using var net = new Hypernetwork(spec, seed: 1);
        TrainingSet test = SinusoidTasks.Sample(seed: 99, tasks: 20, points: 50);
        net.CalibrateInitialization(SinusoidTasks.Sample(seed: 98, tasks: 200, points: 1).Conditioning);
        const int Steps = 400;
        const int Epochs = 4;
        var source = new SinusoidTasks(seed: 2, tasksPerBatch: 8, pointsPerTask: 32, batchesPerEpoch: Steps);
        var trainer = new TrainingLoop(new TrainingOptions
        {
            Epochs = Epochs, BatchSize = source.BatchRows, LearningRate = 3e-3f, Schedule = new CosineSchedule(Steps * Epochs, 1e-5f),
            GradientClipNorm = 10f,
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        trainer.Fit(net, source, test, new Progress(p => output.WriteLine($"{p}")));
        float mse = trainer.Evaluate(net, test);
        output.WriteLine($"{kind}: test MSE {mse}, {watch.Elapsed.TotalSeconds:F1} s, {net.ParameterCount} parameters");
        Assert.True(mse < 0.05f, $"test-task MSE {mse}");
    }

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
