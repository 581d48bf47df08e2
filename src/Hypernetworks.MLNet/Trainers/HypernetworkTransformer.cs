using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Hypernetworks.MLNet.Data;
using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet;

/// <summary>
/// A fitted hypernetwork: adds the score columns of its task to every row (see <see cref="HypernetworkTrainer"/>).
/// <see cref="Transform"/> is lazy and scores rows in batches, so that rows sharing a conditioning share one set of
/// generated weights. A transformer may serve several cursors on several threads at once: a cursor that finds the
/// model busy scores with a replica of it (made on first need and reused), so threads do not wait for each other.
/// Rows whose conditioning
/// or features are missing, of the wrong size or not finite, or whose conditioning key was not seen in training,
/// fail with an exception that names the column and the row.
/// </summary>
public sealed partial class HypernetworkTransformer : RowToRowTransformerBase, IDisposable
{
    /// <summary>Rows scored together by a cursor of <see cref="Transform"/>.</summary>
    public const int ScoringBatchSize = 512;

    private readonly HypernetworkColumnLayout _layout;
    private readonly LabelKeyValues? _labelKeyValues;
    private readonly Lock _gate = new();
    private readonly Lock _poolGate = new();
    private readonly ConcurrentBag<Hypernetwork> _replicas = [];
    private bool _disposed;

    internal HypernetworkTransformer(Hypernetwork model, HypernetworkColumnLayout layout, LabelKeyValues? labelKeyValues)
    {
        Model = model;
        _layout = layout;
        _labelKeyValues = labelKeyValues;
    }

    /// <summary>
    /// The core hypernetwork. It is not thread-safe: do not use it while this transformer scores, do not change its
    /// parameters once the transformer has scored (replicas are copies), and do not dispose it (dispose the transformer).
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

    internal HypernetworkColumnLayout Layout => _layout;

    /// <summary>The target network generated for one conditioning vector, as a standalone MLP.</summary>
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

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Model.Materialize(conditioning);
        }
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

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Model.Materialize([key - 1]);
        }
    }

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        (DataViewSchema.Column conditioning, DataViewSchema.Column features) = CheckInput(inputSchema);
        var sources = new ConditionalWeakTable<DataViewRow, RowScoreSource>();
        IReadOnlyList<DataViewSchema.DetachedColumn> columns = ScoreColumns.Describe(Task, _layout.ClassCount, _labelKeyValues?.MakeAnnotations());
        int[] dependencies = [.. new[] { conditioning.Index, features.Index }.Distinct()];
        var added = new AddedColumn[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            int index = i;
            added[i] = new AddedColumn(columns[i], dependencies,
                row => ScoreColumns.MakeGetter(Task, index, sources.GetValue(row, r => new RowScoreSource(this, r))));
        }

        return AddColumns(inputSchema, added);
    }

    /// <inheritdoc />
    public override IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new BatchScoringDataView(input, this, GetRowToRowMapper(input.Schema));
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

    /// <summary>Scores <paramref name="rows"/> rows: raw outputs, or class probabilities for multiclass classification.</summary>
    internal void Score(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> features, Span<float> outputs, int rows)
    {
        int width = _layout.OutputSize;
        Span<float> scored = outputs[..(rows * width)];
        ReadOnlySpan<float> z = conditioning[..(rows * _layout.ConditioningSize)];
        ReadOnlySpan<float> x = features[..(rows * _layout.FeatureSize)];
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

        if (Task == HypernetworkTask.MulticlassClassification)
        {
            ScoreColumns.Softmax(scored, width);
        }
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
            for (int i = 0; i < Model.Parameters.Count; i++)
            {
                Model.Parameters[i].Value.Span.CopyTo(copy.Parameters[i].Value.Span);
            }

            Model.ChunkScale?.CopyTo(copy.ChunkScale!, 0);
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

    /// <summary>Scores the current row of an input row on demand, once per position, for all output getters of that row.</summary>
    private sealed class RowScoreSource : ScoreSource
    {
        private readonly HypernetworkTransformer _owner;
        private readonly DataViewRow _row;
        private readonly FloatColumnReader _conditioningReader;
        private readonly FloatColumnReader _featureReader;
        private readonly float[] _conditioning;
        private readonly float[] _features;
        private readonly float[] _outputs;
        private long _position = long.MinValue;

        public RowScoreSource(HypernetworkTransformer owner, DataViewRow row)
        {
            _owner = owner;
            _row = row;
            (_conditioningReader, _featureReader) = owner.CreateReaders(row);
            _conditioning = new float[owner._layout.ConditioningSize];
            _features = new float[owner._layout.FeatureSize];
            _outputs = new float[owner._layout.OutputSize];
        }

        public override ReadOnlySpan<float> Current()
        {
            long position = _row.Position;
            if (position != _position)
            {
                _conditioningReader.Read(_conditioning);
                _featureReader.Read(_features);
                _owner.Score(_conditioning, _features, _outputs, 1);
                _position = position;
            }

            return _outputs;
        }
    }
}
