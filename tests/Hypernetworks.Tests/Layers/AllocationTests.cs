using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

public class AllocationTests
{
    public static TheoryData<Activation> All() => ActivationReference.All();

    [Theory]
    [MemberData(nameof(All))]
    public void ActivationForwardAndBackward_AllocateNothing(Activation activation)
    {
        float[] x = new float[37];
        float[] y = new float[37];
        float[] grad = new float[37];
        Assert.Equal(0, Allocations.OfWarm(() =>
        {
            ActivationFunctions.Forward(activation, x, y);
            ActivationFunctions.Backward(activation, x, y, grad, grad);
        }));
    }

    [Fact]
    public void Losses_AllocateNothing()
    {
        float[] logits = new float[40];
        float[] grad = new float[40];
        float[] targets = new float[40];
        int[] labels = [0, 1, 2, 3];
        Assert.Equal(0, Allocations.OfWarm(() =>
        {
            SoftmaxCrossEntropy.Compute(logits, labels, 10, grad);
            SoftmaxCrossEntropy.Compute(logits, labels, 10, default);
            MeanSquaredError.Compute(logits, targets, grad);
            BinaryCrossEntropyWithLogits.Compute(logits, targets, grad);
        }));
    }
}
