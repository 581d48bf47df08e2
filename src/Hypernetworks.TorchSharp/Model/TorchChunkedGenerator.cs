using Hypernetworks.Model;
using Hypernetworks.Model.Application;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// <see cref="GeneratorKind.Chunked"/>: the trunk reads [z, e_c] for every chunk c, a head shared by the chunks emits
/// each chunk's slice of the flattened θ, and the fixed per-position scale of the managed model follows. The first
/// layer is split into its z and e_c columns (z·W_zᵀ once per condition, e_c·W_eᵀ + b once per chunk), as the
/// managed generator computes it.
/// </summary>
internal sealed class TorchChunkedGenerator : TorchGenerator, IDisposable
{
    private readonly TorchTrunk _trunk;
    private readonly Tensor _headWeight;
    private readonly Tensor _headBias;
    private readonly Tensor _embeddings;
    private readonly Tensor _scale;
    private readonly TargetLayout _layout;
    private readonly int _zSize;
    private readonly long _chunks;

    public TorchChunkedGenerator(ParameterCursor cursor, HypernetworkSpec spec, TargetLayout layout, int zSize, float[] scale, Device device)
    {
        _layout = layout;
        _zSize = zSize;
        _chunks = (layout.Size + spec.ChunkSize - 1) / spec.ChunkSize;
        _trunk = new TorchTrunk(cursor, zSize + spec.ChunkEmbeddingSize, spec.HiddenSizes, spec.GeneratorActivation);
        _headWeight = cursor.Next(spec.ChunkSize, _trunk.OutputSize);
        _headBias = cursor.Next(spec.ChunkSize);
        _embeddings = cursor.Next(_chunks, spec.ChunkEmbeddingSize);
        using Tensor host = tensor(scale.AsSpan(0, layout.Size).ToArray(), [layout.Size]);
        _scale = host.to(device).DetachFromDisposeScope();
    }

    public override Tensor[] Generate(Tensor z)
    {
        (Tensor weight, Tensor bias) = _trunk.FirstLayer;
        long hidden = weight.shape[0];
        long groups = z.shape[0];
        Tensor[] columns = weight.split([_zSize, weight.shape[1] - _zSize], 1);
        Tensor perCondition = nn.functional.linear(z, columns[0]);
        Tensor perChunk = nn.functional.linear(_embeddings, columns[1], bias);
        Tensor pre = (perCondition.unsqueeze(1) + perChunk.unsqueeze(0)).reshape(groups * _chunks, hidden);
        Tensor e = _trunk.ForwardFromFirstPreActivation(pre);
        Tensor raw = nn.functional.linear(e, _headWeight, _headBias).reshape(groups, -1);
        Tensor theta = raw.narrow(1, 0, _layout.Size) * _scale;

        // One split, not a narrow per tensor: a narrow's backward fills a zero tensor of θ's whole size.
        return theta.split([.. _layout.Tensors.Select(t => (long)t.Length)], 1);
    }

    public void Dispose() => _scale.Dispose();
}
