using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

/// <summary>
/// A layer of 3 rows and 1100 outputs takes the head kernels (at most 8 rows, at least 1024 outputs) through the public
/// Forward and Backward; its gradients are checked against finite differences. The weight gradient is checked on a
/// slice of rows, since 22,000 weights would take two forward passes each.
/// </summary>
public sealed class LinearWideTests : IDisposable
{
    private const int Batch = 3;
    private const int Inputs = 20;
    private const int Outputs = 1100;

    private readonly Linear _layer = new(Inputs, Outputs, "head");
    private readonly float[] _input;
    private readonly float[] _gradOutput;

    public LinearWideTests()
    {
        var random = new SeededRandom(32);
        GradientCheck.RandomValues(random, Inputs * Outputs).CopyTo(_layer.Weight.Value.Span);
        GradientCheck.RandomValues(random, Outputs).CopyTo(_layer.Bias.Value.Span);
        _input = GradientCheck.RandomValues(random, Batch * Inputs);
        _gradOutput = GradientCheck.RandomValues(random, Batch * Outputs);
    }

    public void Dispose() => _layer.Dispose();

    [Fact]
    public void Backward_InputGradient_MatchesFiniteDifferences()
    {
        float[] gradInput = new float[Batch * Inputs];
        _layer.Backward(_input, _gradOutput, Batch, gradInput);
        GradientCheck.Check("input", _input, gradInput, ProjectedOutput);
    }

    [Fact]
    public void Backward_BiasGradient_MatchesFiniteDifferences()
    {
        _layer.Backward(_input, _gradOutput, Batch, new float[Batch * Inputs]);
        GradientCheck.Check("head.bias", _layer.Bias.Value.Span, _layer.Bias.Gradient.Span.ToArray(), ProjectedOutput);
    }

    [Fact]
    public void Backward_WeightGradientOfTheLastRows_MatchesFiniteDifferences()
    {
        _layer.Backward(_input, _gradOutput, Batch, new float[Batch * Inputs]);
        int start = (Outputs - 40) * Inputs;
        GradientCheck.Check("head.weight", _layer.Weight.Value.Span[start..], _layer.Weight.Gradient.Span[start..].ToArray(), ProjectedOutput);
    }

    private double ProjectedOutput()
    {
        float[] output = new float[Batch * Outputs];
        _layer.Forward(_input, Batch, output);
        return GradientCheck.WeightedSum(output, _gradOutput);
    }
}
