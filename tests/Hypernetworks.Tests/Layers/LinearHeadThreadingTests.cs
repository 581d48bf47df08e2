using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Tensors;

namespace Hypernetworks.Tests.Layers;

// In the collection that runs alone, so that the two-thread run finds the worker pool free.
[Collection(GemmGlobalStateCollection.Name)]
public class LinearHeadThreadingTests
{
    // The head kernels cut the outputs into fixed ranges and add the ranges' input gradients in range order, so the
    // thread count must not change a bit of any result.
    [Theory]
    [InlineData(4, 128, 50176)]
    [InlineData(7, 20, 16000)]
    public void HeadKernels_GiveBitwiseEqualResults_OnOneAndTwoThreads(int rows, int inputs, int outputs)
    {
        (float[] Y, float[] Dx, float[] Dw, float[] Db) Run(int threads)
        {
            using ThreadLimitScope scope = Engine.LimitThreads(threads);
            using var layer = new Linear(inputs, outputs, "head");
            var random = new SeededRandom(9);
            LinearStridedTests.Fill(layer.Weight.Value.Span, random);
            LinearStridedTests.Fill(layer.Bias.Value.Span, random);
            var x = new float[rows * inputs];
            var dy = new float[rows * outputs];
            LinearStridedTests.Fill(x, random);
            LinearStridedTests.Fill(dy, random);
            var y = new float[rows * outputs];
            var dx = new float[rows * inputs];
            layer.Forward(x, inputs, rows, y, outputs);
            layer.Backward(x, inputs, dy, outputs, rows, dx, inputs, accumulateInput: false);
            return (y, dx, layer.Weight.Gradient.Span.ToArray(), layer.Bias.Gradient.Span.ToArray());
        }

        var one = Run(1);
        long parallelRuns = WorkerPool.ParallelRuns;
        var two = Run(2);
        if (Environment.ProcessorCount > 1)
        {
            Assert.True(WorkerPool.ParallelRuns > parallelRuns, "The two-thread run never used a second thread.");
        }

        Assert.Equal(one.Y, two.Y);
        Assert.Equal(one.Dx, two.Dx);
        Assert.Equal(one.Dw, two.Dw);
        Assert.Equal(one.Db, two.Db);
    }
}
