using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The <see cref="IHostEnvironment"/> behind an ML.NET trainer catalog. ML.NET's own extensions read it through an
/// internal interface; a third-party extension can only reach it by reflection over the catalog's owner, which is
/// what this does, once per catalog type, failing with a clear message if a future ML.NET moves it.
/// </summary>
internal static class CatalogEnvironment
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>The environment of a trainers catalog (<c>mlContext.Regression.Trainers</c> and the like).</summary>
    public static IHostEnvironment Of(TrainCatalogBase.CatalogInstantiatorBase catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        object? owner = typeof(TrainCatalogBase.CatalogInstantiatorBase).GetProperty("Owner", Instance)?.GetValue(catalog);
        if (owner is TrainCatalogBase trainCatalog
            && typeof(TrainCatalogBase).GetProperty("Environment", Instance)?.GetValue(trainCatalog) is IHostEnvironment environment)
        {
            return environment;
        }

        throw new NotSupportedException(
            $"This version of Microsoft.ML ({typeof(TrainCatalogBase).Assembly.GetName().Version}) does not expose the environment of {catalog.GetType().Name}; " +
            "use mlContext.Hypernetwork(options) or new HypernetworkTrainer(mlContext, options) instead.");
    }
}
