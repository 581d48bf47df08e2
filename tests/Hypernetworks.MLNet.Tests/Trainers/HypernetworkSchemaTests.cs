using Microsoft.ML;
using Microsoft.ML.Data;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkSchemaTests
{
    private readonly MLContext _context = new(1);

    public static TheoryData<HypernetworkTask> Tasks => new()
    {
        HypernetworkTask.Regression,
        HypernetworkTask.BinaryClassification,
        HypernetworkTask.MulticlassClassification,
    };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void GetOutputSchema_MatchesFittedSchema(HypernetworkTask task)
    {
        IDataView data = Data(task, 60);
        HypernetworkTrainer trainer = _context.Hypernetwork(TaskData.Options(epochs: 1));
        SchemaShape predicted = trainer.GetOutputSchema(SchemaShapes.Of(data.Schema));
        using HypernetworkTransformer model = trainer.Fit(data);

        SchemaShapes.AssertMatches(predicted, model.GetOutputSchema(data.Schema));
        SchemaShapes.AssertMatches(predicted, model.Transform(data).Schema);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Hypernetwork_PicksTaskFromLabelType(HypernetworkTask task)
    {
        using HypernetworkTransformer model = _context.Hypernetwork(TaskData.Options(epochs: 1)).Fit(Data(task, 60));

        Assert.Equal(task, model.Task);
    }

    [Fact]
    public void Hypernetwork_ThrowsForTextLabelNamingColumn()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TaskData.Regression(30, 1).Select(r => new TextLabelTaskRow { Conditioning = r.Conditioning, Features = r.Features, Label = "a" }));

        var error = Assert.ThrowsAny<ArgumentException>(() => _context.Hypernetwork(TaskData.Options(epochs: 1)).Fit(data));
        Assert.Contains("label column 'Label'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Boolean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionTrainer_ThrowsForBooleanLabel()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(Data(HypernetworkTask.BinaryClassification, 30)));
        Assert.Contains("label column 'Label': expected Single, got Boolean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForMissingConditioningColumn()
    {
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 1);
        options.ConditioningColumnName = "Task";

        var error = Assert.ThrowsAny<ArgumentException>(() => _context.Regression.Trainers.Hypernetwork(options).Fit(Data(HypernetworkTask.Regression, 30)));
        Assert.Contains("Could not find conditioning column 'Task'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOutputSchema_ThrowsForMissingFeatureColumn()
    {
        HypernetworkTrainer trainer = _context.Regression.Trainers.Hypernetwork(featureColumnName: "Pixels");

        var error = Assert.ThrowsAny<ArgumentException>(() => trainer.GetOutputSchema(SchemaShapes.Of(Data(HypernetworkTask.Regression, 5).Schema)));
        Assert.Contains("Could not find feature column 'Pixels'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForFeatureColumnOfWrongType()
    {
        HypernetworkTrainer trainer = _context.Regression.Trainers.Hypernetwork(featureColumnName: "Conditioning", conditioningColumnName: "Label", labelColumnName: "Label");

        var error = Assert.ThrowsAny<ArgumentException>(() => trainer.Fit(Data(HypernetworkTask.BinaryClassification, 30)));
        Assert.Contains("conditioning column 'Label'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ThrowsForFeatureVectorOfWrongSize()
    {
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(Data(HypernetworkTask.Regression, 30));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Conditioning", new VectorDataViewType(NumberDataViewType.Single, TaskData.ConditioningSize));
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, TaskData.FeatureSize + 1));

        var error = Assert.ThrowsAny<ArgumentException>(() => model.GetOutputSchema(builder.ToSchema()));
        Assert.Contains("feature column 'Features': expected Vector<Single, 4>, got Vector<Single, 5>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForTargetLayerSizesNotMatchingFeatures()
    {
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 1);
        options.TargetLayerSizes = [(3, 8), (8, 1)];

        var error = Assert.Throws<ArgumentException>(() => _context.Regression.Trainers.Hypernetwork(options).Fit(Data(HypernetworkTask.Regression, 30)));
        Assert.Contains("feature column 'Features' holds 4 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_UsesGivenTargetLayerSizes()
    {
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 1);
        options.TargetLayerSizes = [(4, 8), (8, 5), (5, 1)];

        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(options).Fit(Data(HypernetworkTask.Regression, 30));
        Assert.Equal([(4, 8), (8, 5), (5, 1)], model.Model.Spec.TargetLayerSizes);
    }

    internal static IDataView Data(HypernetworkTask task, int rows)
    {
        var context = new MLContext(1);
        return task switch
        {
            HypernetworkTask.BinaryClassification => context.Data.LoadFromEnumerable(TaskData.Binary(rows, 5)),
            HypernetworkTask.MulticlassClassification => context.Data.LoadFromEnumerable(TaskData.Multiclass(rows, 5)),
            _ => context.Data.LoadFromEnumerable(TaskData.Regression(rows, 5)),
        };
    }
}
