using System.Collections.Concurrent;
using Hypernetworks.MLNet.Scoring;
using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// A fitted hypernetwork: adds the score columns of its task to every row, named and typed as ML.NET's own trainers
/// write them (see <see cref="HypernetworkTrainer"/>). <see cref="Transform"/> is lazy and scores rows in batches,
/// so that rows sharing a conditioning share one set of generated weights; <see cref="GetRowToRowMapper"/> serves
/// ML.NET's <c>PredictionEngine</c>, alone or inside a chain, and keeps the generated networks of conditionings that
/// repeat. A transformer may serve several cursors on several threads at once: a cursor that finds the model busy
/// scores with a replica of it (made on first need and reused). Rows whose conditioning or features are missing, of
/// the wrong size or not finite, or whose conditioning key was not seen in training, fail with an exception that
/// names the column and the row. Saving (<c>mlContext.Model.Save</c>) writes stock ML.NET components: an ONNX graph
/// of the whole conditional network in an <c>OnnxTransformer</c>, which stock <c>mlContext.Model.Load</c> runs
/// anywhere and <c>mlContext.Model.LoadHypernetwork</c> turns back into this transformer.
/// </summary>
public sealed partial class HypernetworkTransformer : ITransformer, IDisposable
{
    /// <summary>Rows scored together by a cursor of <see cref="Transform"/>.</summary>
    public const int ScoringBatchSize = 4096;

    private readonly HypernetworkColumnLayout _layout;
    private readonly LabelKeyValues? _labelKeyValues;
    private readonly Lock _gate = new();
    private readonly Lock _poolGate = new();
    private readonly ConcurrentBag<Hypernetwork> _replicas = [];
    private readonly LearnedKeys? _learnedKeys;
    private bool _disposed;

    internal HypernetworkTransformer(Hypernetwork model, HypernetworkColumnLayout layout, InputStandardization standardization, LabelKeyValues? labelKeyValues, DataViewSchema inputSchema, IReadOnlyList<int>? learnedKeyIndices = null)
    {
        Model = model;
        InputSchema = inputSchema;
        _layout = layout;
        Standardization = standardization;
        _labelKeyValues = labelKeyValues;
        _learnedKeys = learnedKeyIndices is null ? null : new LearnedKeys(learnedKeyIndices, (int)layout.ConditioningKeyCount);
    }

    /// <summary>
    /// The core hypernetwork. It reads standardised inputs when <see cref="IsStandardized"/>. It is not thread-safe:
    /// do not use it while this transformer scores, do not change its parameters once the transformer has scored
    /// (replicas are copies), and do not dispose it (dispose the transformer).
    /// </summary>
    public Hypernetwork Model { get; }

    /// <summary>The task, which fixes the output columns.</summary>
    public HypernetworkTask Task => _layout.Task;

    /// <summary>The conditioning column read.</summary>
    public string ConditioningColumnName => _layout.ConditioningColumnName;

    /// <summary>The feature column read.</summary>
    public string FeatureColumnName => _layout.FeatureColumnName;

    /// <summary>The label column the model was trained on.</summary>
    public string LabelColumnName => _layout.LabelColumnName;

    /// <summary>Whether the conditioning is a key (a learned embedding per key) rather than a Single vector.</summary>
    public bool IsKeyConditioned => _layout.ConditioningKeyCount > 0;

    /// <summary>Whether the features (and a Single conditioning) are standardised with the training rows' statistics before the model sees them.</summary>
    public bool IsStandardized => Standardization.Features is not null || Standardization.Conditioning is not null;

    /// <summary>Always true: a hypernetwork maps each row on its own.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>
    /// The conditioning keys (1-based, as the key column holds them) the model has learned, ascending: the keys of its
    /// training rows, and of every <see cref="HypernetworkTrainer.Fit(IDataView, HypernetworkTransformer)"/> since.
    /// Scoring any other key fails with an exception that names it. Empty for a Single conditioning.
    /// </summary>
    public IReadOnlyList<uint> LearnedKeys => !IsKeyConditioned ? []
        : _learnedKeys is null ? [.. Enumerable.Range(1, (int)_layout.ConditioningKeyCount).Select(k => (uint)k)]
        : [.. _learnedKeys.Indices.Select(k => (uint)k + 1)];

    internal HypernetworkColumnLayout Layout => _layout;

    /// <summary>The zero-based keys the model has learned, or null when it has learned every key of its table.</summary>
    internal IReadOnlyList<int>? LearnedKeyIndices => _learnedKeys?.Indices;

    internal InputStandardization Standardization { get; }

    internal LabelKeyValues? LabelKeyValues => _labelKeyValues;

    /// <summary>The schema of the rows the transformer was fitted (or loaded) on; its stock stand-in is built for it when saved.</summary>
    internal DataViewSchema InputSchema { get; }

    /// <summary>
    /// The target network generated for one conditioning vector (as the conditioning column holds it), as a
    /// standalone MLP that reads the feature column's values as they are (the standardisation is folded into it).
    /// </summary>
    /// <param name="conditioning">The conditioning values (as many as the conditioning column's vectors hold).</param>
    public TargetNetwork Materialize(ReadOnlySpan<float> conditioning)
    {
        if (IsKeyConditioned)
        {
            throw new InvalidOperationException($"The conditioning column '{ConditioningColumnName}' is a key; call Materialize(uint key).");
        }

        if (conditioning.Length != _layout.ConditioningSize)
        {
            throw new ArgumentException($"The conditioning has {conditioning.Length} values; the model reads {_layout.ConditioningSize}.", nameof(conditioning));
        }

        return MaterializeRow(conditioning);
    }

    /// <summary>The target network generated for one conditioning key (1-based, as the key column holds it), as a standalone MLP.</summary>
    /// <param name="key">A key in 1..the number of keys seen in training.</param>
    public TargetNetwork Materialize(uint key)
    {
        if (!IsKeyConditioned)
        {
            throw new InvalidOperationException($"The conditioning column '{ConditioningColumnName}' is a Single vector; call Materialize(ReadOnlySpan<float>).");
        }

        if (key == 0 || key > _layout.ConditioningKeyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, $"The model knows conditioning keys 1-{_layout.ConditioningKeyCount}.");
        }

        return MaterializeStandardized([key - 1]);
    }

    /// <summary>The input schema with the task's score columns added (replacing any of the same names).</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckInput(inputSchema);
        return OutputSchema(inputSchema);
    }

    /// <summary>The row mapper ML.NET's <c>PredictionEngine</c> uses: it scores one row at a time.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckInput(inputSchema);
        return new HypernetworkRowMapper(this, inputSchema, OutputSchema(inputSchema));
    }

    /// <summary>The lazily scored view of <paramref name="input"/>.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new BatchScoringDataView(input, this, (HypernetworkRowMapper)GetRowToRowMapper(input.Schema));
    }

    /// <summary>Releases the model's memory; the transformer cannot score afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                Model.Dispose();
                lock (_poolGate)
                {
                    while (_replicas.TryTake(out Hypernetwork? replica))
                    {
                        replica.Dispose();
                    }
                }
            }
        }
    }

    /// <summary>The readers of the conditioning and feature columns of <paramref name="row"/>.</summary>
    internal (FloatColumnReader Conditioning, FloatColumnReader Features) CreateReaders(DataViewRow row)
    {
        (DataViewSchema.Column conditioning, DataViewSchema.Column features) = CheckInput(row.Schema);
        return (FloatColumnReader.Create(row, conditioning, _layout.ConditioningSize, _layout.ConditioningKeyCount),
            FloatColumnReader.Create(row, features, _layout.FeatureSize, 0));
    }

    /// <summary>The input columns the score columns depend on.</summary>
    internal (DataViewSchema.Column Conditioning, DataViewSchema.Column Features) InputColumns(DataViewSchema schema) => CheckInput(schema);

    /// <summary>
    /// Scores <paramref name="rows"/> rows as the columns hold them (standardised here, in place): raw outputs, or
    /// class probabilities for multiclass classification.
    /// </summary>
    internal void Score(Span<float> conditioning, Span<float> features, Span<float> outputs, int rows)
    {
        int width = _layout.OutputSize;
        Span<float> scored = outputs[..(rows * width)];
        Span<float> z = conditioning[..(rows * _layout.ConditioningSize)];
        Span<float> x = features[..(rows * _layout.FeatureSize)];
        _learnedKeys?.Check(z, ConditioningColumnName);
        Standardization.Apply(z, x);
        if (_gate.TryEnter())
        {
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                Model.Forward(z, x, scored);
            }
            finally
            {
                _gate.Exit();
            }
        }
        else
        {
            Hypernetwork replica = RentReplica();
            try
            {
                replica.Forward(z, x, scored);
            }
            finally
            {
                ReturnReplica(replica);
            }
        }

        FinishOutputs(scored);
    }

    /// <summary>Turns raw outputs into the task's scores in place (softmax for multiclass classification).</summary>
    internal void FinishOutputs(Span<float> outputs)
    {
        if (Task == HypernetworkTask.MulticlassClassification)
        {
            ScoreColumns.Softmax(outputs, _layout.OutputSize);
        }
    }

    /// <summary>The target network of one conditioning row as the column holds it (a key as its zero-based index): standardised, then materialised.</summary>
    internal TargetNetwork MaterializeRow(ReadOnlySpan<float> conditioning)
    {
        float[] z = conditioning.ToArray();
        Standardization.Conditioning?.Apply(z);
        return MaterializeStandardized(z);
    }

    /// <summary>The target network of an already standardised conditioning row, with the feature standardisation folded into its first layer.</summary>
    internal TargetNetwork MaterializeStandardized(ReadOnlySpan<float> conditioning)
    {
        _learnedKeys?.Check(conditioning, ConditioningColumnName);
        TargetNetwork network;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            network = Model.Materialize(conditioning);
        }

        return Standardization.Features is { } features ? StandardizedTargetNetwork.Fold(network, features) : network;
    }

    private DataViewSchema OutputSchema(DataViewSchema inputSchema)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumns(ScoreColumns.Describe(Task, _layout.ClassCount, _labelKeyValues));
        return builder.ToSchema();
    }

    private Hypernetwork RentReplica()
    {
        if (_replicas.TryTake(out Hypernetwork? replica))
        {
            return replica;
        }

        lock (_poolGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var copy = new Hypernetwork(Model.Spec);
            Model.CopyStateTo(copy);
            return copy;
        }
    }

    private void ReturnReplica(Hypernetwork replica)
    {
        lock (_poolGate)
        {
            if (_disposed)
            {
                replica.Dispose();
                return;
            }

            _replicas.Add(replica);
        }
    }

    private (DataViewSchema.Column Conditioning, DataViewSchema.Column Features) CheckInput(DataViewSchema schema)
    {
        DataViewSchema.Column conditioning = HypernetworkColumns.Conditioning(schema, ConditioningColumnName, out int size, out ulong keyCount);
        bool key = keyCount > 0;
        if (key != IsKeyConditioned || (!key && size != _layout.ConditioningSize))
        {
            string expected = IsKeyConditioned ? "a key" : _layout.ConditioningSize == 1 ? "Single" : $"Vector<Single, {_layout.ConditioningSize}>";
            throw SchemaErrors.Mismatch(nameof(schema), HypernetworkColumns.ConditioningRole, ConditioningColumnName, expected, SchemaErrors.Describe(conditioning.Type));
        }

        DataViewSchema.Column features = HypernetworkColumns.Features(schema, FeatureColumnName, out int featureSize);
        if (featureSize != _layout.FeatureSize)
        {
            string expected = _layout.FeatureSize == 1 ? "Single" : $"Vector<Single, {_layout.FeatureSize}>";
            throw SchemaErrors.Mismatch(nameof(schema), HypernetworkColumns.FeatureRole, FeatureColumnName, expected, SchemaErrors.Describe(features.Type));
        }

        return (conditioning, features);
    }
}
