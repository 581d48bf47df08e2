using Hypernetworks.MLNet.AutoML;
using Microsoft.ML.SearchSpace;

namespace Hypernetworks.MLNet.Tests.AutoML;

public enum GeneratorKindForTest
{
    PerLayer,
    SharedTrunk,
    Chunked,
    LowRank,
}

/// <summary>A hypernetwork-shaped options class: the kinds of parameters the real sweep will have.</summary>
public sealed class SweepOptions
{
    [LayerSizes(1, 4, 16, 1024, initDepth: 1, initWidth: 64)]
    public int[] GeneratorHiddenSizes { get; set; } = [64];

    [LayerSizes(0, 3, 8, 512, initDepth: 1, initWidth: 32)]
    public int[] TargetHiddenSizes { get; set; } = [32];

    [Choice(GeneratorKindForTest.PerLayer, GeneratorKindForTest.SharedTrunk, GeneratorKindForTest.Chunked, GeneratorKindForTest.LowRank)]
    public GeneratorKindForTest GeneratorKind { get; set; }

    [Range(16, 4096, 256, true)]
    public int ChunkSize { get; set; } = 256;

    [Range(1, 64, 4, true)]
    public int Rank { get; set; } = 4;

    [Range(1e-5, 1e-1, 1e-3, true)]
    public double LearningRate { get; set; } = 1e-3;

    [Range(1e-6f, 1e-2f, 1e-4f, true)]
    public float WeightDecay { get; set; } = 1e-4f;

    [Choice(16, 32, 64, 128, 256)]
    public int BatchSize { get; set; } = 16;

    [Range(1, 50, 5)]
    public int Epochs { get; set; } = 5;

    [BooleanChoice(true)]
    public bool Shuffle { get; set; } = true;

    public string LabelColumnName { get; set; } = "Label";
}
