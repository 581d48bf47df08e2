namespace Hypernetworks.MLNet;

/// <summary>The regression trainers (<see cref="Trainers"/>) and evaluation.</summary>
public sealed partial class RegressionCatalog
{
    internal RegressionCatalog(MLContext context)
    {
        Context = context;
        Trainers = new RegressionTrainers(context);
    }

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }

    /// <summary>The regression trainers.</summary>
    public RegressionTrainers Trainers { get; }

    /// <summary>The regression trainers, added as extension methods.</summary>
    public sealed class RegressionTrainers : TrainerCatalogBase
    {
        internal RegressionTrainers(MLContext context)
            : base(context)
        {
        }
    }
}
