namespace Hypernetworks.TorchSharp.Tests.Testing;

/// <summary>Relative agreement of two engines' values: the largest difference over the largest reference magnitude.</summary>
internal static class Compare
{
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0, difference = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(expected[i]));
            difference = Math.Max(difference, Math.Abs(actual[i] - (double)expected[i]));
        }

        return scale == 0 ? difference : difference / scale;
    }

    public static void Close(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double tolerance, string what)
    {
        double error = RelativeError(actual, expected);
        Assert.True(error <= tolerance, $"{what}: relative error {error:E2} > {tolerance:E0}");
    }

    public static void Close(float actual, float expected, double tolerance, string what)
    {
        double error = Math.Abs(actual - (double)expected) / Math.Max(Math.Abs(expected), 1e-30);
        Assert.True(error <= tolerance, $"{what}: {actual} vs {expected}, relative error {error:E2} > {tolerance:E0}");
    }
}
