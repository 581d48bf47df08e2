using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.TorchSharp.Model;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Training;

/// <summary>
/// A training run on libtorch: the hypernetwork rebuilt on the device, an optimizer there, and a host batch builder.
/// Each call runs in its own dispose scope, so every intermediate tensor is freed when it returns; within a step the
/// only transfer to the host is reading the loss (and the gradient norm when clipping).
/// </summary>
internal sealed class TorchTrainingSession : TrainingSession
{
    private readonly Hypernetwork _network;
    private readonly TorchHypernetwork _model;
    private readonly TorchOptimizer _optimizer;
    private readonly TorchBatchBuilder _batches;
    private readonly float _clipNorm;
    private Tensor[]? _checkpoint;

    public TorchTrainingSession(Hypernetwork network, TrainingOptions options, Device device)
    {
        _network = network;
        _model = new TorchHypernetwork(network, device);
        _optimizer = TorchOptimizer.Create(options, _model.Parameters);
        _batches = new TorchBatchBuilder(network.Spec, network.LabelSize, device);
        _clipNorm = options.GradientClipNorm;
    }

    /// <summary>The libtorch model (for the cross-check tests).</summary>
    internal TorchHypernetwork Model => _model;

    /// <summary>Builds a batch on the device (for the cross-check tests); call inside a dispose scope.</summary>
    internal TorchBatch Batch(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, bool withLabels)
        => _batches.Build(conditioning, data, labels, withLabels);

    public override GradientStep ComputeGradients(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels)
    {
        using global::TorchSharp.DisposeScope scope = NewDisposeScope();
        TorchBatch batch = _batches.Build(conditioning, data, labels, withLabels: true);
        foreach (Tensor p in _model.Parameters)
        {
            p.grad?.zero_();
        }

        Tensor loss = _model.Loss(_model.Forward(batch), batch.Labels!);
        loss.backward();
        if (_clipNorm <= 0)
        {
            return new GradientStep(loss.item<float>(), float.NaN);
        }

        Tensor norm;
        using (no_grad())
        {
            norm = ClipByGlobalNorm(_clipNorm);
        }

        float[] values = stack([loss.detach(), norm]).cpu().data<float>().ToArray();
        return new GradientStep(values[0], values[1]);
    }

    public override void Update(float learningRate)
    {
        using global::TorchSharp.DisposeScope scope = NewDisposeScope();
        using IDisposable noGrad = no_grad();
        _optimizer.Step(learningRate);
    }

    public override float ComputeLoss(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels)
    {
        using global::TorchSharp.DisposeScope scope = NewDisposeScope();
        using IDisposable noGrad = no_grad();
        TorchBatch batch = _batches.Build(conditioning, data, labels, withLabels: true);
        return _model.Loss(_model.Forward(batch), batch.Labels!).item<float>();
    }

    public override void SaveCheckpoint()
    {
        using IDisposable noGrad = no_grad();
        _checkpoint ??= [.. _model.Parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        for (int i = 0; i < _checkpoint.Length; i++)
        {
            _checkpoint[i].copy_(_model.Parameters[i]);
        }
    }

    public override void RestoreCheckpoint()
    {
        if (_checkpoint is null)
        {
            throw new InvalidOperationException("No checkpoint was saved.");
        }

        using IDisposable noGrad = no_grad();
        for (int i = 0; i < _checkpoint.Length; i++)
        {
            _model.Parameters[i].copy_(_checkpoint[i]);
        }
    }

    public override void WriteParameters() => _model.WriteTo(_network);

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        _optimizer.Dispose();
        _model.Dispose();
        foreach (Tensor t in _checkpoint ?? [])
        {
            t.Dispose();
        }
    }

    /// <summary>As torch.nn.utils.clip_grad_norm_: scales the gradients by min(1, maxNorm / (norm + 1e-6)) on the device; returns the norm.</summary>
    private Tensor ClipByGlobalNorm(float maxNorm)
    {
        Tensor[] gradients = [.. _model.Parameters.Select(p => p.grad).OfType<Tensor>()];
        Tensor norm = stack([.. gradients.Select(g => g.square().sum())]).sum().sqrt();
        Tensor scale = (maxNorm / (norm + 1e-6)).clamp_max(1.0);
        foreach (Tensor g in gradients)
        {
            g.mul_(scale);
        }

        return norm;
    }
}
