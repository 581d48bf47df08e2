using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Hypernetworks.Model.Continual;
using Hypernetworks.Model.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet;

public sealed partial class HypernetworkTrainer
{
    /// <summary>
    /// Continual learning (ML.NET's warm-start pattern): adds the tasks of <paramref name="newTaskData"/> to
    /// <paramref name="previousModel"/>, a hypernetwork conditioned on a key column (the task id), and returns a new
    /// model that has learned every task of both; <paramref name="previousModel"/> is left as it was. While the new
    /// tasks are learned, only their embeddings and the generator move, and the generator is held to what it generated
    /// for the earlier tasks by <see cref="Options.ContinualRegularization"/> (von Oswald et al., 2020). The new data's
    /// key type may have more keys than the previous model's; its rows must belong to tasks not learned yet. The shape
    /// of the hypernetwork and the feature standardisation come from <paramref name="previousModel"/> (so the earlier
    /// tasks see their inputs as before); this trainer's column names and training options apply. The rows are read
    /// into memory, and only the managed engine trains.
    /// </summary>
    /// <param name="newTaskData">Rows of the new task(s), with the columns of <paramref name="previousModel"/>.</param>
    /// <param name="previousModel">A model fitted (or loaded) earlier, conditioned on a key column.</param>
    public HypernetworkTransformer Fit(IDataView newTaskData, HypernetworkTransformer previousModel)
    {
        ArgumentNullException.ThrowIfNull(newTaskData);
        ArgumentNullException.ThrowIfNull(previousModel);
        CheckOptions(_options);
        if (_options.Backend is not null && _options.Backend != TrainingBackend.Managed)
        {
            throw new ArgumentException($"HypernetworkTrainer.Options.Backend is {_options.Backend.Name}; Fit(newTaskData, previousModel) trains on the managed engine only.", nameof(previousModel));
        }

        HypernetworkColumnLayout layout = ContinualLayout(newTaskData.Schema, previousModel);
        using IChannel channel = _host.Start("Continual training");
        using ThreadLimitScope threads = _options.NumberOfThreads is int limit ? Engine.LimitThreads(limit) : default;
        InputStandardization standardization = previousModel.Standardization;
        TrainingSet train = TrainingDataReader.Read(newTaskData, layout, "new task", standardization, _options.CancellationToken);
        if (layout.Task == HypernetworkTask.BinaryClassification)
        {
            TrainingDataReader.CheckBothClasses(train, layout.LabelColumnName);
        }

        TrainingSet? validation = ReadValidation(layout, standardization, _options.CancellationToken);
        IReadOnlyList<uint> learned = previousModel.LearnedKeys;
        CheckNewTasks(train.Conditioning, learned, layout.ConditioningColumnName);
        channel.Info(MessageSensitivity.None, $"Continual hypernetwork: adding tasks to a model that has learned keys {string.Join(", ", learned)}; regularization {_options.ContinualRegularization}.");
        Hypernetwork copy = previousModel.CopyWithKeys((int)layout.ConditioningKeyCount, (ulong)_seed);
        ContinualHypernetwork? continual = null;
        try
        {
            continual = new ContinualHypernetwork(copy, learned.Select(k => (int)k - 1));
            float fraction = validation is null && train.Rows > 1 ? _options.ValidationFraction : 0;
            var continualOptions = new ContinualOptions { Regularization = _options.ContinualRegularization, Targets = _options.ContinualTargets };
            continual.Learn(train, MakeTrainingOptions(fraction), continualOptions, validation, new ChannelProgress(channel, _options.Progress), _options.CancellationToken);
            return new HypernetworkTransformer(continual.Network, layout, standardization, previousModel.LabelKeyValues, newTaskData.Schema,
                LearnedKeyIndices(continual.LearnedTasks, layout.ConditioningKeyCount));
        }
        catch
        {
            // Until the continual model owns the copy, the copy is ours to free.
            if (continual is null)
            {
                copy.Dispose();
            }
            else
            {
                continual.Dispose();
            }

            throw;
        }
    }

    /// <summary>Throws, naming the row and the key (1-based), for a row of a task learned already.</summary>
    private static void CheckNewTasks(ReadOnlySpan<float> keys, IReadOnlyList<uint> learned, string columnName)
    {
        var known = new HashSet<uint>(learned);
        for (int row = 0; row < keys.Length; row++)
        {
            uint key = (uint)keys[row] + 1;
            if (known.Contains(key))
            {
                throw new ArgumentException($"Conditioning column '{columnName}' row {row} holds key {key}, a task the previous model has learned already; Fit(newTaskData, previousModel) learns new tasks only (the earlier ones are regularised).", "newTaskData");
            }
        }
    }

    /// <summary>The zero-based keys learned, or null when they are every key of the table.</summary>
    private static int[]? LearnedKeyIndices(IEnumerable<int> keys, ulong keyCount)
    {
        int[] learned = [.. keys.Order()];
        return learned.Length == (int)keyCount ? null : learned;
    }

    /// <summary>The zero-based keys of the conditioning rows (the keys a first fit learns).</summary>
    private static int[]? LearnedKeyIndices(ReadOnlySpan<float> keys, ulong keyCount)
    {
        var seen = new SortedSet<int>();
        foreach (float key in keys)
        {
            seen.Add((int)key);
        }

        return LearnedKeyIndices(seen, keyCount);
    }

    /// <summary>
    /// A label key of the new data must mean the class it meant to the previous model: a MapValueToKey fitted on other
    /// rows can number the same classes in another order, which would train every task on the wrong classes.
    /// </summary>
    private static void CheckSameClasses(DataViewSchema.Column label, LabelKeyValues before)
    {
        IReadOnlyList<string> now = LabelKeyValues.From(label).Values;
        for (int i = 0; i < now.Count; i++)
        {
            if (now[i] != before.Values[i])
            {
                throw new ArgumentException($"Label column '{label.Name}' of the new task data has class '{now[i]}' as key {i + 1}, where the previous model has '{before.Values[i]}'; map the labels with the key mapping the previous model was trained with.", "newTaskData");
            }
        }
    }

    /// <summary>The layout of the continued model; checks the new data's columns against <paramref name="previousModel"/>'s.</summary>
    private HypernetworkColumnLayout ContinualLayout(DataViewSchema schema, HypernetworkTransformer previousModel)
    {
        string conditioningName = _options.ConditioningColumnName;
        if (!previousModel.IsKeyConditioned)
        {
            throw new ArgumentException($"The previous model's conditioning column '{previousModel.ConditioningColumnName}' is a Single vector; Fit(newTaskData, previousModel) adds tasks to a model conditioned on a key column (the task id).", nameof(previousModel));
        }

        HypernetworkColumns.Conditioning(schema, conditioningName, out _, out ulong keyCount);
        if (keyCount == 0)
        {
            throw new ArgumentException($"Conditioning column '{conditioningName}' of the new task data is not a key; Fit(newTaskData, previousModel) reads the task id as a key, as the previous model does (use mlContext.Transforms.Conversion.MapValueToKey).", "newTaskData");
        }

        HypernetworkColumns.Features(schema, _options.FeatureColumnName, out int featureSize);
        HypernetworkColumnLayout previous = previousModel.Layout;
        if (featureSize != previous.FeatureSize)
        {
            throw new ArgumentException($"Feature column '{_options.FeatureColumnName}' of the new task data holds {featureSize} values; the previous model reads {previous.FeatureSize}.", "newTaskData");
        }

        HypernetworkTask? task = Task ?? previous.Task;
        DataViewSchema.Column label = HypernetworkColumns.Label(schema, _options.LabelColumnName, ref task);
        if (task != previous.Task)
        {
            throw new ArgumentException($"The trainer's task is {task}; the previous model's is {previous.Task}.", nameof(previousModel));
        }

        if (task == HypernetworkTask.MulticlassClassification && ClassCount(label) != previous.ClassCount)
        {
            throw new ArgumentException($"Label column '{label.Name}' of the new task data has {ClassCount(label)} classes; the previous model has {previous.ClassCount}.", "newTaskData");
        }

        if (task == HypernetworkTask.MulticlassClassification && previousModel.LabelKeyValues is { } before)
        {
            CheckSameClasses(label, before);
        }

        CheckKeyCount(keyCount);
        return previous with
        {
            ConditioningColumnName = conditioningName,
            FeatureColumnName = _options.FeatureColumnName,
            LabelColumnName = _options.LabelColumnName,
            ConditioningKeyCount = Math.Max(keyCount, previous.ConditioningKeyCount),
        };
    }
}
