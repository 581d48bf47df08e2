using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Microsoft.ML;

namespace Hypernetworks.MLNet;

/// <summary>The <c>Hypernetwork</c> trainers of the regression, binary and multiclass catalogs, and <c>mlContext.Hypernetwork(options)</c>.</summary>
public static class HypernetworkCatalogExtensions
{
    /// <summary>A hypernetwork regression trainer (label: Single).</summary>
    /// <param name="catalog">The regression trainers.</param>
    /// <param name="labelColumnName">The label column (Single).</param>
    /// <param name="conditioningColumnName">The conditioning column (a Single vector or a key).</param>
    /// <param name="featureColumnName">The feature column (a Single vector).</param>
    /// <param name="hiddenSizes">The generator's hidden widths; the default when null.</param>
    /// <param name="targetHiddenSizes">The target network's hidden widths; the default when null.</param>
    public static HypernetworkTrainer Hypernetwork(this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = HypernetworkTrainer.Defaults.LabelColumnName,
        string conditioningColumnName = HypernetworkTrainer.Defaults.ConditioningColumnName,
        string featureColumnName = HypernetworkTrainer.Defaults.FeatureColumnName,
        int[]? hiddenSizes = null,
        int[]? targetHiddenSizes = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new HypernetworkTrainer(CatalogEnvironment.Of(catalog), MakeOptions(labelColumnName, conditioningColumnName, featureColumnName, hiddenSizes, targetHiddenSizes), HypernetworkTask.Regression);
    }

    /// <summary>A hypernetwork regression trainer with all options.</summary>
    /// <param name="catalog">The regression trainers.</param>
    /// <param name="options">The options.</param>
    public static HypernetworkTrainer Hypernetwork(this RegressionCatalog.RegressionTrainers catalog, HypernetworkTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new HypernetworkTrainer(CatalogEnvironment.Of(catalog), options, HypernetworkTask.Regression);
    }

    /// <summary>A hypernetwork binary classification trainer (label: Boolean).</summary>
    /// <param name="catalog">The binary classification trainers.</param>
    /// <param name="labelColumnName">The label column (Boolean).</param>
    /// <param name="conditioningColumnName">The conditioning column (a Single vector or a key).</param>
    /// <param name="featureColumnName">The feature column (a Single vector).</param>
    /// <param name="hiddenSizes">The generator's hidden widths; the default when null.</param>
    /// <param name="targetHiddenSizes">The target network's hidden widths; the default when null.</param>
    public static HypernetworkTrainer Hypernetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = HypernetworkTrainer.Defaults.LabelColumnName,
        string conditioningColumnName = HypernetworkTrainer.Defaults.ConditioningColumnName,
        string featureColumnName = HypernetworkTrainer.Defaults.FeatureColumnName,
        int[]? hiddenSizes = null,
        int[]? targetHiddenSizes = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new HypernetworkTrainer(CatalogEnvironment.Of(catalog), MakeOptions(labelColumnName, conditioningColumnName, featureColumnName, hiddenSizes, targetHiddenSizes), HypernetworkTask.BinaryClassification);
    }

    /// <summary>A hypernetwork binary classification trainer with all options.</summary>
    /// <param name="catalog">The binary classification trainers.</param>
    /// <param name="options">The options.</param>
    public static HypernetworkTrainer Hypernetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, HypernetworkTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new HypernetworkTrainer(CatalogEnvironment.Of(catalog), options, HypernetworkTask.BinaryClassification);
    }

    /// <summary>A hypernetwork multiclass classification trainer (label: a key, one class per key value).</summary>
    /// <param name="catalog">The multiclass classification trainers.</param>
    /// <param name="labelColumnName">The label column (a key).</param>
    /// <param name="conditioningColumnName">The conditioning column (a Single vector or a key).</param>
    /// <param name="featureColumnName">The feature column (a Single vector).</param>
    /// <param name="hiddenSizes">The generator's hidden widths; the default when null.</param>
    /// <param name="targetHiddenSizes">The target network's hidden widths; the default when null.</param>
    public static HypernetworkTrainer Hypernetwork(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = HypernetworkTrainer.Defaults.LabelColumnName,
        string conditioningColumnName = HypernetworkTrainer.Defaults.ConditioningColumnName,
        string featureColumnName = HypernetworkTrainer.Defaults.FeatureColumnName,
        int[]? hiddenSizes = null,
        int[]? targetHiddenSizes = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new HypernetworkTrainer(CatalogEnvironment.Of(catalog), MakeOptions(labelColumnName, conditioningColumnName, featureColumnName, hiddenSizes, targetHiddenSizes), HypernetworkTask.MulticlassClassification);
    }

    /// <summary>A hypernetwork multiclass classification trainer with all options.</summary>
    /// <param name="catalog">The multiclass classification trainers.</param>
    /// <param name="options">The options.</param>
    public static HypernetworkTrainer Hypernetwork(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, HypernetworkTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new HypernetworkTrainer(CatalogEnvironment.Of(catalog), options, HypernetworkTask.MulticlassClassification);
    }

    /// <summary>
    /// A hypernetwork trainer whose task follows the label column's type when it is fitted: Single → regression,
    /// Boolean → binary classification, key → multiclass classification; any other type is an error naming the column.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="options">The options.</param>
    public static HypernetworkTrainer Hypernetwork(this MLContext context, HypernetworkTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new HypernetworkTrainer(context, options);
    }

    private static HypernetworkTrainer.Options MakeOptions(string labelColumnName, string conditioningColumnName, string featureColumnName, int[]? hiddenSizes, int[]? targetHiddenSizes) => new()
    {
        LabelColumnName = labelColumnName,
        ConditioningColumnName = conditioningColumnName,
        FeatureColumnName = featureColumnName,
        HiddenSizes = hiddenSizes is null ? HypernetworkTrainer.Defaults.HiddenSizes : [.. hiddenSizes],
        TargetHiddenSizes = targetHiddenSizes is null ? HypernetworkTrainer.Defaults.TargetHiddenSizes : [.. targetHiddenSizes],
    };
}
