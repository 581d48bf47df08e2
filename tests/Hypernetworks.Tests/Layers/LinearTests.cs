using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

/// <summary>
/// The <see cref="LinearTestBase"/> tests on a small layer (3 rows, 5 → 4): the general GEMM path; and the fused
/// activation, which only that path has.
/// </summary>
public sealed class LinearTests : LinearTestBase
{
    public LinearTests()
        : base(batch: 3, inputs: 5, outputs: 4)
    {
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.LeakyRelu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    public void Backward_ThroughFusedActivation_MatchesFiniteDifferences(Activation activation)
    {
        float[] output = new float[Batch * Outputs];
        float[] gradPreActivation = new float[Batch * Outputs];
        float[] gradInput = new float[Batch * Inputs];
        Layer.Forward(Input, Batch, output, activation);
        ActivationFunctions.BackwardFromOutput(activation, output, GradOutput, gradPreActivation);
        Layer.Backward(Input, gradPreActivation, Batch, gradInput);

        double Loss()
        {
            Layer.Forward(Input, Batch, output, activation);
            return GradientCheck.WeightedSum(output, GradOutput);
        }

        GradientCheck.Check("fc.weight", Layer.Weight.Value.Span[CheckedWeightsStart..], Layer.Weight.Gradient.Span[CheckedWeightsStart..].ToArray(), Loss);
        GradientCheck.Check("input", Input, gradInput, Loss);
    }
}
