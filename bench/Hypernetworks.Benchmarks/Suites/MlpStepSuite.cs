using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// One training step of a small MLP (batch 128, Linear 64→256, ReLU, Linear 256→10, softmax cross-entropy,
/// Adam), timed once warm, with the bytes the step allocates on the managed heap (the goal is zero).
/// </summary>
internal sealed class MlpStepSuite : IBenchmarkSuite
{
    private const int Batch = 128;
    private const int Inputs = 64;
    private const int Hidden = 256;
    private const int Classes = 10;

    public string Name => "mlp-step";

    public string Description => "MLP training step (128x64 -> 256 ReLU -> 10, softmax CE, Adam): --steps N --warmup N";

    public void Run(BenchmarkOptions options)
    {
        int steps = options.GetInt("steps", 200);
        int warmup = options.GetInt("warmup", 50);
        using var model = new Mlp();
        for (int i = 0; i < warmup; i++)
        {
            model.Step();
        }

        float firstLoss = model.Step();
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        float lastLoss = 0f;
        for (int i = 0; i < steps; i++)
        {
            lastLoss = model.Step();
        }

        double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        Console.Error.WriteLine($"mlp-step: loss {firstLoss:F4} after warm-up, {lastLoss:F4} after {steps} more steps");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = Name,
            impl = "hypernetworks",
            ms_per_step = elapsedMs / steps,
            bytes_per_step = (double)bytes / steps,
        }));
    }

    /// <summary>The network, its buffers and a fixed random batch, all allocated up front.</summary>
    private sealed class Mlp : IDisposable
    {
        private readonly Linear _hiddenLayer = new(Inputs, Hidden, "fc1");
        private readonly Linear _outputLayer = new(Hidden, Classes, "fc2");
        private readonly Adam _adam;
        private readonly AlignedBuffer _input = new(Batch * Inputs);
        private readonly AlignedBuffer _hidden = new(Batch * Hidden);
        private readonly AlignedBuffer _gradHidden = new(Batch * Hidden);
        private readonly AlignedBuffer _logits = new(Batch * Classes);
        private readonly AlignedBuffer _gradLogits = new(Batch * Classes);
        private readonly int[] _labels = new int[Batch];

        public Mlp()
        {
            var random = new SeededRandom(2024);
            Initializers.KaimingUniform(_hiddenLayer.Weight.Value.Span, Inputs, random);
            Initializers.XavierUniform(_outputLayer.Weight.Value.Span, Hidden, Classes, random);
            Initializers.Normal(_input.Span, 0f, 1f, random);
            for (int i = 0; i < Batch; i++)
            {
                _labels[i] = random.NextInt(Classes);
            }

            _adam = new Adam([_hiddenLayer.Weight, _hiddenLayer.Bias, _outputLayer.Weight, _outputLayer.Bias], 1e-3f);
        }

        public float Step()
        {
            _adam.ZeroGradients();
            _hiddenLayer.Forward(_input.Span, Batch, _hidden.Span, Activation.Relu);
            _outputLayer.Forward(_hidden.Span, Batch, _logits.Span);
            float loss = SoftmaxCrossEntropy.Compute(_logits.Span, _labels, Classes, _gradLogits.Span);
            _outputLayer.Backward(_hidden.Span, _gradLogits.Span, Batch, _gradHidden.Span);
            ActivationFunctions.BackwardFromOutput(Activation.Relu, _hidden.Span, _gradHidden.Span, _gradHidden.Span);
            _hiddenLayer.Backward(_input.Span, _gradHidden.Span, Batch, default);
            _adam.Step();
            return loss;
        }

        public void Dispose()
        {
            _adam.Dispose();
            _hiddenLayer.Dispose();
            _outputLayer.Dispose();
            _input.Dispose();
            _hidden.Dispose();
            _gradHidden.Dispose();
            _logits.Dispose();
            _gradLogits.Dispose();
        }
    }
}
