using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.Trainers;

/// <summary>A row of the continual tests: a task id as a key of three tasks, two features and a Single label.</summary>
public sealed class ContinualRow
{
    [KeyType(ContinualTasks.Count)]
    public uint Task { get; set; }

    [VectorType(ContinualTasks.FeatureSize)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>A row of a first task whose key type knows that task only (a table that later fits must grow).</summary>
public sealed class FirstTaskRow
{
    [KeyType(1)]
    public uint Task { get; set; }

    [VectorType(ContinualTasks.FeatureSize)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>A row whose task id is a Single, not a key.</summary>
public sealed class DenseTaskRow
{
    public float Task { get; set; }

    [VectorType(ContinualTasks.FeatureSize)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>A row with one feature too many.</summary>
public sealed class WideContinualRow
{
    [KeyType(ContinualTasks.Count)]
    public uint Task { get; set; }

    [VectorType(ContinualTasks.FeatureSize + 1)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>The regression output of the continual tests.</summary>
public sealed class ContinualPrediction
{
    public float Score { get; set; }
}

/// <summary>A row of a continual classification test: a task key, two features and a class name.</summary>
public sealed class ContinualClassRow
{
    [KeyType(ContinualTasks.Count)]
    public uint Task { get; set; }

    [VectorType(ContinualTasks.FeatureSize)]
    public float[] Features { get; set; } = [];

    public string Class { get; set; } = "";
}
