using Hypernetworks.Initialization;
using Hypernetworks.Model.Generators;

namespace Hypernetworks.Tests.Model;

public class DenseLayerTests
{
    // 4 rows and 1024+ outputs take the head kernels; 3 rows the general path (both must agree with float64).
    [Theory]
    [InlineData(4, 32, 1100)]
    [InlineData(3, 32, 1100)]
    [InlineData(4, 20, 1030)]
    public void ForwardAndBackward_MatchFloat64References(int rows, int inputs, int outputs)
    {
        using var layer = new DenseLayer(inputs, outputs, "head");
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
        layer.Forward(x, inputs, rows, y, ldy);
        layer.Backward(x, inputs, dy, ldy, rows, dx, inputs, accumulateInput: false);

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
                double sum = 0;
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

    private static void Fill(Span<float> values, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextFloat(-1f, 1f);
        }
    }
}
