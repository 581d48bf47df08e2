using Hypernetworks.MLNet.AutoML;
using Microsoft.ML;

namespace Hypernetworks.MLNet;

/// <summary>Adds <c>Auto()</c> to <see cref="MLContext"/>, as ML.NET's AutoML package does.</summary>
public static class AutoCatalogExtensions
{
    /// <summary>Gets the AutoML catalog of <paramref name="context"/>.</summary>
    /// <param name="context">The context.</param>
    public static AutoCatalog Auto(this MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AutoCatalog(context);
    }
}
