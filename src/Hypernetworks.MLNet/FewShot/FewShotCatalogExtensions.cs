using Hypernetworks.MLNet.Trainers;
using Microsoft.ML;

namespace Hypernetworks.MLNet;

/// <summary>The few-shot hypernetwork trainer on ML.NET's multiclass classification catalog.</summary>
public static class FewShotCatalogExtensions
{
    /// <summary>A few-shot hypernetwork meta-trained on N-way K-shot episodes drawn from the data's classes.</summary>
    /// <param name="catalog">The multiclass classification trainers.</param>
    /// <param name="labelColumnName">The label column (a key).</param>
    /// <param name="featureColumnName">The feature column (a known-size vector of Single).</param>
    /// <param name="ways">Classes per episode (N).</param>
    /// <param name="shots">Support examples per class (K).</param>
    public static FewShotHypernetworkTrainer FewShotHypernetwork(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = FewShotHypernetworkTrainer.Defaults.LabelColumnName,
        string featureColumnName = FewShotHypernetworkTrainer.Defaults.FeatureColumnName,
        int ways = FewShotHypernetworkTrainer.Defaults.Ways,
        int shots = FewShotHypernetworkTrainer.Defaults.Shots)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new FewShotHypernetworkTrainer(CatalogEnvironment.Of(catalog), new FewShotHypernetworkTrainer.Options
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, Ways = ways, Shots = shots,
        });
    }

    /// <summary>A few-shot hypernetwork with all options.</summary>
    /// <param name="catalog">The multiclass classification trainers.</param>
    /// <param name="options">The options.</param>
    public static FewShotHypernetworkTrainer FewShotHypernetwork(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, FewShotHypernetworkTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new FewShotHypernetworkTrainer(CatalogEnvironment.Of(catalog), options);
    }
}
