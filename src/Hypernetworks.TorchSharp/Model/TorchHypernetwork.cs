using Hypernetworks.Model;
using Hypernetworks.Model.Application;
using Hypernetworks.Tensors;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// A <see cref="Hypernetwork"/> rebuilt on libtorch from its spec and its current parameters (and, for
/// <see cref="GeneratorKind.Chunked"/>, its fixed output scale): the same encoder, generator and target network,
/// differentiated by autograd. <see cref="WriteTo"/> copies the parameters back.
/// </summary>
internal sealed class TorchHypernetwork : IDisposable
{
    private readonly HypernetworkSpec _spec;
    private readonly Tensor? _embeddings;
    private readonly TorchGenerator _generator;
    private readonly TorchTargetNetwork _target;

    public TorchHypernetwork(Hypernetwork network, Device device)
    {
        ArgumentNullException.ThrowIfNull(network);
        _spec = network.Spec;
        if (_spec.Encoder == ConditioningEncoderKind.Custom)
        {
            throw new NotSupportedException("The TorchSharp backend has no libtorch form of a custom conditioning encoder; train this hypernetwork on the managed backend.");
        }

        if (_spec.IsSetEncoder)
        {
            throw new NotSupportedException($"The TorchSharp backend has no libtorch form of the few-shot {_spec.Encoder} encoder; meta-train this hypernetwork on the managed backend.");
        }

        Device = device;
        Parameters = [.. network.Parameters.Select(p => Upload(p, device))];
        var cursor = new ParameterCursor(Parameters, [.. network.Parameters.Select(p => p.Name)]);
        int zSize = _spec.ConditioningSize;
        if (_spec.Encoder == ConditioningEncoderKind.Embedding)
        {
            _embeddings = cursor.Next(_spec.EmbeddingCount, _spec.EmbeddingSize);
            zSize = _spec.EmbeddingSize;
        }

        var layout = new TargetLayout(_spec);
        _generator = _spec.Generator == GeneratorKind.Chunked
            ? new TorchChunkedGenerator(cursor, _spec, layout, zSize, network.ChunkScale!, device)
            : new TorchHeadedGenerator(cursor, _spec, layout, zSize);
        Tensor[] bases = _spec.Generator == GeneratorKind.LowRank && _spec.LowRankBase
            ? [.. layout.Layers.Select(s => cursor.Next(s.Out, s.In))]
            : [];
        cursor.CheckAllUsed();
        _target = new TorchTargetNetwork(layout, _spec.Activation, bases);
    }

    /// <summary>The device the parameters live on.</summary>
    public Device Device { get; }

    /// <summary>The parameters, leaf tensors that require gradients, in the managed model's order.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The outputs [rows, OutputSize] of <paramref name="batch"/>, in its group order.</summary>
    public Tensor Forward(TorchBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor z = _embeddings is null ? batch.Conditions : _embeddings.index_select(0, batch.Conditions.view(-1).to(ScalarType.Int64));
        Tensor[] theta = _generator.Generate(z);
        return _target.Forward(theta, batch.Data, batch.Plan);
    }

    /// <summary>The mean loss of the spec's task for outputs against labels (both in the batch's order).</summary>
    public Tensor Loss(Tensor outputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(labels);
        return _spec.Task switch
        {
            HypernetworkTask.MulticlassClassification => nn.functional.cross_entropy(outputs, labels.view(-1).to(ScalarType.Int64)),
            HypernetworkTask.BinaryClassification => nn.functional.binary_cross_entropy_with_logits(outputs, labels),
            _ => nn.functional.mse_loss(outputs, labels),
        };
    }

    /// <summary>Copies every parameter into <paramref name="network"/>'s buffers.</summary>
    public void WriteTo(Hypernetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        using global::TorchSharp.DisposeScope scope = NewDisposeScope();
        for (int i = 0; i < Parameters.Count; i++)
        {
            Tensor host = Parameters[i].detach().cpu().contiguous();
            host.data<float>().CopyTo(network.Parameters[i].Value.Span);
        }
    }

    public void Dispose()
    {
        foreach (Tensor p in Parameters)
        {
            p.Dispose();
        }

        (_generator as IDisposable)?.Dispose();
    }

    private static Tensor Upload(Parameter parameter, Device device)
    {
        using Tensor host = tensor(parameter.Value.Span.ToArray(), [.. parameter.Shape.Select(d => (long)d)]);
        return host.to(device).detach().requires_grad_(true).DetachFromDisposeScope();
    }
}
