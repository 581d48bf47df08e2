using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

/// <summary>
/// The tests of <see cref="Linear"/>'s public API, for the shape a derived class gives: forward against float64,
/// every gradient against finite differences (the weight gradient on the last rows, at most 40, to bound the
/// number of forward passes), accumulation and shape errors.
/// </summary>
public abstract class LinearTestBase : IDisposable
{

    protected LinearTestBase(int batch, int inputs, int outputs)
    {
        Batch = batch;
        Inputs = inputs;
        Outputs = outputs;
        Layer = new Linear(inputs, outputs, "fc");
        var random = new SeededRandom(31);
        GradientCheck.RandomValues(random, Inputs * Outputs).CopyTo(Layer.Weight.Value.Span);
        GradientCheck.RandomValues(random, Outputs).CopyTo(Layer.Bias.Value.Span);
        Input = GradientCheck.RandomValues(random, Batch * Inputs);
        GradOutput = GradientCheck.RandomValues(random, Batch * Outputs);
    }

    protected Linear Layer { get; }

    protected float[] Input { get; }

    protected float[] GradOutput { get; }

    protected int Batch { get; }

    protected int Inputs { get; }

    protected int Outputs { get; }

    // The weights of the last (at most 40) output rows.
    protected int CheckedWeightsStart => Math.Max(0, Outputs - 40) * Inputs;

    public void Dispose()
    {
        Layer.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Forward_MatchesFloat64Reference()
    {
        float[] output = new float[Batch * Outputs];
        Layer.Forward(Input, Batch, output);
        ReadOnlySpan<float> w = Layer.Weight.Value.Span;
        ReadOnlySpan<float> b = Layer.Bias.Value.Span;
        for (int r = 0; r < Batch; r++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                double expected = b[o];
                for (int i = 0; i < Inputs; i++)
                {
                    expected += (double)Input[(r * Inputs) + i] * w[(o * Inputs) + i];
                }

                Assert.Equal(expected, output[(r * Outputs) + o], 1e-5);
            }
        }
    }

    [Fact]
    public void Forward_AppliesTheFusedActivation()
    {
        float[] linear = new float[Batch * Outputs];
        float[] fused = new float[Batch * Outputs];
        Layer.Forward(Input, Batch, linear);
        Layer.Forward(Input, Batch, fused, Activation.Tanh);
        for (int i = 0; i < linear.Length; i++)
        {
            Assert.Equal(Math.Tanh(linear[i]), fused[i], 1e-6);
        }
    }

    [Fact]
    public void Backward_WeightGradient_MatchesFiniteDifferences()
    {
        Layer.Backward(Input, GradOutput, Batch, new float[Batch * Inputs]);
        GradientCheck.Check("fc.weight", Layer.Weight.Value.Span[CheckedWeightsStart..], Layer.Weight.Gradient.Span[CheckedWeightsStart..].ToArray(), ProjectedOutput);
    }

    [Fact]
    public void Backward_BiasGradient_MatchesFiniteDifferences()
    {
        Layer.Backward(Input, GradOutput, Batch, new float[Batch * Inputs]);
        GradientCheck.Check("fc.bias", Layer.Bias.Value.Span, Layer.Bias.Gradient.Span.ToArray(), ProjectedOutput);
    }

    [Fact]
    public void Backward_InputGradient_MatchesFiniteDifferences()
    {
        float[] gradInput = new float[Batch * Inputs];
        Layer.Backward(Input, GradOutput, Batch, gradInput);
        GradientCheck.Check("input", Input, gradInput, ProjectedOutput);
    }

    [Fact]
    public void Backward_AccumulatesIntoParameterGradients()
    {
        Layer.Backward(Input, GradOutput, Batch, default);
        float[] once = Layer.Weight.Gradient.Span.ToArray();
        float[] biasOnce = Layer.Bias.Gradient.Span.ToArray();
        Layer.Backward(Input, GradOutput, Batch, default);
        // The head kernels add each term to the gradient in turn, so the sum is 2·once only to rounding.
        AssertClose(once.Select(v => 2 * v).ToArray(), Layer.Weight.Gradient.Span.ToArray());
        AssertClose(biasOnce.Select(v => 2 * v).ToArray(), Layer.Bias.Gradient.Span.ToArray());
    }

    [Fact]
    public void Backward_WithEmptyInputGradient_StillFillsParameterGradients()
    {
        float[] gradInput = new float[Batch * Inputs];
        Layer.Backward(Input, GradOutput, Batch, gradInput);
        float[] expected = Layer.Weight.Gradient.Span.ToArray();
        Layer.Weight.Gradient.Clear();
        Layer.Backward(Input, GradOutput, Batch, default);
        Assert.Equal(expected, Layer.Weight.Gradient.Span.ToArray());
    }

    [Fact]
    public void Forward_ThrowsForInputOfWrongShape()
    {
        var error = Assert.Throws<ArgumentException>("input", () => Layer.Forward(new float[(Batch * Inputs) - 1], Batch, new float[Batch * Outputs]));
        Assert.Contains($"[{Batch}, {Inputs}]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_ThrowsForGradOutputOfWrongShape()
    {
        Assert.Throws<ArgumentException>("gradOutput", () => Layer.Backward(Input, new float[Batch * Inputs], Batch, default));
    }

    [Fact]
    public void Parameters_AreWeightThenBiasWithPrefixedNames()
    {
        Parameter[] parameters = Layer.Parameters().ToArray();
        Assert.Equal(["fc.weight", "fc.bias"], parameters.Select(p => p.Name));
        Assert.Equal([Outputs, Inputs], parameters[0].Shape);
        Assert.Equal([Outputs], parameters[1].Shape);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"value {i}: {actual[i]}, expected {expected[i]}");
        }
    }

    // Σ gradOutput ⊙ Linear(input): its gradient with respect to the output is gradOutput.
    private double ProjectedOutput()
    {
        float[] output = new float[Batch * Outputs];
        Layer.Forward(Input, Batch, output);
        return GradientCheck.WeightedSum(output, GradOutput);
    }
}
