using Hypernetworks.Initialization;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Optimizers;

/// <summary>
/// Two parameters whose lengths (45 = 16 + 16 + 8 + 5, and 3) exercise the Vector512, Vector256 and scalar paths,
/// a fixed sequence of gradients for each step, and float64 copies of the starting values for the references.
/// </summary>
internal sealed class OptimizerFixture : IDisposable
{
    private readonly SeededRandom _random;

    public OptimizerFixture(ulong seed)
        : this(seed, 9, 5)
    {
    }

    /// <summary>A fixture whose weight is [<paramref name="rows"/>, <paramref name="columns"/>] (large ones span several update ranges).</summary>
    public OptimizerFixture(ulong seed, int rows, int columns)
    {
        _random = new SeededRandom(seed);
        Weight = new Parameter("w", rows, columns);
        Bias = new Parameter("b", 3);
        GradientCheck.RandomValues(_random, Weight.Length).CopyTo(Weight.Value.Span);
        GradientCheck.RandomValues(_random, Bias.Length).CopyTo(Bias.Value.Span);
        Parameters = [Weight, Bias];
    }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public Parameter[] Parameters { get; }

    /// <summary>The starting values of every parameter, in float64.</summary>
    public double[][] ValuesAsDouble() => Parameters.Select(p => p.Value.Span.ToArray().Select(v => (double)v).ToArray()).ToArray();

    /// <summary>Writes fresh random gradients into every parameter and returns them in float64.</summary>
    public double[][] NextGradients()
    {
        var gradients = new double[Parameters.Length][];
        for (int i = 0; i < Parameters.Length; i++)
        {
            float[] g = GradientCheck.RandomValues(_random, Parameters[i].Length);
            g.CopyTo(Parameters[i].Gradient.Span);
            gradients[i] = g.Select(v => (double)v).ToArray();
        }

        return gradients;
    }

    /// <summary>Overwrites every gradient with values in [−1, 1) from the generator, allocating nothing.</summary>
    public void NextGradientsInPlace()
    {
        foreach (Parameter parameter in Parameters)
        {
            Span<float> gradient = parameter.Gradient.Span;
            for (int j = 0; j < gradient.Length; j++)
            {
                gradient[j] = _random.NextFloat(-1f, 1f);
            }
        }
    }

    public void AssertValues(double[][] expected, double tolerance = 2e-6)
    {
        for (int i = 0; i < Parameters.Length; i++)
        {
            Span<float> actual = Parameters[i].Value.Span;
            for (int j = 0; j < actual.Length; j++)
            {
                Assert.True(Math.Abs(actual[j] - expected[i][j]) <= tolerance, $"{Parameters[i].Name}[{j}] = {actual[j]}, expected {expected[i][j]}.");
            }
        }
    }

    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
    }
}
