namespace Hypernetworks.MLNet;

/// <summary>The multiclass classification trainers (<see cref="Trainers"/>) and evaluation.</summary>
public sealed partial class MulticlassClassificationCatalog
{
    internal MulticlassClassificationCatalog(MLContext context)
    {
        Context = context;
        Trainers = new MulticlassClassificationTrainers(context);
    }

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }

    /// <summary>The multiclass classification trainers.</summary>
    public MulticlassClassificationTrainers Trainers { get; }

    /// <summary>The multiclass classification trainers, added as extension methods.</summary>
    public sealed class MulticlassClassificationTrainers : TrainerCatalogBase
    {
        internal MulticlassClassificationTrainers(MLContext context)
            : base(context)
        {
        }
    }
}
