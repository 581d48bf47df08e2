using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Model;

/// <summary>Central finite differences of a scalar loss with respect to parameter values, accumulated in float64.</summary>
internal static class FiniteDifferences
{
    /// <summary>Asserts that every element's analytic gradient matches (L(v + h) − L(v − h)) / 2h.</summary>
    public static void AssertGradientsMatch(IReadOnlyList<Parameter> parameters, Func<double> loss, double step = 1e-3, double absolute = 2e-3, double relative = 2e-2)
    {
        foreach (Parameter p in parameters)
        {
            for (int i = 0; i < p.Length; i++)
            {
                float original = p.Value.Span[i];
                p.Value.Span[i] = (float)(original + step);
                double plus = loss();
                p.Value.Span[i] = (float)(original - step);
                double minus = loss();
                p.Value.Span[i] = original;
                double actualStep = ((double)(float)(original + step) - (float)(original - step)) / 2;
                double numeric = (plus - minus) / (2 * actualStep);
                double analytic = p.Gradient.Span[i];
                double tolerance = absolute + (relative * Math.Max(Math.Abs(numeric), Math.Abs(analytic)));
                Assert.True(Math.Abs(numeric - analytic) <= tolerance, $"{p.Name}[{i}]: analytic {analytic}, numeric {numeric}");
            }
        }
    }
}
