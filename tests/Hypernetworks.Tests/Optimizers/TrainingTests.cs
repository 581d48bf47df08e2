using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Optimizers;

public class TrainingTests
{
    private static readonly float[] XorInputs = [0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f];
    private static readonly int[] XorLabels = [0, 1, 1, 0];

    public static TheoryData<string> OptimizerNames() => ["Sgd", "Adam", "AdamW"];

    [Theory]
    [MemberData(nameof(OptimizerNames))]
    public void SmallMlp_LearnsXor(string optimizerName)
    {
        Assert.InRange(TrainXor(optimizerName, 400), 0f, 0.05f);
    }

    [Fact]
    public void SmallMlp_TrainsToBitwiseTheSameLossFromTheSameSeed()
    {
        Assert.Equal(BitConverter.SingleToInt32Bits(TrainXor("Adam", 50)), BitConverter.SingleToInt32Bits(TrainXor("Adam", 50)));
    }

    // Linear 2→8, tanh, Linear 8→2, softmax cross-entropy; returns the loss after the last step.
    private static float TrainXor(string optimizerName, int steps)
    {
        const int Batch = 4, Hidden = 8;
        var random = new SeededRandom(131);
        using var first = new Linear(2, Hidden, "fc1");
        using var second = new Linear(Hidden, 2, "fc2");
        Initializers.XavierUniform(first.Weight.Value.Span, 2, Hidden, random, Initializers.Gain(Activation.Tanh));
        Initializers.XavierUniform(second.Weight.Value.Span, Hidden, 2, random);
        Parameter[] parameters = [first.Weight, first.Bias, second.Weight, second.Bias];
        using Optimizer optimizer = optimizerName switch
        {
            "Sgd" => new Sgd(parameters, 0.5f, momentum: 0.9f),
            "Adam" => new Adam(parameters, 0.05f),
            _ => new AdamW(parameters, 0.05f),
        };

        float[] hidden = new float[Batch * Hidden];
        float[] gradHidden = new float[Batch * Hidden];
        float[] logits = new float[Batch * 2];
        float[] gradLogits = new float[Batch * 2];
        float loss = float.NaN;
        for (int step = 0; step < steps; step++)
        {
            optimizer.ZeroGradients();
            first.Forward(XorInputs, Batch, hidden, Activation.Tanh);
            second.Forward(hidden, Batch, logits);
            loss = SoftmaxCrossEntropy.Compute(logits, XorLabels, 2, gradLogits);
            second.Backward(hidden, gradLogits, Batch, gradHidden);
            ActivationFunctions.BackwardFromOutput(Activation.Tanh, hidden, gradHidden, gradHidden);
            first.Backward(XorInputs, gradHidden, Batch, default);
            optimizer.Step();
        }

        return loss;
    }
}
