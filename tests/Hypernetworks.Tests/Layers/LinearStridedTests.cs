using Hypernetworks.Initialization;
using Hypernetworks.Layers;

namespace Hypernetworks.Tests.Layers;

public class LinearStridedTests
{
    // Up to 8 rows and 1024+ outputs take the head kernels (in blocks of 4 rows, over several output ranges from
    // 1024 outputs on, with a scalar tail when the inputs are not a multiple of 16); 9 rows the general path. Both
    // must agree with float64, with dx overwritten or accumulated.
    [Theory]
    [InlineData(4, 32, 1100, false)]
    [InlineData(3, 32, 1100, true)]
    [InlineData(1, 128, 5000, false)]
    [InlineData(2, 20, 1030, true)]
    [InlineData(4, 20, 1030, false)]
    [InlineData(5, 48, 2100, false)]
    [InlineData(8, 17, 1024, true)]
    [InlineData(9, 32, 1100, true)]
    public void ForwardAndBackward_MatchFloat64References(int rows, int inputs, int outputs, bool accumulateInput)
    {
        using var layer = new Linear(inputs, outputs, "head");
        var random = new SeededRandom(4);
        Fill(layer.Weight.Value.Span, random);
        Fill(layer.Bias.Value.Span, random);
        Fill(layer.Weight.Gradient.Span, random);
        float[] initialWeightGradient = layer.Weight.Gradient.Span.ToArray();
        int ldy = outputs + 3;
        var x = new float[rows * inputs];
        var dy = new float[rows * ldy];
        Fill(x, random);
        Fill(dy, random);
        var y = new float[rows * ldy];
        var dx = new float[rows * inputs];
        Fill(dx, random);
        float[] initialDx = accumulateInput ? [.. dx] : new float[dx.Length];
        layer.Forward(x, inputs, rows, y, ldy);
        layer.Backward(x, inputs, dy, ldy, rows, dx, inputs, accumulateInput);

        ReadOnlySpan<float> w = layer.Weight.Value.Span;
        for (int g = 0; g < rows; g++)
        {
            for (int j = 0; j < outputs; j++)
            {
                double sum = layer.Bias.Value.Span[j];
                for (int k = 0; k < inputs; k++)
                {
                    sum += (double)w[(j * inputs) + k] * x[(g * inputs) + k];
                }

                Assert.Equal(sum, y[(g * ldy) + j], 1e-4);
            }

            for (int k = 0; k < inputs; k++)
            {
                double sum = initialDx[(g * inputs) + k];
                for (int j = 0; j < outputs; j++)
                {
                    sum += (double)dy[(g * ldy) + j] * w[(j * inputs) + k];
                }

                Assert.Equal(sum, dx[(g * inputs) + k], 1e-3);
            }
        }

        for (int j = 0; j < outputs; j++)
        {
            double biasSum = 0;
            for (int g = 0; g < rows; g++)
            {
                biasSum += dy[(g * ldy) + j];
            }

            Assert.Equal(biasSum, layer.Bias.Gradient.Span[j], 1e-4);
            for (int k = 0; k < inputs; k++)
            {
                double sum = initialWeightGradient[(j * inputs) + k];
                for (int g = 0; g < rows; g++)
                {
                    sum += (double)dy[(g * ldy) + j] * x[(g * inputs) + k];
                }

                Assert.Equal(sum, layer.Weight.Gradient.Span[(j * inputs) + k], 1e-4);
            }
        }
    }

    // ZeroGradient defers the clear: the head kernels then overwrite the stale contents (the first block of rows)
    // and add the later blocks; the general path clears on first access. Either way the stale values must vanish.
    [Theory]
    [InlineData(3, 20, 1100)]
    [InlineData(6, 48, 2100)]
    [InlineData(9, 32, 1100)]
    public void Backward_AfterZeroGradient_GivesTheGradientOfThisPassOnly(int rows, int inputs, int outputs)
    {
        using var layer = new Linear(inputs, outputs, "head");
        using var fresh = new Linear(inputs, outputs, "head");
        var random = new SeededRandom(6);
        Fill(layer.Weight.Value.Span, random);
        layer.Weight.Value.Span.CopyTo(fresh.Weight.Value.Span);
        Fill(layer.Weight.Gradient.Span, random);
        Fill(layer.Bias.Gradient.Span, random);
        var x = new float[rows * inputs];
        var dy = new float[rows * outputs];
        Fill(x, random);
        Fill(dy, random);
        var dx = new float[rows * inputs];
        var freshDx = new float[rows * inputs];
        layer.Weight.ZeroGradient();
        layer.Bias.ZeroGradient();
        layer.Backward(x, inputs, dy, outputs, rows, dx, inputs, accumulateInput: false);
        fresh.Backward(x, inputs, dy, outputs, rows, freshDx, inputs, accumulateInput: false);

        Assert.Equal(fresh.Weight.Gradient.Span.ToArray(), layer.Weight.Gradient.Span.ToArray());
        Assert.Equal(fresh.Bias.Gradient.Span.ToArray(), layer.Bias.Gradient.Span.ToArray());
        Assert.Equal(freshDx, dx);
    }

    [Fact]
    public void Backward_OfNoRows_LeavesAPendingZeroGradientZero()
    {
        using var layer = new Linear(16, 1024, "head");
        layer.Weight.Gradient.Span.Fill(3f);
        layer.Bias.Gradient.Span.Fill(3f);
        layer.Weight.ZeroGradient();
        layer.Bias.ZeroGradient();
        layer.Backward([], 16, [], 1024, 0, [], 16, accumulateInput: false);
        Assert.True(layer.Weight.Gradient.Span.IndexOfAnyExcept(0f) < 0);
        Assert.True(layer.Bias.Gradient.Span.IndexOfAnyExcept(0f) < 0);
    }

    internal static void Fill(Span<float> values, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextFloat(-1f, 1f);
        }
    }
}
