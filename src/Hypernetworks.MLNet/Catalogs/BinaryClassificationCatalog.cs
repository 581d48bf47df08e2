namespace Hypernetworks.MLNet;

/// <summary>The binary classification trainers (<see cref="Trainers"/>) and evaluation.</summary>
public sealed partial class BinaryClassificationCatalog
{
    internal BinaryClassificationCatalog(MLContext context)
    {
        Context = context;
        Trainers = new BinaryClassificationTrainers(context);
    }

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }

    /// <summary>The binary classification trainers.</summary>
    public BinaryClassificationTrainers Trainers { get; }

    /// <summary>The binary classification trainers, added as extension methods.</summary>
    public sealed class BinaryClassificationTrainers : TrainerCatalogBase
    {
        internal BinaryClassificationTrainers(MLContext context)
            : base(context)
        {
        }
    }
}
