using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.Tensors;
using Hypernetworks.TorchSharp.Model;
using Hypernetworks.TorchSharp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Tests.Testing;

/// <summary>One batch's outputs, loss and every parameter's gradient, from either engine.</summary>
internal sealed record EngineResult(float[] Outputs, float Loss, float[][] Gradients);

/// <summary>Runs a forward and backward pass on each engine from the same parameters.</summary>
internal static class Engines
{
    public static EngineResult Managed(Hypernetwork network, TrainingSet batch)
    {
        foreach (Parameter p in network.Parameters)
        {
            p.ZeroGradient();
        }

        var outputs = new float[batch.Rows * network.OutputSize];
        float loss = network.ComputeGradients(batch.Conditioning, batch.Data, batch.Labels, outputs);
        return new EngineResult(outputs, loss, [.. network.Parameters.Select(p => p.Gradient.Span.ToArray())]);
    }

    public static EngineResult Torch(Hypernetwork network, TrainingSet batch)
    {
        using var session = (TorchTrainingSession)new TorchSharpBackend().Open(network, new TrainingOptions());
        using DisposeScope scope = NewDisposeScope();
        TorchBatch torchBatch = session.Batch(batch.Conditioning, batch.Data, batch.Labels, withLabels: true);
        Tensor output = session.Model.Forward(torchBatch);
        Tensor loss = session.Model.Loss(output, torchBatch.Labels!);
        loss.backward();
        int width = network.OutputSize;
        float[] ordered = output.detach().cpu().data<float>().ToArray();
        var outputs = new float[ordered.Length];
        for (int i = 0; i < torchBatch.Order.Length; i++)
        {
            ordered.AsSpan(i * width, width).CopyTo(outputs.AsSpan(torchBatch.Order[i] * width, width));
        }

        float[][] gradients = [.. session.Model.Parameters.Select(p => p.grad is null ? new float[p.numel()] : p.grad.cpu().data<float>().ToArray())];
        return new EngineResult(outputs, loss.item<float>(), gradients);
    }

    /// <summary>Asserts outputs, loss and every gradient agree within <paramref name="tolerance"/> relative.</summary>
    public static void AssertAgree(Hypernetwork network, TrainingSet batch, double tolerance = 1e-5)
    {
        EngineResult expected = Managed(network, batch);
        EngineResult actual = Torch(network, batch);
        Compare.Close(actual.Outputs, expected.Outputs, tolerance, "outputs");
        Compare.Close(actual.Loss, expected.Loss, tolerance, "loss");
        for (int i = 0; i < expected.Gradients.Length; i++)
        {
            Compare.Close(actual.Gradients[i], expected.Gradients[i], tolerance, $"gradient of {network.Parameters[i].Name}");
        }
    }
}
