using Hypernetworks.Model;
using Microsoft.ML.SearchSpace;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The default search space of a hypernetwork sweep (<c>mlContext.Auto().Hypernetwork(...)</c>): the generator's
/// hidden sizes, the target network's hidden layer shapes (its input and output sizes come from the data), the
/// generator kind with its chunk size or rank, and the training settings. A sweep's first trial is the base options
/// as given, not this space's initial values; these are at the cheap end (small, shallow networks, few epochs), where
/// the cost-frugal tuner starts its own search and restarts. Build a <see cref="SearchSpace{T}"/> from an instance to
/// move that start, or pass any search space whose option names are a subset of these properties to sweep fewer of
/// them.
/// </summary>
public sealed class HypernetworkSearchOptions
{
    /// <summary>Gets or sets the generator's hidden layer widths: 1 to 4 layers of 16 to 1024.</summary>
    [LayerSizes(minDepth: 1, maxDepth: 4, minWidth: 16, maxWidth: 1024, initDepth: 1, initWidth: 32)]
    public int[] HiddenSizes { get; set; } = [32];

    /// <summary>Gets or sets the target network's hidden layer widths: 0 to 3 layers of 8 to 512.</summary>
    [LayerSizes(minDepth: 0, maxDepth: 3, minWidth: 8, maxWidth: 512, initDepth: 0, initWidth: 16)]
    public int[] TargetHiddenSizes { get; set; } = [];

    /// <summary>Gets or sets how the generator emits the target parameters.</summary>
    [Choice(GeneratorKind.SharedTrunk, GeneratorKind.PerLayer, GeneratorKind.Chunked, GeneratorKind.LowRank)]
    public GeneratorKind Generator { get; set; } = GeneratorKind.SharedTrunk;

    /// <summary>Gets or sets the generated parameters per chunk (used by <see cref="GeneratorKind.Chunked"/>).</summary>
    [Range(16, 1024, 256, logBase: true)]
    public int ChunkSize { get; set; } = 256;

    /// <summary>Gets or sets the rank of generated weights (used by <see cref="GeneratorKind.LowRank"/>).</summary>
    [Range(1, 32, 4, logBase: true)]
    public int Rank { get; set; } = 4;

    /// <summary>Gets or sets Adam's learning rate, uniform in log scale.</summary>
    [Range(1e-4f, 3e-2f, 1e-3f, logBase: true)]
    public float LearningRate { get; set; } = 1e-3f;

    /// <summary>Gets or sets the rows per optimizer step.</summary>
    [Range(16, 512, 64, logBase: true)]
    public int BatchSize { get; set; } = 64;

    /// <summary>Gets or sets the passes over the training data.</summary>
    [Range(5, 200, 10, logBase: true)]
    public int Epochs { get; set; } = 10;

    /// <summary>Gets or sets the L2 weight decay, uniform in log scale (its smallest value is next to none).</summary>
    [Range(1e-7f, 1e-2f, 1e-7f, logBase: true)]
    public float WeightDecay { get; set; } = 1e-7f;
}
