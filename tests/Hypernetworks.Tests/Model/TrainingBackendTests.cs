using Hypernetworks.Model;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Tests.Model;

public class TrainingBackendTests
{
    [Fact]
    public void Fit_RunsTheStepsOnTheBackendAndWritesTheParametersBack()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var network = new Hypernetwork(spec, seed: 1);
        var backend = new RecordingBackend();
        var loop = new TrainingLoop(new TrainingOptions { Epochs = 2, BatchSize = 8, Backend = backend });
        loop.Fit(network, Set(spec, 16));
        Assert.Equal(["open", "gradients", "update", "gradients", "update", "gradients", "update", "gradients", "update", "write", "dispose"], backend.Calls);
    }

    [Fact]
    public void Fit_SavesAndRestoresTheBestEpochThroughTheSession()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var network = new Hypernetwork(spec, seed: 1);
        var backend = new RecordingBackend { ValidationLosses = [3f, 1f, 2f, 2.5f] };
        var loop = new TrainingLoop(new TrainingOptions { Epochs = 10, BatchSize = 16, EarlyStoppingPatience = 2, Backend = backend });
        TrainingResult result = loop.Fit(network, Set(spec, 16), Set(spec, 4));
        Assert.Equal((4, 2, true), (result.Epochs, result.BestEpoch, result.StoppedEarly));
        Assert.Equal(2, backend.Calls.Count(c => c == "checkpoint"));
        Assert.Equal(["restore", "write", "dispose"], backend.Calls.TakeLast(3));
    }

    [Fact]
    public void Fit_WritesTheParametersBackWhenCancelled()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var network = new Hypernetwork(spec, seed: 1);
        using var cancellation = new CancellationTokenSource();
        var backend = new RecordingBackend { OnUpdate = cancellation.Cancel };
        var loop = new TrainingLoop(new TrainingOptions { Epochs = 3, BatchSize = 8, Backend = backend });
        Assert.ThrowsAny<OperationCanceledException>(() => loop.Fit(network, Set(spec, 16), cancellationToken: cancellation.Token));
        Assert.Equal(["write", "dispose"], backend.Calls.TakeLast(2));
    }

    [Fact]
    public void Fit_TrainsWithSgdAndMomentum()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.PerLayer);
        using var network = new Hypernetwork(spec, seed: 1);
        var loop = new TrainingLoop(new TrainingOptions { Epochs = 30, BatchSize = 8, Optimizer = OptimizerKind.Sgd, Momentum = 0.9f, LearningRate = 1e-2f });
        TrainingSet train = Set(spec, 32);
        float before = loop.Evaluate(network, train);
        loop.Fit(network, train);
        Assert.True(loop.Evaluate(network, train) < 0.8f * before);
    }

    [Fact]
    public void TrainingOptions_RejectNegativeMomentum()
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainingLoop(new TrainingOptions { Momentum = -1f }));
        Assert.Equal(nameof(TrainingOptions.Momentum), e.ParamName);
    }

    private static TrainingSet Set(HypernetworkSpec spec, int rows)
    {
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows, 4, seed: 2);
        return new TrainingSet(conditioning, data, labels, rows);
    }

    private sealed class RecordingBackend : TrainingBackend
    {
        public List<string> Calls { get; } = [];

        public float[] ValidationLosses { get; init; } = [];

        public Action? OnUpdate { get; init; }

        public override string Name => "recording";

        public override TrainingSession Open(Hypernetwork network, TrainingOptions options)
        {
            Calls.Add("open");
            return new Session(this);
        }

        private sealed class Session(RecordingBackend backend) : TrainingSession
        {
            private int _evaluations;

            public override GradientStep ComputeGradients(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels)
            {
                backend.Calls.Add("gradients");
                return new GradientStep(1f, float.NaN);
            }

            public override void Update(float learningRate)
            {
                backend.Calls.Add("update");
                backend.OnUpdate?.Invoke();
            }

            public override float ComputeLoss(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels)
                => backend.ValidationLosses[_evaluations++];

            public override void SaveCheckpoint() => backend.Calls.Add("checkpoint");

            public override void RestoreCheckpoint() => backend.Calls.Add("restore");

            public override void WriteParameters() => backend.Calls.Add("write");

            protected override void Dispose(bool disposing) => backend.Calls.Add("dispose");
        }
    }
}
