using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// The starting point of every pipeline: catalogs of data operations, transforms, trainers and model operations,
/// and the seed that makes their randomness repeatable.
/// </summary>
public sealed class MLContext
{
    private readonly Random _random;
    private readonly Lock _randomLock = new();

    /// <summary>A context whose random choices follow <paramref name="seed"/> (or the clock when null).</summary>
    /// <param name="seed">The seed; the same seed gives the same splits, shuffles and trainer initialisations.</param>
    public MLContext(int? seed = null)
    {
        Seed = seed;
        _random = seed is int value ? new Random(value) : new Random();
        Data = new DataOperationsCatalog(this);
        Transforms = new TransformsCatalog(this);
        Regression = new RegressionCatalog(this);
        BinaryClassification = new BinaryClassificationCatalog(this);
        MulticlassClassification = new MulticlassClassificationCatalog(this);
        Model = new ModelOperationsCatalog(this);
    }

    /// <summary>The seed given to the constructor.</summary>
    public int? Seed { get; }

    /// <summary>Loading, splitting, caching and enumerating data.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>Data transforms.</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Regression trainers and evaluation.</summary>
    public RegressionCatalog Regression { get; }

    /// <summary>Binary classification trainers and evaluation.</summary>
    public BinaryClassificationCatalog BinaryClassification { get; }

    /// <summary>Multiclass classification trainers and evaluation.</summary>
    public MulticlassClassificationCatalog MulticlassClassification { get; }

    /// <summary>Saving, loading and single-row prediction.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>
    /// A seed for a component that was given none: drawn from the context's own generator, so a context made with a
    /// seed hands out the same sequence of seeds every run.
    /// </summary>
    public int NextSeed()
    {
        lock (_randomLock)
        {
            return _random.Next();
        }
    }
}
