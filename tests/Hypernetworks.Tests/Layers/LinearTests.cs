using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

public sealed class LinearTests : IDisposable
{
    private const int Batch = 3;
    private const int Inputs = 5;
    private const int Outputs = 4;

    private readonly Linear _layer = new(Inputs, Outputs, "fc");
    private readonly float[] _input;
    private readonly float[] _gradOutput;

    public LinearTests()
    {
        var random = new SeededRandom(31);
        GradientCheck.RandomValues(random, Inputs * Outputs).CopyTo(_layer.Weight.Value.Span);
        GradientCheck.RandomValues(random, Outputs).CopyTo(_layer.Bias.Value.Span);
        _input = GradientCheck.RandomValues(random, Batch * Inputs);
        _gradOutput = GradientCheck.RandomValues(random, Batch * Outputs);
    }

    public void Dispose() => _layer.Dispose();

    [Fact]
    public void Forward_MatchesFloat64Reference()
    {
        float[] output = new float[Batch * Outputs];
        _layer.Forward(_input, Batch, output);
        ReadOnlySpan<float> w = _layer.Weight.Value.Span;
        ReadOnlySpan<float> b = _layer.Bias.Value.Span;
        for (int r = 0; r < Batch; r++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                double expected = b[o];
                for (int i = 0; i < Inputs; i++)
                {
                    expected += (double)_input[(r * Inputs) + i] * w[(o * Inputs) + i];
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
        _layer.Forward(_input, Batch, linear);
        _layer.Forward(_input, Batch, fused, Activation.Tanh);
        for (int i = 0; i < linear.Length; i++)
        {
            Assert.Equal(Math.Tanh(linear[i]), fused[i], 1e-6);
        }
    }

    [Fact]
    public void Backward_WeightGradient_MatchesFiniteDifferences()
    {
        _layer.Backward(_input, _gradOutput, Batch, new float[Batch * Inputs]);
        GradientCheck.Check("fc.weight", _layer.Weight.Value.Span, _layer.Weight.Gradient.Span.ToArray(), ProjectedOutput);
    }

    [Fact]
    public void Backward_BiasGradient_MatchesFiniteDifferences()
    {
        _layer.Backward(_input, _gradOutput, Batch, new float[Batch * Inputs]);
        GradientCheck.Check("fc.bias", _layer.Bias.Value.Span, _layer.Bias.Gradient.Span.ToArray(), ProjectedOutput);
    }

    [Fact]
    public void Backward_InputGradient_MatchesFiniteDifferences()
    {
        float[] gradInput = new float[Batch * Inputs];
        _layer.Backward(_input, _gradOutput, Batch, gradInput);
        GradientCheck.Check("input", _input, gradInput, ProjectedOutput);
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
        _layer.Forward(_input, Batch, output, activation);
        ActivationFunctions.BackwardFromOutput(activation, output, _gradOutput, gradPreActivation);
        _layer.Backward(_input, gradPreActivation, Batch, gradInput);

        double Loss()
        {
            _layer.Forward(_input, Batch, output, activation);
            return GradientCheck.WeightedSum(output, _gradOutput);
        }

        GradientCheck.Check("fc.weight", _layer.Weight.Value.Span, _layer.Weight.Gradient.Span.ToArray(), Loss);
        GradientCheck.Check("input", _input, gradInput, Loss);
    }

    [Fact]
    public void Backward_AccumulatesIntoParameterGradients()
    {
        _layer.Backward(_input, _gradOutput, Batch, default);
        float[] once = _layer.Weight.Gradient.Span.ToArray();
        float[] biasOnce = _layer.Bias.Gradient.Span.ToArray();
        _layer.Backward(_input, _gradOutput, Batch, default);
        Assert.Equal(once.Select(v => 2 * v), _layer.Weight.Gradient.Span.ToArray());
        Assert.Equal(biasOnce.Select(v => 2 * v), _layer.Bias.Gradient.Span.ToArray());
    }

    [Fact]
    public void Backward_WithEmptyInputGradient_StillFillsParameterGradients()
    {
        float[] gradInput = new float[Batch * Inputs];
        _layer.Backward(_input, _gradOutput, Batch, gradInput);
        float[] expected = _layer.Weight.Gradient.Span.ToArray();
        _layer.Weight.Gradient.Clear();
        _layer.Backward(_input, _gradOutput, Batch, default);
        Assert.Equal(expected, _layer.Weight.Gradient.Span.ToArray());
    }

    [Fact]
    public void Forward_ThrowsForInputOfWrongShape()
    {
        var error = Assert.Throws<ArgumentException>("input", () => _layer.Forward(new float[(Batch * Inputs) - 1], Batch, new float[Batch * Outputs]));
        Assert.Contains($"[{Batch}, {Inputs}]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_ThrowsForGradOutputOfWrongShape()
    {
        Assert.Throws<ArgumentException>("gradOutput", () => _layer.Backward(_input, new float[Batch * Inputs], Batch, default));
    }

    [Fact]
    public void Parameters_AreWeightThenBiasWithPrefixedNames()
    {
        Parameter[] parameters = _layer.Parameters().ToArray();
        Assert.Equal(["fc.weight", "fc.bias"], parameters.Select(p => p.Name));
        Assert.Equal([Outputs, Inputs], parameters[0].Shape);
        Assert.Equal([Outputs], parameters[1].Shape);
    }

    // Σ gradOutput ⊙ Linear(input): its gradient with respect to the output is gradOutput.
    private double ProjectedOutput()
    {
        float[] output = new float[Batch * Outputs];
        _layer.Forward(_input, Batch, output);
        return GradientCheck.WeightedSum(output, _gradOutput);
    }
}
