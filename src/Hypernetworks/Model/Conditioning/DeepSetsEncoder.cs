using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model.Application;
using Hypernetworks.Model.Generators;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// A DeepSets support-set encoder (Zaheer et al., 2017) trained end to end with the hypernetwork. φ (an MLP, ReLU
/// after every layer) reads each example beside its one-hot label; φ's outputs are averaged per class (p_c); ρ reads
/// each class's p_c beside the mean of all classes' p (the set's context) through a ReLU layer and a linear layer,
/// and z is ρ's outputs in label order, [Ways × <see cref="EmbeddingSize"/>]. Averaging makes z invariant to the
/// order of a class's examples and to their number; permuting the labels permutes z's blocks and changes the
/// label inputs of φ, so the generated classifier can follow the labels.
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
    private SupportSets? _lastSets;

    /// <summary>
    /// Creates the encoder: φ has layers of <paramref name="phiSizes"/> (the last is the pooled width) and ρ emits
    /// <paramref name="embeddingSize"/> values per class.
    /// </summary>
    public DeepSetsEncoder(int ways, int shots, int exampleSize, IReadOnlyList<int> phiSizes, int embeddingSize)
        : base(ways, shots, exampleSize)
    {
        ArgumentNullException.ThrowIfNull(phiSizes);
        ArgumentOutOfRangeException.ThrowIfZero(phiSizes.Count, nameof(phiSizes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingSize);
        EmbeddingSize = embeddingSize;
        _phi = new Trunk(exampleSize + ways, phiSizes, Activation.Relu, "encoder.phi");
        _rhoHidden = new Trunk(2 * _phi.OutputSize, [embeddingSize], Activation.Relu, "encoder.rho");
        _rhoOut = new Linear(embeddingSize, embeddingSize, "encoder.rho.out");
        _parameters = [.. _phi.Parameters(), .. _rhoHidden.Parameters(), .. _rhoOut.Parameters()];
    }

    /// <summary>Width of ρ's output per class.</summary>
    public int EmbeddingSize { get; }

    /// <inheritdoc />
    public override int OutputSize => Ways * EmbeddingSize;

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
        _rhoOut.Backward(_rhoHidden.Output(_rhoInput.Span(slots * 2 * pooled), slots), gradEncoded[..(slots * EmbeddingSize)], slots, gradHidden);
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
        for (int i = 0; i < sets.Examples; i++)
        {
            Span<float> row = input.Slice(i * width, width);
            FlushToZero.Copy(examples.Slice(i * ExampleSize, ExampleSize), row[..ExampleSize]);
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
        _rhoOut.Forward(hidden, slots, encoded[..(slots * EmbeddingSize)]);
        FlushToZero.Apply(encoded[..(slots * EmbeddingSize)]);
        _lastSets = sets;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _phi.Dispose();
            _rhoHidden.Dispose();
            _rhoOut.Dispose();
            foreach (Workspace w in new[] { _phiInput, _pooled, _rhoInput, _gradRhoHidden, _gradRhoInput, _gradPhiOutput })
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
    }
}
