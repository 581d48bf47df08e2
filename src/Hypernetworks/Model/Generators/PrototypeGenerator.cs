using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Model.Application;
using Hypernetworks.Model.FewShot;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// The class-wise generator of the DeepSets prototype path: for a linear target x ↦ W·x + b of Ways outputs it reads
/// each class's block of z, ρ_c then the unit-length prototype p̂_c in the metric u = T·(x − μ), and writes class c's
/// row in the metric, w̃_c = s·p̂_c + R·ρ_c, then in the inputs, w_c = Tᵀ·w̃_c and b_c = −w_c·μ + r·ρ_c. The same s,
/// R and r serve every class. R and r start at zero: before
/// meta-training the network is the cosine classifier of the prototypes in the metric (the query's length is the
/// same for every class, so leaving it unnormalised changes no prediction), and training learns the correction.
/// </summary>
internal sealed class PrototypeGenerator : WeightGenerator
{
    /// <summary>The starting s: the softmax temperature of a cosine classifier over unit-length queries (T makes ‖u‖ ≈ 1).</summary>
    private const float InitialScale = 10f;

    private readonly SetMetric _metric;
    private readonly int _ways;
    private readonly int _embedding;
    private readonly int _width;
    private readonly Parameter _scale;
    private readonly Parameter _residual;
    private readonly Parameter _bias;
    private readonly Parameter[] _parameters;
    private readonly Workspace _rows = new();
    private readonly Workspace _gradRows = new();
    private readonly Workspace _gradMetricRows = new();

    public PrototypeGenerator(int ways, int embeddingSize, TargetLayout layout, SetMetric metric)
        : base(ways * (embeddingSize + metric.Width), layout)
    {
        _metric = metric;
        _ways = ways;
        _embedding = embeddingSize;
        _width = metric.Width;
        _scale = new Parameter("generator.prototype.scale", 1);
        _residual = new Parameter("generator.prototype.residual", _width, embeddingSize);
        _bias = new Parameter("generator.prototype.bias", embeddingSize);
        _parameters = [_scale, _residual, _bias];
    }

    public override IReadOnlyList<Parameter> Parameters => _parameters;

    private int SlotSize => _embedding + _width;

    public override void Reserve(int groups)
    {
        long rows = (long)groups * _ways * _width;
        _rows.Reserve(rows);
        _gradRows.Reserve(rows);
        _gradMetricRows.Reserve(rows);
    }

    public override void Forward(ReadOnlySpan<float> z, int groups, Span<float> theta)
    {
        int slots = groups * _ways;
        Span<float> metricRows = _rows.Span(slots * _width);
        float scale = _scale.Value.Span[0];
        for (int slot = 0; slot < slots; slot++)
        {
            TensorPrimitives.Multiply(z.Slice((slot * SlotSize) + _embedding, _width), scale, metricRows.Slice(slot * _width, _width));
        }

        // w̃ += ρ·Rᵀ for every class of every group at once: ρ_c sits at the start of each block of z.
        Gemm.Multiply(false, true, slots, _width, _embedding, 1f, z, SlotSize, _residual.Value.Span, _embedding, 1f, metricRows, _width);
        ReadOnlySpan<float> r = _bias.Value.Span;
        for (int g = 0; g < groups; g++)
        {
            Span<float> weight = theta.Slice((g * Layout.Size) + Layout.WeightOffset(0), _ways * _width);
            Gemm.Multiply(false, false, _ways, _width, _width, 1f, metricRows.Slice(g * _ways * _width, _ways * _width), _width, _metric.Transform, _width, 0f, weight, _width);
            Span<float> bias = theta.Slice((g * Layout.Size) + Layout.BiasOffset(0), _ways);
            for (int c = 0; c < _ways; c++)
            {
                int slot = (g * _ways) + c;
                bias[c] = TensorPrimitives.Dot(z.Slice(slot * SlotSize, _embedding), r) - TensorPrimitives.Dot(weight.Slice(c * _width, _width), _metric.Mean);
            }
        }
    }

    public override void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradTheta, int groups, Span<float> gradZ)
    {
        int slots = groups * _ways;

        // d w_c in the inputs, with the bias's −μ·d b_c folded in; then d w̃_c = T·(that).
        Span<float> gradInputRows = _gradRows.Span(slots * _width);
        for (int g = 0; g < groups; g++)
        {
            ReadOnlySpan<float> gradBias = gradTheta.Slice((g * Layout.Size) + Layout.BiasOffset(0), _ways);
            for (int c = 0; c < _ways; c++)
            {
                Span<float> row = gradInputRows.Slice(((g * _ways) + c) * _width, _width);
                gradTheta.Slice((g * Layout.Size) + Layout.WeightOffset(0) + (c * _width), _width).CopyTo(row);
                TensorPrimitives.MultiplyAdd(_metric.Mean, -gradBias[c], row, row);
            }
        }

        Span<float> gradMetricRows = _gradMetricRows.Span(slots * _width);
        Gemm.Multiply(false, true, slots, _width, _width, 1f, gradInputRows, _width, _metric.Transform, _width, 0f, gradMetricRows, _width);

        Span<float> gradScale = _scale.Gradient.Span;
        Span<float> gradR = _residual.Gradient.Span;
        Span<float> gradBiasWeights = _bias.Gradient.Span;
        float scale = _scale.Value.Span[0];
        ReadOnlySpan<float> residual = _residual.Value.Span;
        ReadOnlySpan<float> r = _bias.Value.Span;
        double scaleSum = 0;
        for (int slot = 0; slot < slots; slot++)
        {
            scaleSum += TensorPrimitives.Dot(gradMetricRows.Slice(slot * _width, _width), z.Slice((slot * SlotSize) + _embedding, _width));
            float gradB = gradTheta[((slot / _ways) * Layout.Size) + Layout.BiasOffset(0) + (slot % _ways)];
            TensorPrimitives.MultiplyAdd(z.Slice(slot * SlotSize, _embedding), gradB, gradBiasWeights, gradBiasWeights);
        }

        gradScale[0] += (float)scaleSum;

        // d R += d w̃ᵀ·ρ over every class of every group.
        Gemm.Multiply(true, false, _width, _embedding, slots, 1f, gradMetricRows, _width, z, SlotSize, 1f, gradR, _embedding);
        if (gradZ.IsEmpty)
        {
            return;
        }

        for (int slot = 0; slot < slots; slot++)
        {
            float gradB = gradTheta[((slot / _ways) * Layout.Size) + Layout.BiasOffset(0) + (slot % _ways)];
            Span<float> block = gradZ.Slice(slot * SlotSize, SlotSize);
            Span<float> gradRho = block[.._embedding];
            Gemm.Multiply(false, false, 1, _embedding, _width, 1f, gradMetricRows.Slice(slot * _width, _width), _width, residual, _embedding, 0f, gradRho, _embedding);
            TensorPrimitives.MultiplyAdd(r, gradB, gradRho, gradRho);
            TensorPrimitives.Multiply(gradMetricRows.Slice(slot * _width, _width), scale, block[_embedding..]);
        }
    }

    public override void Initialize(SeededRandom random, ReadOnlySpan<float> zSamples, int samples)
    {
        ArgumentNullException.ThrowIfNull(random);
        _scale.Value.Span[0] = InitialScale;
        _residual.Value.Span.Clear();
        _bias.Value.Span.Clear();
    }

    /// <summary>Nothing to rescale: the prototypes set the rows' size, not a variance target.</summary>
    public override void Calibrate(ReadOnlySpan<float> zSamples, int samples)
    {
    }

    public override void Dispose()
    {
        foreach (Parameter p in _parameters)
        {
            p.Dispose();
        }

        foreach (Workspace w in new[] { _rows, _gradRows, _gradMetricRows })
        {
            w.Dispose();
        }
    }
}
