using System.Globalization;
using Hypernetworks.Initialization;

namespace Hypernetworks.Tests.Testing;

/// <summary>
/// Checks analytic gradients against float64 central finite differences of a scalar function of float32
/// parameters. The loss is evaluated in float64 by the caller's function; each perturbation is the actual
/// difference of the two float32 values (x + h and x − h rounded), so the rounding of the step does not bias
/// the estimate.
/// </summary>
public static class GradientCheck
{
    public const double DefaultStep = 1e-3;
    public const double DefaultRelativeTolerance = 1e-2;
    public const double DefaultAbsoluteTolerance = 1e-4;

    /// <summary>d(loss)/d(values[i]) for every i by central differences; <paramref name="values"/> is restored bitwise.</summary>
    public static double[] Numerical(Span<float> values, Func<double> loss, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(loss);
        double[] gradient = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            float original = values[i];
            float plus = (float)(original + step);
            float minus = (float)(original - step);
            values[i] = plus;
            double lossPlus = loss();
            values[i] = minus;
            double lossMinus = loss();
            values[i] = original;
            gradient[i] = (lossPlus - lossMinus) / ((double)plus - minus);
        }

        return gradient;
    }

    /// <summary>Fails, naming <paramref name="name"/> and the element, unless |a − n| ≤ atol + rtol·max(|a|, |n|) everywhere.</summary>
    public static void AssertClose(
        string name, ReadOnlySpan<float> analytic, IReadOnlyList<double> numerical,
        double relativeTolerance = DefaultRelativeTolerance, double absoluteTolerance = DefaultAbsoluteTolerance)
    {
        ArgumentNullException.ThrowIfNull(numerical);
        Assert.Equal(numerical.Count, analytic.Length);
        for (int i = 0; i < analytic.Length; i++)
        {
            double a = analytic[i];
            double n = numerical[i];
            double allowed = absoluteTolerance + (relativeTolerance * Math.Max(Math.Abs(a), Math.Abs(n)));
            if (!(Math.Abs(a - n) <= allowed))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"Gradient of {name}[{i}]: analytic {a:G9}, numerical {n:G9}, difference {Math.Abs(a - n):G3} > {allowed:G3}."));
            }
        }
    }

    /// <summary>
    /// Checks <paramref name="analytic"/> against the finite-difference gradient of <paramref name="loss"/> with
    /// respect to <paramref name="values"/>. Pass a copy of the analytic gradient if <paramref name="loss"/> overwrites it.
    /// </summary>
    public static void Check(
        string name, Span<float> values, ReadOnlySpan<float> analytic, Func<double> loss, double step = DefaultStep,
        double relativeTolerance = DefaultRelativeTolerance, double absoluteTolerance = DefaultAbsoluteTolerance)
        => AssertClose(name, analytic, Numerical(values, loss, step), relativeTolerance, absoluteTolerance);

    /// <summary>Σ values[i]·weights[i] in float64: a scalar whose gradient with respect to the values is the weights.</summary>
    public static double WeightedSum(ReadOnlySpan<float> values, ReadOnlySpan<float> weights)
    {
        Assert.Equal(weights.Length, values.Length);
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += (double)values[i] * weights[i];
        }

        return sum;
    }

    /// <summary><paramref name="count"/> uniform values in [low, high) from a fixed-seed generator.</summary>
    public static float[] RandomValues(SeededRandom random, int count, float low = -1f, float high = 1f)
    {
        ArgumentNullException.ThrowIfNull(random);
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.NextFloat(low, high);
        }

        return values;
    }

    /// <summary>
    /// Like <see cref="RandomValues"/> but at least <paramref name="margin"/> away from zero, so that a kink at 0
    /// (ReLU) never falls inside a finite-difference step.
    /// </summary>
    public static float[] RandomValuesAwayFromZero(SeededRandom random, int count, float magnitude, float margin)
    {
        ArgumentNullException.ThrowIfNull(random);
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            float v = random.NextFloat(margin, magnitude);
            values[i] = random.NextFloat() < 0.5f ? -v : v;
        }

        return values;
    }
}
