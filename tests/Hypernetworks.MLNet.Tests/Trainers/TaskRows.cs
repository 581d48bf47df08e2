using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class RegressionTaskRow
{
    [VectorType(TaskData.ConditioningSize)]
    public float[] Conditioning { get; set; } = [];

    [VectorType(TaskData.FeatureSize)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

public sealed class BinaryTaskRow
{
    [VectorType(TaskData.ConditioningSize)]
    public float[] Conditioning { get; set; } = [];

    [VectorType(TaskData.FeatureSize)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

public sealed class MulticlassTaskRow
{
    [VectorType(TaskData.ConditioningSize)]
    public float[] Conditioning { get; set; } = [];

    [VectorType(TaskData.FeatureSize)]
    public float[] Features { get; set; } = [];

    [KeyType(TaskData.Classes)]
    public uint Label { get; set; }
}

public sealed class KeyTaskRow
{
    [KeyType(TaskData.Tasks)]
    public uint Conditioning { get; set; }

    [VectorType(TaskData.FeatureSize)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

public sealed class TextLabelTaskRow
{
    [VectorType(TaskData.ConditioningSize)]
    public float[] Conditioning { get; set; } = [];

    [VectorType(TaskData.FeatureSize)]
    public float[] Features { get; set; } = [];

    public string Label { get; set; } = "";
}

public sealed class ScorePrediction
{
    public float Score { get; set; }
}

public sealed class BinaryPrediction
{
    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}

public sealed class MulticlassPrediction
{
    public float[] Score { get; set; } = [];

    /// <summary>The raw key: ML.NET's CreateEnumerable gives keys 1-based, while LoadFromEnumerable reads them 0-based.</summary>
    [KeyType(TaskData.Classes)]
    public uint PredictedLabel { get; set; }
}
