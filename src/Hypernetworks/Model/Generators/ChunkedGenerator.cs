using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model.Application;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// The chunked generator: the trunk reads [z, e_c] for every chunk c (e_c a learned chunk embedding) and one
/// head shared by all chunks emits that chunk's <c>ChunkSize</c> parameters of the flattened θ. Its size does not
/// grow with the target's. The trunk's first layer is split into its z and e_c columns so that z·W_zᵀ is computed
/// once per condition and e_c·W_eᵀ once per chunk, not once per (condition, chunk).
/// </summary>
/// <remarks>
/// A shared head cannot give different tensors different variances, so a fixed (not learned) per-position scale
/// follows it: s_p = √(Var(θ_p) / (σ_H²·E‖e_c‖²)), with σ_H² the head's initial variance and E‖e_c‖² the second
/// moment of the trunk output of p's chunk c over the sample conditions (chunks differ through their embeddings).
/// Biases whose hyperfan variance is zero get their layer's weight variance instead, as a zero scale would freeze
/// them. The scale is part of the model's state.
/// </remarks>
internal sealed class ChunkedGenerator : WeightGenerator
{
    private readonly Trunk _trunk;
    private readonly Linear _head;
    private readonly Parameter _chunkEmbeddings;
    private readonly Parameter[] _parameters;
    private readonly float[] _scale;
    private readonly int _chunkSize;
    private readonly int _chunks;
    private readonly int _embeddingSize;
    private readonly Workspace _perCondition = new();
    private readonly Workspace _perChunk = new();
    private readonly Workspace _raw = new();
    private readonly Workspace _gradientHeadInput = new();
    private readonly float[] _targetVariance;
    private readonly bool _normalizeTrunkOutput;
    private float _headVariance;

    public ChunkedGenerator(int inputSize, TargetLayout layout, IReadOnlyList<int> hiddenSizes, Activation activation, int chunkSize, int chunkEmbeddingSize, bool normalizeTrunkOutput)
        : base(inputSize, layout)
    {
        _normalizeTrunkOutput = normalizeTrunkOutput;
        _chunkSize = chunkSize;
        _chunks = (layout.Size + chunkSize - 1) / chunkSize;
        _embeddingSize = chunkEmbeddingSize;
        _trunk = new Trunk(inputSize + chunkEmbeddingSize, hiddenSizes, activation, "generator.trunk");
        _head = new Linear(_trunk.OutputSize, chunkSize, "generator.head");
        _chunkEmbeddings = new Parameter("generator.chunk_embeddings", _chunks, chunkEmbeddingSize);
        _parameters = [.. _trunk.Parameters(), _head.Weight, _head.Bias, _chunkEmbeddings];
        _scale = new float[_chunks * chunkSize];
        _targetVariance = new float[_chunks * chunkSize];
        foreach (GeneratedTensor t in layout.Tensors)
        {
            _targetVariance.AsSpan(t.Offset, t.Length).Fill(t.Variance > 0 ? t.Variance : t.LayerWeightVariance);
        }
    }

    /// <summary>The fixed per-position output scale (padded to whole chunks), saved with the model.</summary>
    public float[] Scale => _scale;

    public override IReadOnlyList<Parameter> Parameters => _parameters;

    public int ChunkCount => _chunks;

    private int Hidden => _trunk.FirstLayer.OutputSize;

    public override void Reserve(int groups)
    {
        ReserveTrunk(groups);
        int rows = groups * _chunks;
        _raw.Reserve((long)rows * _chunkSize);
        _gradientHeadInput.Reserve((long)rows * _trunk.OutputSize);
    }

    public override void Forward(ReadOnlySpan<float> z, int groups, Span<float> theta)
    {
        int size = Layout.Size;
        Span<float> raw = _raw.Span(groups * _chunks * _chunkSize);
        ReadOnlySpan<float> e = RunTrunk(z, groups);
        _head.Forward(e, _trunk.OutputSize, groups * _chunks, raw, _chunkSize);
        int padded = _chunks * _chunkSize;
        for (int g = 0; g < groups; g++)
        {
            TensorPrimitives.Multiply(raw.Slice(g * padded, size), _scale.AsSpan(0, size), theta.Slice(g * size, size));
        }
    }

    public override void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradTheta, int groups, Span<float> gradZ)
    {
        int size = Layout.Size;
        int rows = groups * _chunks;
        int padded = _chunks * _chunkSize;
        int hidden = Hidden;
        int width = InputSize + _embeddingSize;
        Span<float> gradRaw = _raw.Span(rows * _chunkSize);
        for (int g = 0; g < groups; g++)
        {
            TensorPrimitives.Multiply(gradTheta.Slice(g * size, size), _scale.AsSpan(0, size), gradRaw.Slice(g * padded, size));
            gradRaw.Slice((g * padded) + size, padded - size).Clear();
        }

        Span<float> gradE = _gradientHeadInput.Span(rows * _trunk.OutputSize);
        _head.Backward(_trunk.Output(default, rows), _trunk.OutputSize, gradRaw, _chunkSize, rows, gradE, _trunk.OutputSize, false);
        Span<float> gradPre = _trunk.BackwardToFirstPreActivation(gradE, rows);

        // Sums of d(pre0) over chunks (per condition) and over conditions (per chunk) carry all first-layer gradients.
        Span<float> perCondition = _perCondition.Span(groups * hidden);
        Span<float> perChunk = _perChunk.Span(_chunks * hidden);
        perCondition.Clear();
        perChunk.Clear();
        for (int g = 0; g < groups; g++)
        {
            Span<float> sum = perCondition.Slice(g * hidden, hidden);
            for (int c = 0; c < _chunks; c++)
            {
                ReadOnlySpan<float> d = gradPre.Slice(((g * _chunks) + c) * hidden, hidden);
                TensorPrimitives.Add(sum, d, sum);
                Span<float> chunkSum = perChunk.Slice(c * hidden, hidden);
                TensorPrimitives.Add(chunkSum, d, chunkSum);
            }
        }

        Linear first = _trunk.FirstLayer;
        Span<float> weightGradient = first.Weight.Gradient.Span;
        Gemm.Multiply(true, false, hidden, InputSize, groups, 1f, perCondition, hidden, z, InputSize, 1f, weightGradient, width);
        Gemm.Multiply(true, false, hidden, _embeddingSize, _chunks, 1f, perChunk, hidden, _chunkEmbeddings.Value.Span, _embeddingSize, 1f, weightGradient[InputSize..], width);
        Span<float> biasGradient = first.Bias.Gradient.Span;
        for (int c = 0; c < _chunks; c++)
        {
            TensorPrimitives.Add(biasGradient, perChunk.Slice(c * hidden, hidden), biasGradient);
        }

        ReadOnlySpan<float> weight = first.Weight.Value.Span;
        Gemm.Multiply(false, false, _chunks, _embeddingSize, hidden, 1f, perChunk, hidden, weight[InputSize..], width, 1f, _chunkEmbeddings.Gradient.Span, _embeddingSize);
        if (!gradZ.IsEmpty)
        {
            Gemm.Multiply(false, false, groups, InputSize, hidden, 1f, perCondition, hidden, weight, width, 0f, gradZ, InputSize);
        }
    }

    public override void Initialize(SeededRandom random, ReadOnlySpan<float> zSamples, int samples)
    {
        _trunk.Initialize(random);
        WeightFill.Normal(random, _chunkEmbeddings.Value.Span, 1f);
        float[] moments = NormalizedHeadInputMoments(zSamples, samples);

        _headVariance = 1f / moments.Average();
        WeightFill.Normal(random, _head.Weight.Value.Span, MathF.Sqrt(_headVariance));
        _head.Bias.Value.Clear();
        SetScale(moments);
    }

    public override void Calibrate(ReadOnlySpan<float> zSamples, int samples) => SetScale(NormalizedHeadInputMoments(zSamples, samples));

    public override void Dispose()
    {
        _trunk.Dispose();
        _head.Dispose();
        _chunkEmbeddings.Dispose();
        _perCondition.Dispose();
        _perChunk.Dispose();
        _raw.Dispose();
        _gradientHeadInput.Dispose();
    }

    /// <summary>Trunk outputs for every (condition, chunk) row, condition-major.</summary>
    private ReadOnlySpan<float> RunTrunk(ReadOnlySpan<float> z, int groups)
    {
        int hidden = Hidden;
        int width = InputSize + _embeddingSize;
        Linear first = _trunk.FirstLayer;
        ReadOnlySpan<float> weight = first.Weight.Value.Span;
        Span<float> perCondition = _perCondition.Span(groups * hidden);
        Span<float> perChunk = _perChunk.Span(_chunks * hidden);
        Gemm.Multiply(false, true, groups, hidden, InputSize, 1f, z, InputSize, weight, width, 0f, perCondition, hidden);
        Gemm.Multiply(false, true, _chunks, hidden, _embeddingSize, 1f, _chunkEmbeddings.Value.Span, _embeddingSize, weight[InputSize..], width, 0f, perChunk, hidden, first.Bias.Value.Span, Activation.Identity);
        Span<float> pre = _trunk.PreActivation(0, groups * _chunks);
        for (int g = 0; g < groups; g++)
        {
            ReadOnlySpan<float> zPart = perCondition.Slice(g * hidden, hidden);
            for (int c = 0; c < _chunks; c++)
            {
                TensorPrimitives.Add(zPart, perChunk.Slice(c * hidden, hidden), pre.Slice(((g * _chunks) + c) * hidden, hidden));
            }
        }

        return _trunk.ForwardFromFirstPreActivation(groups * _chunks);
    }

    private void SetScale(float[] chunkMoments)
    {
        for (int p = 0; p < _scale.Length; p++)
        {
            _scale[p] = MathF.Sqrt(_targetVariance[p] / (_headVariance * chunkMoments[p / _chunkSize]));
        }
    }

    /// <summary>Scratch for the trunk alone (the head's buffers, chunk-size times larger, are not needed for moments).</summary>
    private void ReserveTrunk(int groups)
    {
        _trunk.Reserve(groups * _chunks);
        _perCondition.Reserve((long)groups * Hidden);
        _perChunk.Reserve((long)_chunks * Hidden);
    }

    /// <summary>
    /// <see cref="HeadInputMoments"/>, after scaling the trunk's last layer, with
    /// <see cref="HypernetworkSpec.NormalizeTrunkOutput"/>, so that their mean over the chunks is 1 (as the headed
    /// generators do: Adam then moves the generated values by a few learning rates per step). The per-position scale
    /// is computed from the moments measured afterwards, so the generated variance does not change.
    /// </summary>
    private float[] NormalizedHeadInputMoments(ReadOnlySpan<float> zSamples, int samples)
    {
        float[] moments = HeadInputMoments(zSamples, samples);
        return _normalizeTrunkOutput && _trunk.NormalizeOutput(moments.Average()) ? HeadInputMoments(zSamples, samples) : moments;
    }

    /// <summary>E‖e_c‖² per chunk c over the sample conditions (the head input's second moments).</summary>
    internal float[] HeadInputMoments(ReadOnlySpan<float> zSamples, int samples)
    {
        ReserveTrunk(samples);
        ReadOnlySpan<float> e = RunTrunk(zSamples, samples);
        int width = _trunk.OutputSize;
        var moments = new float[_chunks];
        for (int c = 0; c < _chunks; c++)
        {
            double total = 0;
            for (int g = 0; g < samples; g++)
            {
                total += TensorPrimitives.Dot(e.Slice(((g * _chunks) + c) * width, width), e.Slice(((g * _chunks) + c) * width, width));
            }

            // A chunk whose trunk outputs are all zero (dead ReLUs) keeps the unit assumption rather than dividing by zero.
            moments[c] = total > 0 ? (float)(total / samples) : width;
        }

        return moments;
    }
}
