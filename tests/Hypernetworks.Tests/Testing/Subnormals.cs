namespace Hypernetworks.Tests.Testing;

/// <summary>Checks for values in float's denormal (subnormal) range, and makes such values for tests to feed in.</summary>
internal static class Subnormals
{
    /// <summary>Float's smallest positive normal value, 2^-126.</summary>
    public const float MinNormal = 1.17549435e-38f;

    /// <summary>Magnitudes across the denormal range, from just below <see cref="MinNormal"/> down to the smallest denormal.</summary>
    public static readonly float[] Samples = [MinNormal * 0.999f, 1e-39f, 1e-41f, 1e-43f, float.Epsilon];

    /// <summary>Fails, naming the first one, if any value of <paramref name="values"/> is subnormal.</summary>
    public static void AssertNone(ReadOnlySpan<float> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            Assert.False(float.IsSubnormal(values[i]), $"{what}[{i}] = {values[i]:E3} is subnormal.");
        }
    }

    /// <summary>Fills <paramref name="values"/> with denormals of both signs, cycling through <see cref="Samples"/>.</summary>
    public static void Fill(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            float magnitude = Samples[i % Samples.Length];
            values[i] = i % 2 == 0 ? magnitude : -magnitude;
        }
    }
}
