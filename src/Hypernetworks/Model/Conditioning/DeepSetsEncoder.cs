using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model.Application;
using Hypernetworks.Model.FewShot;
using Hypernetworks.Model.Generators;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// A DeepSets support-set encoder (Zaheer et al., 2017) trained end to end with the hypernetwork. φ (an MLP, ReLU
/// after every layer) reads each example beside its one-hot label; φ's outputs are averaged per class (p_c); ρ reads
/// each class's p_c beside the mean of all classes' p (the set's context) through a ReLU layer and a linear layer,
/// and z is ρ's outputs in label order, [Ways × <see cref="EmbeddingSize"/>]. Averaging makes z invariant to the
/// order of a class's examples and to their number; permuting the labels permutes z's blocks and changes the
/// label inputs of φ, so the generated classifier can follow the labels. With the prototype path
/// (<see cref="HypernetworkSpec.SetMetricShrinkage"/>, fitted by <see cref="Hypernetwork.FitSetMetric"/>), φ reads each example in the metric,
/// u = T·(x − μ) at unit length, and each class's block of z is ρ's output followed by the class prototype p̂_c, the
/// unit-length mean of its examples' u, for the prototype generator to build the classifier from.
/// </summary>
public sealed class DeepSetsEncoder : SetEncoder
{
    private readonly Trunk _phi;
    private readonly Trunk _rhoHidden;
    private readonly Linear _rhoOut;
    private readonly Parameter[] _parameters;
    private readonly Workspace _phiInput = new();
    private readonly Workspace _pooled = new();
    private readonly Workspace _rhoInput = new();
    private readonly Workspace _gradRhoHidden = new();
    private readonly Workspace _gradRhoInput = new();
    private readonly Workspace _gradPhiOutput = new();
    private readonly Workspace _centred = new();
    private readonly Workspace _metricExamples = new();
    private readonly Workspace _rhoOutput = new();
    private readonly Workspace _prototypes = new();
    private readonly SetMetric? _metric;
    private SupportSets? _lastSets;

    /// <summary>
    /// Creates the encoder: φ has layers of <paramref name="phiSizes"/> (the last is the pooled width) and ρ emits
    /// <paramref name="embeddingSize"/> values per class.
    /// </summary>
    public DeepSetsEncoder(int ways, int shots, int exampleSize, IReadOnlyList<int> phiSizes, int embeddingSize)
        : this(ways, shots, exampleSize, phiSizes, embeddingSize, null)
    {
    }

    /// <summary>Creates the encoder, with the prototype path in <paramref name="metric"/> unless it is null.</summary>
    internal DeepSetsEncoder(int ways, int shots, int exampleSize, IReadOnlyList<int> phiSizes, int embeddingSize, SetMetric? metric)
        : base(ways, shots, exampleSize)
    {
        ArgumentNullException.ThrowIfNull(phiSizes);
        ArgumentOutOfRangeException.ThrowIfZero(phiSizes.Count, nameof(phiSizes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingSize);
        EmbeddingSize = embeddingSize;
        _metric = metric;
        _phi = new Trunk(exampleSize + ways, phiSizes, Activation.Relu, "encoder.phi");
        _rhoHidden = new Trunk(2 * _phi.OutputSize, [embeddingSize], Activation.Relu, "encoder.rho");
        _rhoOut = new Linear(embeddingSize, embeddingSize, "encoder.rho.out");
        _parameters = [.. _phi.Parameters(), .. _rhoHidden.Parameters(), .. _rhoOut.Parameters()];
    }

    /// <summary>Width of ρ's output per class.</summary>
    public int EmbeddingSize { get; }

    /// <inheritdoc />
    public override int OutputSize => Ways * SlotSize;

    /// <summary>The metric of the prototype path, or null without it.</summary>
    internal SetMetric? Metric => _metric;

    /// <summary>Values of z per class: ρ's output, then (with the prototype path) the class prototype.</summary>
    private int SlotSize => EmbeddingSize + (_metric is null ? 0 : ExampleSize);

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Kaiming-normal φ and ρ weights with zero biases; ρ's last layer is scaled for a unit-variance z.</summary>
    public override void Initialize(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _phi.Initialize(random);
        _rhoHidden.Initialize(random, TargetVariance.GainSquared(Activation.Relu));
        WeightFill.Normal(random, _rhoOut.Weight.Value.Span, MathF.Sqrt(1f / EmbeddingSize));
        _rhoOut.Bias.Value.Clear();
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> gradEncoded, int rows)
    {
        SupportSets sets = FixedLayout(rows);
        if (!ReferenceEquals(sets, _lastSets))
        {
            throw new InvalidOperationException("DeepSetsEncoder.Backward must follow a Forward of the same rows.");
        }

        // The pooled buffer is reused for the gradient below: a second Backward needs another Forward first.
        _lastSets = null;
        int slots = sets.Counts.Length;
        int pooled = _phi.OutputSize;
        Span<float> gradHidden = _gradRhoHidden.Span(slots * EmbeddingSize);
        ReadOnlySpan<float> gradRho = gradEncoded[..(slots * EmbeddingSize)];
        if (_metric is not null)
        {
            // The prototypes have no parameters behind them: only ρ's part of each block carries a gradient back. ρ's
            // output buffer is free to hold it: ρ's backward reads only its input.
            Span<float> gathered = _rhoOutput.Span(slots * EmbeddingSize);
            for (int slot = 0; slot < slots; slot++)
            {
                gradEncoded.Slice(slot * SlotSize, EmbeddingSize).CopyTo(gathered.Slice(slot * EmbeddingSize, EmbeddingSize));
            }

            gradRho = gathered;
        }

        _rhoOut.Backward(_rhoHidden.Output(_rhoInput.Span(slots * 2 * pooled), slots), gradRho, slots, gradHidden);
        Span<float> gradRhoInput = _gradRhoInput.Span(slots * 2 * pooled);
        _rhoHidden.Backward(_rhoInput.Span(slots * 2 * pooled), gradHidden, slots, gradRhoInput);

        // d p_c = d(own half) + (1 / Ways) Σ over the set's classes of d(context half).
        Span<float> gradPooled = _pooled.Span(slots * pooled);
        for (int set = 0; set < sets.Count; set++)
        {
            Span<float> context = gradPooled.Slice(set * Ways * pooled, pooled);
            context.Clear();
            for (int c = 0; c < Ways; c++)
            {
                TensorPrimitives.Add(context, gradRhoInput.Slice((((set * Ways) + c) * 2 * pooled) + pooled, pooled), context);
            }

            TensorPrimitives.Multiply(context, 1f / Ways, context);
            for (int c = Ways - 1; c >= 0; c--)
            {
                int slot = (set * Ways) + c;
                TensorPrimitives.Add(gradRhoInput.Slice(slot * 2 * pooled, pooled), context, gradPooled.Slice(slot * pooled, pooled));
            }
        }

        Span<float> gradPhi = _gradPhiOutput.Span(sets.Examples * pooled);
        SlotMeans.Backward(gradPooled, pooled, sets, gradPhi);
        _phi.Backward(_phiInput.Span(sets.Examples * _phi.InputSize), gradPhi, sets.Examples, default);
    }

    private protected override void EncodeSets(ReadOnlySpan<float> examples, SupportSets sets, Span<float> encoded)
    {
        int slots = sets.Counts.Length;
        int pooledWidth = _phi.OutputSize;
        Reserve(sets.Examples, slots);
        int width = _phi.InputSize;
        Span<float> input = _phiInput.Span(sets.Examples * width);
        ReadOnlySpan<float> source = _metric is null ? examples : InMetric(examples, sets.Examples);
        for (int i = 0; i < sets.Examples; i++)
        {
            Span<float> row = input.Slice(i * width, width);
            FlushToZero.Copy(source.Slice(i * ExampleSize, ExampleSize), row[..ExampleSize]);
            Span<float> label = row[ExampleSize..];
            label.Clear();
            label[sets.SlotOf(i) % Ways] = 1f;
        }

        ReadOnlySpan<float> phi = _phi.Forward(input, sets.Examples);
        Span<float> pooled = _pooled.Span(slots * pooledWidth);
        SlotMeans.Compute(phi, pooledWidth, sets, pooled);
        Span<float> rhoInput = _rhoInput.Span(slots * 2 * pooledWidth);
        for (int set = 0; set < sets.Count; set++)
        {
            Span<float> context = rhoInput.Slice((set * Ways * 2 * pooledWidth) + pooledWidth, pooledWidth);
            context.Clear();
            for (int c = 0; c < Ways; c++)
            {
                TensorPrimitives.Add(context, pooled.Slice(((set * Ways) + c) * pooledWidth, pooledWidth), context);
            }

            TensorPrimitives.Multiply(context, 1f / Ways, context);
            for (int c = 0; c < Ways; c++)
            {
                int slot = (set * Ways) + c;
                pooled.Slice(slot * pooledWidth, pooledWidth).CopyTo(rhoInput.Slice(slot * 2 * pooledWidth, pooledWidth));
                if (c > 0)
                {
                    context.CopyTo(rhoInput.Slice((slot * 2 * pooledWidth) + pooledWidth, pooledWidth));
                }
            }
        }

        ReadOnlySpan<float> hidden = _rhoHidden.Forward(rhoInput, slots);
        if (_metric is null)
        {
            _rhoOut.Forward(hidden, slots, encoded[..(slots * EmbeddingSize)]);
            FlushToZero.Apply(encoded[..(slots * EmbeddingSize)]);
        }
        else
        {
            WriteWithPrototypes(hidden, source, sets, encoded);
        }

        _lastSets = sets;
    }

    /// <summary>The examples in the metric at unit length, [count, ExampleSize] (a zero u stays zero).</summary>
    private ReadOnlySpan<float> InMetric(ReadOnlySpan<float> examples, int count)
    {
        Span<float> u = _metricExamples.Span(count * ExampleSize);
        _metric!.Apply(examples, count, _centred.Span(count * ExampleSize), u);
        for (int i = 0; i < count; i++)
        {
            Normalize(u.Slice(i * ExampleSize, ExampleSize));
        }

        return u;
    }

    /// <summary>Each class's block of z: ρ's output, then the unit-length mean of its examples' unit-length u.</summary>
    private void WriteWithPrototypes(ReadOnlySpan<float> hidden, ReadOnlySpan<float> metricExamples, SupportSets sets, Span<float> encoded)
    {
        int slots = sets.Counts.Length;
        Span<float> rho = _rhoOutput.Span(slots * EmbeddingSize);
        _rhoOut.Forward(hidden, slots, rho);
        Span<float> prototypes = _prototypes.Span(slots * ExampleSize);
        SlotMeans.Compute(metricExamples, ExampleSize, sets, prototypes);
        for (int slot = 0; slot < slots; slot++)
        {
            Span<float> block = encoded.Slice(slot * SlotSize, SlotSize);
            rho.Slice(slot * EmbeddingSize, EmbeddingSize).CopyTo(block);
            Span<float> prototype = block[EmbeddingSize..];
            prototypes.Slice(slot * ExampleSize, ExampleSize).CopyTo(prototype);
            Normalize(prototype);
        }

        FlushToZero.Apply(encoded[..(slots * SlotSize)]);
    }

    private static void Normalize(Span<float> values)
    {
        float norm = TensorPrimitives.Norm(values);
        if (norm > 0)
        {
            TensorPrimitives.Multiply(values, 1f / norm, values);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _phi.Dispose();
            _rhoHidden.Dispose();
            _rhoOut.Dispose();
            foreach (Workspace w in new[] { _phiInput, _pooled, _rhoInput, _gradRhoHidden, _gradRhoInput, _gradPhiOutput, _centred, _metricExamples, _rhoOutput, _prototypes })
            {
                w.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Reserve(int examples, int slots)
    {
        int pooled = _phi.OutputSize;
        _phi.Reserve(examples);
        _rhoHidden.Reserve(slots);
        _phiInput.Reserve((long)examples * _phi.InputSize);
        _pooled.Reserve((long)slots * pooled);
        _rhoInput.Reserve((long)slots * 2 * pooled);
        _gradRhoHidden.Reserve((long)slots * EmbeddingSize);
        _gradRhoInput.Reserve((long)slots * 2 * pooled);
        _gradPhiOutput.Reserve((long)examples * pooled);
        if (_metric is not null)
        {
            _rhoOutput.Reserve((long)slots * EmbeddingSize);
            _centred.Reserve((long)examples * ExampleSize);
            _metricExamples.Reserve((long)examples * ExampleSize);
            _prototypes.Reserve((long)slots * ExampleSize);
        }
    }
}
