namespace Hypernetworks.MLNet;

/// <summary>The base of the <c>Trainers</c> catalogs; trainers are added to them as extension methods.</summary>
public abstract class TrainerCatalogBase
{
    /// <summary>Binds the catalog to <paramref name="context"/>.</summary>
    /// <param name="context">The context.</param>
    protected TrainerCatalogBase(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    /// <summary>The context: its seed is the default seed of the trainers.</summary>
    public MLContext Context { get; }
}
