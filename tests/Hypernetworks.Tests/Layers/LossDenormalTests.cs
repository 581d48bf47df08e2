using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

/// <summary>
/// The losses write no denormal gradient: a confident softmax (probabilities of e^-90), a saturated sigmoid, and
/// residuals in the denormal range give exact zeros where the true gradient is below 1e-30, and the loss is unchanged.
/// </summary>
public class LossDenormalTests
{
    [Fact]
    public void SoftmaxCrossEntropy_WithAConfidentRow_WritesNoDenormalAndTheSameLoss()
    {
        // Row 0: classes 90, 95, 100 and 200 below the winner (e^-90 = 8e-40 is denormal); row 1: e^-60 = 8.8e-27 stays.
        float[] logits = [100f, 10f, 0f, -100f, 5f, 1f, -59f, 0f, 0f, 0f];
        int[] labels = [0, 0];
        float[] gradient = new float[logits.Length];
        float loss = SoftmaxCrossEntropy.Compute(logits, labels, 5, gradient);

        Subnormals.AssertNone(gradient, "gradLogits");
        Assert.Equal(0f, gradient[1]);
        Assert.Equal(0f, gradient[2]);
        Assert.Equal(0f, gradient[3]);
        Assert.Equal(0f, gradient[4]);
        Assert.Equal(Math.Exp(-60) / (1 + (3 * Math.Exp(-1))) / 2, gradient[6], 1e-33);
        double row1 = -1 + Math.Log(Math.E + Math.Exp(-59) + 3);
        Assert.Equal(row1 / 2, loss, 1e-6);
    }

    [Fact]
    public void SoftmaxCrossEntropy_WithoutGradient_GivesTheSameLossForAConfidentRow()
    {
        float[] logits = [100f, 10f, 0f, -100f, 5f];
        float withGradient = SoftmaxCrossEntropy.Compute(logits, [1], 5, new float[5]);
        float lossOnly = SoftmaxCrossEntropy.Compute(logits, [1], 5, default);
        Assert.Equal(90f, lossOnly, 1e-4f);
        Assert.Equal(withGradient, lossOnly);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_WhenSaturated_WritesNoDenormal()
    {
        // σ(−90)/4 ≈ 2e-40 would be a denormal; σ(−60)/4 ≈ 2.2e-27 stays.
        float[] logits = [-90f, -200f, -60f, 95f];
        float[] labels = [0f, 0f, 0f, 1f];
        float[] gradient = new float[4];
        BinaryCrossEntropyWithLogits.Compute(logits, labels, gradient);

        Subnormals.AssertNone(gradient, "gradLogits");
        Assert.Equal([0f, 0f], gradient[..2]);
        Assert.Equal(Math.Exp(-60) / 4, gradient[2], 1e-33);
        Assert.Equal(0f, gradient[3]);
    }

    [Fact]
    public void MeanSquaredError_WithDenormalResiduals_WritesNoDenormal()
    {
        float[] prediction = new float[29];
        Subnormals.Fill(prediction);
        float[] target = new float[29];
        target[28] = 1f;
        float[] gradient = new float[29];
        MeanSquaredError.Compute(prediction, target, gradient);

        Subnormals.AssertNone(gradient, "gradPrediction");
        Assert.Equal(2f * (prediction[28] - 1f) / 29, gradient[28]);
    }
}
