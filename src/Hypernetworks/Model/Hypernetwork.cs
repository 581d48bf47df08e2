using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Model.Application;
using Hypernetworks.Model.Conditioning;
using Hypernetworks.Model.FewShot;
using Hypernetworks.Model.Generators;
using Hypernetworks.Model.Persistence;
using Hypernetworks.Model.Training;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model;

/// <summary>
/// A hypernetwork: y = f(x; θ = h(z)). The encoder turns a conditioning row into z, the generator h turns z into
/// the parameters θ of the target MLP f, and f runs on the data row. Rows with bitwise-identical conditioning share
/// one θ (generated once, applied with one GEMM per layer); batches whose θ would exceed
/// <see cref="HypernetworkSpec.MaxGeneratedFloats"/> are processed in slices of groups. Buffers are kept between
/// calls, so a warm call allocates nothing; an instance is not thread-safe.
/// </summary>
public sealed partial class Hypernetwork : IDisposable
{
    private const int InitializationSamples = 256;
    private const int CalibrationConditions = 1024;

    private readonly ConditioningEncoder _encoder;
    private readonly SetMetric? _metric;
    private readonly TargetLayout _layout;
    private readonly WeightGenerator _generator;
    private readonly TargetApplication _application;
    private readonly RowGrouping _grouping = new();
    private readonly Parameter[] _parameters;
    private readonly int _groupsPerSlice;
    private readonly Workspace _conditioning = new();
    private readonly Workspace _z = new();
    private readonly Workspace _gradZ = new();
    private readonly Workspace _theta = new();
    private readonly Workspace _gradTheta = new();
    private readonly Workspace _x = new();
    private readonly Workspace _y = new();
    private readonly Workspace _gradY = new();
    private readonly Workspace _labels = new();
    private int[] _localStarts = [];
    private int[] _classes = [];
    private bool _disposed;

    /// <summary>Creates a hypernetwork with the built-in encoder the spec names, initialised from <paramref name="seed"/>.</summary>
    public Hypernetwork(HypernetworkSpec spec, ulong seed = 0)
        : this(spec, seed, null)
    {
    }

    /// <summary>
    /// Creates a hypernetwork; <paramref name="encoder"/> (required when <see cref="HypernetworkSpec.Encoder"/> is
    /// <see cref="ConditioningEncoderKind.Custom"/>, else null) is owned and disposed by it.
    /// </summary>
    public Hypernetwork(HypernetworkSpec spec, ulong seed, ConditioningEncoder? encoder)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        _metric = spec.HasPrototypePath ? new SetMetric(spec.InputSize, spec.SetMetricShrinkage) : null;
        _encoder = CreateEncoder(spec, encoder, _metric);
        Spec = spec;
        _layout = new TargetLayout(spec);
        int zSize = _encoder.OutputSize;
        _generator = _metric is not null ? new PrototypeGenerator(spec.Ways, spec.SetEmbeddingSize, _layout, _metric) : spec.Generator switch
        {
            GeneratorKind.Chunked => new ChunkedGenerator(zSize, _layout, spec.HiddenSizes, spec.GeneratorActivation, spec.ChunkSize, spec.ChunkEmbeddingSize, spec.NormalizeTrunkOutput),
            GeneratorKind.PerLayer => new HeadedGenerator(zSize, _layout, spec.HiddenSizes, spec.GeneratorActivation, trunkPerLayer: true, spec.NormalizeTrunkOutput, spec.SharedWeightFraction),
            _ => new HeadedGenerator(zSize, _layout, spec.HiddenSizes, spec.GeneratorActivation, trunkPerLayer: false, spec.NormalizeTrunkOutput, spec.SharedWeightFraction),
        };
        _application = new TargetApplication(_layout, spec.Activation, spec.LowRankBase);
        _parameters = [.. _encoder.Parameters, .. _generator.Parameters, .. _application.BaseWeights];
        _groupsPerSlice = (int)Math.Clamp(spec.MaxGeneratedFloats / _layout.Size, 1, int.MaxValue);

        var random = new SeededRandom(seed);
        _encoder.Initialize(random);
        var samples = new float[InitializationSamples * zSize];
        WeightFill.Normal(random, samples, 1f);
        _generator.Initialize(random, samples, InitializationSamples);
    }

    /// <summary>The spec this hypernetwork was built from.</summary>
    public HypernetworkSpec Spec { get; }

    /// <summary>Every learned parameter: encoder, generator, then (low rank with a base) the target bases.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Generated target parameters per condition.</summary>
    public int GeneratedParameterCount => _layout.Size;

    /// <summary>Learned parameters of the hypernetwork itself.</summary>
    public long ParameterCount => _parameters.Sum(p => (long)p.Length);

    /// <summary>The target network's output width.</summary>
    public int OutputSize => Spec.OutputSize;

    /// <summary>Width of a label row for the spec's task (1 for multiclass, else the output width).</summary>
    public int LabelSize => TaskLoss.LabelWidth(Spec.Task, OutputSize);

    /// <summary>
    /// output[rows, OutputSize] = f(data; θ(conditioning)) for conditioning [rows, ConditioningSize] and data
    /// [rows, InputSize].
    /// </summary>
    public void Forward(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, Span<float> output, ApplicationMode mode = ApplicationMode.Grouped)
    {
        int rows = Prepare(conditioning, data, mode);
        InputChecks.Width(output.Length, rows, OutputSize, nameof(output), "outputs");
        Run(conditioning, data, default, output, rows, withLoss: false, withGradients: false);
    }

    /// <summary>The mean loss of the spec's task over the batch, without gradients. Labels are [rows, <see cref="LabelSize"/>].</summary>
    public float ComputeLoss(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, ApplicationMode mode = ApplicationMode.Grouped)
    {
        int rows = PrepareWithLabels(conditioning, data, labels, mode);
        return Run(conditioning, data, labels, default, rows, withLoss: true, withGradients: false);
    }

    /// <summary>
    /// The mean loss over the batch, with its gradient added to every parameter's <see cref="Parameter.Gradient"/>
    /// (zero them first for a fresh step). Outputs are written to <paramref name="output"/> unless it is empty.
    /// </summary>
    public float ComputeGradients(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, Span<float> output = default, ApplicationMode mode = ApplicationMode.Grouped)
    {
        int rows = PrepareWithLabels(conditioning, data, labels, mode);
        if (!output.IsEmpty)
        {
            InputChecks.Width(output.Length, rows, OutputSize, nameof(output), "outputs");
        }

        return Run(conditioning, data, labels, output, rows, withLoss: true, withGradients: true);
    }

    /// <summary>The target network generated for one conditioning row, as a standalone MLP.</summary>
    public TargetNetwork Materialize(ReadOnlySpan<float> conditioning)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InputChecks.Width(conditioning.Length, 1, Spec.ConditioningSize, nameof(conditioning), "conditioning values");
        InputChecks.Finite(conditioning, Spec.ConditioningSize, nameof(conditioning));
        _encoder.Validate(conditioning, 1);
        ReserveSlice(1, 0);
        Span<float> z = _z.Span(_encoder.OutputSize);
        _encoder.Forward(conditioning, 1, z);
        return MaterializeEncoded(z);
    }

    /// <summary>
    /// Few-shot adaptation with no gradient step: the target network generated for one support set of any size,
    /// <paramref name="examples"/> [count, InputSize] labelled <paramref name="labels"/>[count] in [0, Ways), every
    /// class with at least one example. Needs a few-shot encoder (<see cref="HypernetworkSpec.IsSetEncoder"/>).
    /// </summary>
    public TargetNetwork Adapt(ReadOnlySpan<float> examples, ReadOnlySpan<int> labels)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_encoder is not SetEncoder set)
        {
            throw new InvalidOperationException($"Adapt needs a few-shot encoder (Prototypes, SupportMean or DeepSets); this hypernetwork's is {Spec.Encoder}.");
        }

        InputChecks.Width(examples.Length, labels.Length, Spec.InputSize, nameof(examples), "example values");
        InputChecks.Finite(examples, Spec.InputSize, nameof(examples));
        ReserveSlice(1, 0);
        Span<float> z = _z.Span(_encoder.OutputSize);
        set.Encode(examples, labels, z);
        return MaterializeEncoded(z);
    }

    private TargetNetwork MaterializeEncoded(ReadOnlySpan<float> z)
    {
        Span<float> theta = _theta.Span(_layout.Size);
        _generator.Generate(z, 1, theta);
        var weights = new List<float[]>();
        var biases = new List<float[]>();
        for (int l = 0; l < _layout.Layers.Count; l++)
        {
            (int inSize, int outSize) = _layout.Layers[l];
            var weight = new float[inSize * outSize];
            if (_layout.LowRank)
            {
                int r = _layout.Rank(l);
                Gemm.Multiply(false, true, outSize, inSize, r, 1f, theta[_layout.WeightOffset(l)..], r, theta[_layout.FactorVOffset(l)..], r, 0f, weight, inSize);
                if (_application.BaseWeights.Count > 0)
                {
                    TensorPrimitives.Add(weight, _application.BaseWeights[l].Value.Span, weight);
                }
            }
            else
            {
                theta.Slice(_layout.WeightOffset(l), weight.Length).CopyTo(weight);
            }

            weights.Add(weight);
            biases.Add(theta.Slice(_layout.BiasOffset(l), outSize).ToArray());
        }

        return new TargetNetwork(_layout.Layers, weights, biases, Spec.Activation);
    }

    /// <summary>
    /// Rescales the generator heads so that hyperfan initialisation holds for conditions distributed like the
    /// distinct rows of <paramref name="conditioning"/> (up to 1024 of them) rather than the standard normal z assumed
    /// at construction. Call it before training.
    /// </summary>
    public void CalibrateInitialization(ReadOnlySpan<float> conditioning)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int width = Spec.ConditioningSize;
        int rows = InputChecks.RowCount(conditioning, width, nameof(conditioning));
        if (rows == 0)
        {
            throw new ArgumentException("'conditioning' has no rows; calibration needs at least one condition.", nameof(conditioning));
        }

        InputChecks.Finite(conditioning, width, nameof(conditioning));
        _encoder.Validate(conditioning, rows);
        _grouping.GroupByConditioning(conditioning, width, rows);
        int count = Math.Min(_grouping.GroupCount, CalibrationConditions);
        var distinct = new float[count * width];
        for (int g = 0; g < count; g++)
        {
            conditioning.Slice(_grouping.Representatives[g] * width, width).CopyTo(distinct.AsSpan(g * width, width));
        }

        var z = new float[count * _encoder.OutputSize];
        _encoder.Forward(distinct, count, z);
        _generator.Calibrate(z, count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _encoder.Dispose();
        _generator.Dispose();
        _application.Dispose();
        foreach (Workspace w in new[] { _conditioning, _z, _gradZ, _theta, _gradTheta, _x, _y, _gradY, _labels })
        {
            w.Dispose();
        }
    }

    /// <summary>The chunked generator's fixed output scale (state that is not a parameter), or null for other kinds.</summary>
    internal float[]? ChunkScale => (_generator as ChunkedGenerator)?.Scale;

    /// <summary>The <see cref="ConditioningEncoderKind.Embedding"/> encoder's table [keys, size], or null for other encoders.</summary>
    internal Parameter? EmbeddingTable => (_encoder as EmbeddingEncoder)?.Table;

    /// <summary>Writes the spec and every parameter to <paramref name="stream"/> (see <see cref="HypernetworkState"/>).</summary>
    public void Save(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        HypernetworkState.Save(this, stream);
    }

    /// <summary>Reads a hypernetwork written by <see cref="Save"/>; throws <see cref="HypernetworkFormatException"/> for bad data.</summary>
    public static Hypernetwork Load(Stream stream, ConditioningEncoder? encoder = null) => HypernetworkState.Load(stream, encoder);

    /// <summary>
    /// Fits the metric of the DeepSets prototype path (<see cref="HypernetworkSpec.SetMetricShrinkage"/>) in closed
    /// form to labelled meta-training examples, <paramref name="examples"/> [count, InputSize] of classes
    /// <paramref name="classes"/>[count] (any integers, at least two classes): the directions in which examples of
    /// one class vary most count least. Call it before meta-training: the generated classifiers are built in this
    /// metric, and an unfitted one is the plain (identity) metric of the inputs.
    /// </summary>
    public void FitSetMetric(ReadOnlySpan<float> examples, ReadOnlySpan<int> classes, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_metric is null)
        {
            throw new InvalidOperationException($"{nameof(FitSetMetric)} needs the DeepSets prototype path ({nameof(HypernetworkSpec)}.{nameof(HypernetworkSpec.SetMetricShrinkage)} > 0); this hypernetwork's encoder is {Spec.Encoder} with {nameof(HypernetworkSpec.SetMetricShrinkage)} {Spec.SetMetricShrinkage}.");
        }

        InputChecks.Width(examples.Length, classes.Length, Spec.InputSize, nameof(examples), "example values");
        InputChecks.Finite(examples, Spec.InputSize, nameof(examples));
        _metric.Fit(examples, classes, cancellationToken);
    }

    /// <summary>The prototype path's metric (μ, then T), or null without it: state that is not a parameter.</summary>
    internal SetMetric? Metric => _metric;

    /// <summary>
    /// Copies every learned value into <paramref name="target"/>, a hypernetwork of the same spec (or one whose
    /// embedding table is larger, whose extra rows keep their values): the parameters and the state that is not a
    /// parameter (the chunked generator's scale, the prototype path's metric).
    /// </summary>
    internal void CopyStateTo(Hypernetwork target)
    {
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value.Span.CopyTo(target._parameters[i].Value.Span);
        }

        ChunkScale?.CopyTo(target.ChunkScale!, 0);
        if (_metric is not null)
        {
            _metric.Mean.CopyTo(target._metric!.Mean, 0);
            _metric.Transform.CopyTo(target._metric.Transform, 0);
        }
    }

    private static ConditioningEncoder CreateEncoder(HypernetworkSpec spec, ConditioningEncoder? encoder, SetMetric? metric)
    {
        if (spec.Encoder == ConditioningEncoderKind.Custom)
        {
            if (encoder is null)
            {
                throw new ArgumentException("HypernetworkSpec.Encoder is Custom; pass the encoder to the constructor.", nameof(encoder));
            }

            if (encoder.InputSize != spec.ConditioningSize)
            {
                throw new ArgumentException($"The encoder reads {encoder.InputSize} conditioning values per row but HypernetworkSpec.ConditioningSize is {spec.ConditioningSize}.", nameof(encoder));
            }

            return encoder;
        }

        if (encoder is not null)
        {
            throw new ArgumentException($"HypernetworkSpec.Encoder is {spec.Encoder}; set it to Custom to pass an encoder.", nameof(encoder));
        }

        return spec.Encoder switch
        {
            ConditioningEncoderKind.Embedding => new EmbeddingEncoder(spec.EmbeddingCount, spec.EmbeddingSize),
            ConditioningEncoderKind.Prototypes => new PrototypeEncoder(spec.Ways, spec.Shots, spec.InputSize),
            ConditioningEncoderKind.SupportMean => new SupportMeanEncoder(spec.Ways, spec.Shots, spec.InputSize),
            ConditioningEncoderKind.DeepSets => new DeepSetsEncoder(spec.Ways, spec.Shots, spec.InputSize, spec.SetHiddenSizes, spec.SetEmbeddingSize, metric),
            _ => new DenseEncoder(spec.ConditioningSize),
        };
    }

    private int PrepareWithLabels(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, ApplicationMode mode)
    {
        int rows = InputChecks.RowCount(data, Spec.InputSize, nameof(data));
        InputChecks.Width(labels.Length, rows, LabelSize, nameof(labels), "label values");
        InputChecks.Labels(Spec.Task, labels, LabelSize, OutputSize, nameof(labels));
        return Prepare(conditioning, data, mode);
    }

    private int Prepare(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ApplicationMode mode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int rows = InputChecks.RowCount(data, Spec.InputSize, nameof(data));
        InputChecks.Width(conditioning.Length, rows, Spec.ConditioningSize, nameof(conditioning), "conditioning values");
        InputChecks.Finite(conditioning, Spec.ConditioningSize, nameof(conditioning));
        InputChecks.Finite(data, Spec.InputSize, nameof(data));
        _encoder.Validate(conditioning, rows);
        if (mode == ApplicationMode.PerRow)
        {
            _grouping.GroupPerRow(rows);
        }
        else
        {
            _grouping.GroupByConditioning(conditioning, Spec.ConditioningSize, rows);
        }

        ReserveSlice(Math.Min(_grouping.GroupCount, _groupsPerSlice), rows);
        return rows;
    }

    private void ReserveSlice(int groups, int rows)
    {
        groups = Math.Max(groups, 1);
        _conditioning.Reserve((long)groups * Spec.ConditioningSize);
        _z.Reserve((long)groups * _encoder.OutputSize);
        _gradZ.Reserve((long)groups * _encoder.OutputSize);
        _theta.Reserve((long)groups * _layout.Size);
        _gradTheta.Reserve((long)groups * _layout.Size);
        _generator.Reserve(groups);
        _application.Reserve(rows);
        _x.Reserve((long)rows * Spec.InputSize);
        _y.Reserve((long)rows * OutputSize);
        _gradY.Reserve((long)rows * OutputSize);
        _labels.Reserve((long)rows * LabelSize);
        if (_localStarts.Length < groups + 1)
        {
            _localStarts = new int[groups + 1];
        }

        if (_classes.Length < rows)
        {
            _classes = new int[rows];
        }
    }

    private float Run(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, Span<float> output, int rows, bool withLoss, bool withGradients)
    {
        int width = Spec.ConditioningSize;
        int inSize = Spec.InputSize;
        int outSize = OutputSize;
        int labelSize = LabelSize;
        int size = _layout.Size;
        ReadOnlySpan<int> order = _grouping.Order;
        ReadOnlySpan<int> starts = _grouping.Starts;
        ReadOnlySpan<int> representatives = _grouping.Representatives;
        int groupCount = _grouping.GroupCount;
        double loss = 0;
        for (int g0 = 0; g0 < groupCount; g0 += _groupsPerSlice)
        {
            int groups = Math.Min(_groupsPerSlice, groupCount - g0);
            int first = starts[g0];
            int n = starts[g0 + groups] - first;
            Span<float> condition = _conditioning.Span(groups * width);
            for (int g = 0; g < groups; g++)
            {
                conditioning.Slice(representatives[g0 + g] * width, width).CopyTo(condition.Slice(g * width, width));
                _localStarts[g] = starts[g0 + g] - first;
            }

            _localStarts[groups] = n;
            Span<float> z = _z.Span(groups * _encoder.OutputSize);
            _encoder.Forward(condition, groups, z);
            Span<float> theta = _theta.Span(groups * size);
            _generator.Generate(z, groups, theta);

            Span<float> x = _x.Span(n * inSize);
            for (int i = 0; i < n; i++)
            {
                FlushToZero.Copy(data.Slice(order[first + i] * inSize, inSize), x.Slice(i * inSize, inSize));
            }

            Span<float> y = _y.Span(n * outSize);
            ReadOnlySpan<int> localStarts = _localStarts.AsSpan(0, groups + 1);
            _application.Forward(theta, localStarts, groups, x, n, y);
            if (!output.IsEmpty)
            {
                for (int i = 0; i < n; i++)
                {
                    y.Slice(i * outSize, outSize).CopyTo(output.Slice(order[first + i] * outSize, outSize));
                }
            }

            if (!withLoss)
            {
                continue;
            }

            Span<float> sliceLabels = _labels.Span(n * labelSize);
            for (int i = 0; i < n; i++)
            {
                FlushToZero.Copy(labels.Slice(order[first + i] * labelSize, labelSize), sliceLabels.Slice(i * labelSize, labelSize));
            }

            Span<float> gradY = withGradients ? _gradY.Span(n * outSize) : default;
            float share = (float)n / rows;
            loss += TaskLoss.Compute(Spec.Task, y, sliceLabels, n, outSize, gradY, _classes) * (double)share;
            if (!withGradients)
            {
                continue;
            }

            if (share != 1f)
            {
                TensorPrimitives.Multiply(gradY, share, gradY);
            }

            Span<float> gradTheta = _gradTheta.Span(groups * size);
            _application.Backward(theta, localStarts, groups, x, n, gradY, gradTheta);
            Span<float> gradZ = _encoder.Parameters.Count > 0 ? _gradZ.Span(groups * _encoder.OutputSize) : default;
            _generator.Backward(z, gradTheta, groups, gradZ);
            if (!gradZ.IsEmpty)
            {
                _encoder.Backward(condition, gradZ, groups);
            }
        }

        return (float)loss;
    }
}
