using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Cli.Data;

/// <summary>
/// Builds the stock ML.NET parts around the hypernetwork from the column roles: the text loader, the featurisation
/// (numeric columns concatenated, text columns one-hot encoded, or one text conditioning column mapped to a key), the
/// label's key mapping for multiclass, and the stock trainer the hypernetwork is compared with.
/// </summary>
internal sealed class PipelineFactory
{
    /// <summary>The conditioning column the hypernetwork reads.</summary>
    public const string ConditioningColumn = "HnConditioning";

    /// <summary>The feature column the target network reads.</summary>
    public const string FeatureColumn = "HnFeatures";

    private const string KeyLabelColumn = "HnLabel";
    private const string StockFeatureColumn = "HnStockFeatures";

    private readonly MLContext _mlContext;
    private readonly ColumnRoles _roles;

    /// <summary>Creates the factory.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="roles">The column roles.</param>
    public PipelineFactory(MLContext mlContext, ColumnRoles roles)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(roles);
        _mlContext = mlContext;
        _roles = roles;
    }

    /// <summary>Gets the label column the trainers read (the key-mapped one for multiclass).</summary>
    public string LabelColumn => _roles.Task == HypernetworkTask.MulticlassClassification ? KeyLabelColumn : _roles.Label.Name;

    /// <summary>Loads the columns with a role from <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file.</param>
    public IDataView Load(string path)
    {
        TextLoader.Column[] columns = [.. _roles.All.Select(c => new TextLoader.Column(c.Name, KindOf(c), c.Index))];
        return CsvLoading.Load(_mlContext, columns, path);
    }

    /// <summary>The label mapping to fit before the model (multiclass: text to key), so that the model itself needs no label to score.</summary>
    public IEstimator<ITransformer>? LabelMapping() =>
        _roles.Task == HypernetworkTask.MulticlassClassification ? _mlContext.Transforms.Conversion.MapValueToKey(KeyLabelColumn, _roles.Label.Name) : null;

    /// <summary>The stock transforms that make <see cref="ConditioningColumn"/> and <see cref="FeatureColumn"/>.</summary>
    public IEstimator<ITransformer> Featurization()
    {
        IEstimator<ITransformer> conditioning = _roles.KeyConditioning
            ? _mlContext.Transforms.Conversion.MapValueToKey(ConditioningColumn, _roles.Conditioning[0].Name)
            : Vector(ConditioningColumn, _roles.Conditioning);
        return conditioning.Append(Vector(FeatureColumn, _roles.Features));
    }

    /// <summary>The stock trainer compared with the hypernetwork: FastTree for regression and binary, SDCA maximum entropy for multiclass, on every conditioning and feature column.</summary>
    public (string Name, IEstimator<ITransformer> Pipeline) StockTrainer()
    {
        IEstimator<ITransformer> features = Vector(StockFeatureColumn, [.. _roles.Conditioning, .. _roles.Features]);
        return _roles.Task switch
        {
            HypernetworkTask.Regression => ("FastTree", features.Append(_mlContext.Regression.Trainers.FastTree(LabelColumn, StockFeatureColumn))),
            HypernetworkTask.BinaryClassification => ("FastTree", features.Append(_mlContext.BinaryClassification.Trainers.FastTree(LabelColumn, StockFeatureColumn))),
            _ => ("SdcaMaximumEntropy", features
                .Append(_mlContext.Transforms.NormalizeMinMax(StockFeatureColumn))
                .Append(_mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(LabelColumn, StockFeatureColumn))),
        };
    }

    private IEstimator<ITransformer> Vector(string output, IReadOnlyList<CsvColumn> columns)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var inputs = new List<string>(columns.Count);
        foreach (CsvColumn column in columns)
        {
            if (column.Kind == ColumnKind.Numeric)
            {
                inputs.Add(column.Name);
            }
            else
            {
                string encoded = $"{output}.{column.Name}";
                chain = chain.Append(_mlContext.Transforms.Categorical.OneHotEncoding(encoded, column.Name));
                inputs.Add(encoded);
            }
        }

        return chain.Append(_mlContext.Transforms.Concatenate(output, [.. inputs]));
    }

    private DataKind KindOf(CsvColumn column)
    {
        if (column.Index == _roles.Label.Index)
        {
            return _roles.Task switch
            {
                HypernetworkTask.Regression => DataKind.Single,
                HypernetworkTask.BinaryClassification => DataKind.Boolean,
                _ => DataKind.String,
            };
        }

        return column.Kind == ColumnKind.Numeric ? DataKind.Single : DataKind.String;
    }
}
