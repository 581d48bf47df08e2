using Hypernetworks.MLNet.Tests.ModelFiles;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Hypernetworks.MLNet.Tests.Trainers;

/// <summary>Continual learning through <see cref="HypernetworkTrainer.Fit(IDataView, HypernetworkTransformer)"/>.</summary>
public sealed class HypernetworkContinualTests(ITestOutputHelper output)
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void Fit_WithRegularizationKeepsTheFirstTask()
    {
        (double justLearned, double final) = FirstTaskErrors(regularization: 0.05f);
        output.WriteLine($"β = 0.05: task 1 MSE {justLearned} just learned, {final} after task 3");
        Assert.True(final <= 2 * justLearned, $"task 1's MSE went from {justLearned} to {final}");
    }

    [Fact]
    public void Fit_WithoutRegularizationForgetsTheFirstTask()
    {
        (double justLearned, double final) = FirstTaskErrors(regularization: 0f);
        output.WriteLine($"β = 0: task 1 MSE {justLearned} just learned, {final} after task 3");
        Assert.True(final > 5 * justLearned, $"task 1's MSE only went from {justLearned} to {final}");
    }

    [Fact]
    public void Fit_LeavesThePreviousModelAsItWas()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        IDataView probe = Data(ContinualTasks.Rows(1, 20, seed: 9));
        using HypernetworkTransformer first = trainer.Fit(Data(ContinualTasks.Rows(1, 64, seed: 1)));
        float[] before = Scores(first, probe);
        using HypernetworkTransformer second = trainer.Fit(Data(ContinualTasks.Rows(2, 64, seed: 2)), first);

        Assert.Equal(before, Scores(first, probe));
        Assert.Equal([1u], first.LearnedKeys);
        Assert.Equal([1u, 2u], second.LearnedKeys);
    }

    [Fact]
    public void Fit_GrowsTheKeyTableForANewTaskKey()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        IDataView firstTask = _context.Data.LoadFromEnumerable(ContinualTasks.Rows(1, 64, seed: 1).Select(r => new FirstTaskRow { Task = 0, Features = r.Features, Label = r.Label }));
        using HypernetworkTransformer first = trainer.Fit(firstTask);
        using HypernetworkTransformer second = trainer.Fit(Data(ContinualTasks.Rows(3, 64, seed: 3)), first);

        Assert.Equal(1, first.Model.Spec.EmbeddingCount);
        Assert.Equal(ContinualTasks.Count, second.Model.Spec.EmbeddingCount);
        Assert.Equal([1u, 3u], second.LearnedKeys);
    }

    [Fact]
    public void Fit_KeepsTheFirstFitsFeatureStandardization()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        using HypernetworkTransformer first = trainer.Fit(Data(ContinualTasks.Rows(1, 64, seed: 1)));
        using HypernetworkTransformer second = trainer.Fit(Data(ContinualTasks.Rows(2, 64, seed: 2, scale: 10f)), first);

        Assert.Equal(first.Standardization.Features!.Mean, second.Standardization.Features!.Mean);
        Assert.Equal(first.Standardization.Features.Scale, second.Standardization.Features.Scale);
    }

    [Fact]
    public void Transform_ThrowsNamingAKeyThatWasNotLearned()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        using HypernetworkTransformer first = trainer.Fit(Data(ContinualTasks.Rows(1, 64, seed: 1)));
        using HypernetworkTransformer second = trainer.Fit(Data(ContinualTasks.Rows(2, 64, seed: 2)), first);

        var e = Assert.Throws<InvalidOperationException>(() => Scores(second, Data(ContinualTasks.Rows(3, 4, seed: 3))));
        Assert.Contains("Column 'Task' holds key 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("learned keys 1, 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("holds key 3", Assert.Throws<InvalidOperationException>(() => second.Materialize(3u)).Message, StringComparison.Ordinal);
        using PredictionEngine<ContinualRow, ContinualPrediction> engine = _context.Model.CreatePredictionEngine<ContinualRow, ContinualPrediction>(second, new PredictionEngineOptions { OwnsTransformer = false });
        Assert.Contains("holds key 3", Assert.Throws<InvalidOperationException>(() => engine.Predict(ContinualTasks.Rows(3, 1, seed: 4)[0])).Message, StringComparison.Ordinal);
        Assert.True(float.IsFinite(engine.Predict(ContinualTasks.Rows(2, 1, seed: 4)[0]).Score));
    }

    [Fact]
    public void SavedContinualModel_LoadsWithIdenticalPredictions()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        using HypernetworkTransformer first = trainer.Fit(Data(ContinualTasks.Rows(1, 64, seed: 1)));
        using HypernetworkTransformer second = trainer.Fit(Data(ContinualTasks.Rows(2, 64, seed: 2)), first);
        IDataView probe = Data([.. ContinualTasks.Rows(1, 10, seed: 8), .. ContinualTasks.Rows(2, 10, seed: 9)]);
        float[] expected = Scores(second, probe);
        using var stream = new MemoryStream();
        _context.Model.Save(second, probe.Schema, stream);
        byte[] archive = stream.ToArray();

        ITransformer fast = _context.Model.LoadHypernetwork(new MemoryStream(archive), out _);
        var loaded = (HypernetworkTransformer)ModelFileChecks.Flatten(fast).Single();
        Assert.Equal(expected, Scores(fast, probe));
        Assert.Equal([1u, 2u], loaded.LearnedKeys);
        Assert.Throws<InvalidOperationException>(() => Scores(fast, Data(ContinualTasks.Rows(3, 4, seed: 3))));

        ITransformer stock = _context.Model.Load(new MemoryStream(archive), out _);
        float[] stockScores = Scores(stock, probe);
        Assert.All(expected.Zip(stockScores), p => Assert.Equal(p.First, p.Second, 1e-5f * Math.Max(1f, Math.Abs(p.First))));
    }

    [Fact]
    public void LoadedContinualModel_LearnsAnotherTask()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        using HypernetworkTransformer first = trainer.Fit(Data(ContinualTasks.Rows(1, 64, seed: 1)));
        using var stream = new MemoryStream();
        _context.Model.Save(first, Data(ContinualTasks.Rows(1, 1, seed: 1)).Schema, stream);
        stream.Position = 0;
        var loaded = (HypernetworkTransformer)ModelFileChecks.Flatten(_context.Model.LoadHypernetwork(stream, out _)).Single();

        using HypernetworkTransformer second = trainer.Fit(Data(ContinualTasks.Rows(2, 64, seed: 2)), loaded);
        Assert.Equal([1u, 2u], second.LearnedKeys);
    }

    [Fact]
    public void Fit_ThrowsForAPreviousModelWithoutKeyConditioning()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        IDataView dense = _context.Data.LoadFromEnumerable(ContinualTasks.Rows(1, 32, seed: 1).Select(r => new DenseTaskRow { Task = 0, Features = r.Features, Label = r.Label }));
        using HypernetworkTransformer previous = _context.Regression.Trainers.Hypernetwork(ContinualTasks.Options(0.05f)).Fit(dense);

        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(Data(ContinualTasks.Rows(2, 32, seed: 2)), previous));
        Assert.Contains("conditioning column 'Task' is a Single vector", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForNewTaskDataWithoutAKey()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        using HypernetworkTransformer previous = trainer.Fit(Data(ContinualTasks.Rows(1, 32, seed: 1)));
        IDataView dense = _context.Data.LoadFromEnumerable(ContinualTasks.Rows(2, 32, seed: 2).Select(r => new DenseTaskRow { Task = 1, Features = r.Features, Label = r.Label }));

        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(dense, previous));
        Assert.Contains("Conditioning column 'Task' of the new task data is not a key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForAMismatchedFeatureSize()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        using HypernetworkTransformer previous = trainer.Fit(Data(ContinualTasks.Rows(1, 32, seed: 1)));
        IDataView wide = _context.Data.LoadFromEnumerable(ContinualTasks.Rows(2, 32, seed: 2).Select(r => new WideContinualRow { Task = 1, Features = [.. r.Features, 0f], Label = r.Label }));

        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(wide, previous));
        Assert.Contains("Feature column 'Features' of the new task data holds 3 values; the previous model reads 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForRowsOfATaskLearnedBefore()
    {
        HypernetworkTrainer trainer = Trainer(0.05f);
        using HypernetworkTransformer previous = trainer.Fit(Data(ContinualTasks.Rows(1, 32, seed: 1)));

        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(Data([.. ContinualTasks.Rows(2, 8, seed: 2), .. ContinualTasks.Rows(1, 8, seed: 3)]), previous));
        Assert.Contains("Conditioning column 'Task' row 8 holds key 1, a task the previous model has learned already", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamingFit_LearnsTheKeysItReadAndTakesAnotherTask()
    {
        HypernetworkTrainer.Options options = ContinualTasks.Options(0.05f);
        options.CacheTrainingData = false;
        options.ValidationFraction = 0;
        HypernetworkTrainer trainer = _context.Regression.Trainers.Hypernetwork(options);
        using HypernetworkTransformer first = trainer.Fit(Data(ContinualTasks.Rows(1, 64, seed: 1)));

        Assert.Equal([1u], first.LearnedKeys);
        using HypernetworkTransformer second = trainer.Fit(Data(ContinualTasks.Rows(2, 64, seed: 2)), first);
        Assert.Equal([1u, 2u], second.LearnedKeys);
        Assert.Contains("holds key 3", Assert.Throws<InvalidOperationException>(() => Scores(second, Data(ContinualTasks.Rows(3, 4, seed: 3)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForLabelsKeyedInAnotherOrder()
    {
        // Each task's labels mapped by a MapValueToKey of its own rows: "b" comes first in the second task, so key 1
        // would mean another class than it meant to the first model.
        ContinualClassRow[] first = [.. Enumerable.Range(0, 16).Select(i => new ContinualClassRow { Task = 0, Features = [i, -i], Class = i % 2 == 0 ? "a" : "b" })];
        ContinualClassRow[] second = [.. Enumerable.Range(0, 16).Select(i => new ContinualClassRow { Task = 1, Features = [i, i], Class = i % 2 == 0 ? "b" : "a" })];
        IDataView Keyed(ContinualClassRow[] rows) => _context.Transforms.Conversion.MapValueToKey("Label", nameof(ContinualClassRow.Class))
            .Fit(_context.Data.LoadFromEnumerable(rows)).Transform(_context.Data.LoadFromEnumerable(rows));
        HypernetworkTrainer.Options options = ContinualTasks.Options(0.05f);
        options.Epochs = 2;
        HypernetworkTrainer trainer = _context.MulticlassClassification.Trainers.Hypernetwork(options);
        using HypernetworkTransformer previous = trainer.Fit(Keyed(first));

        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(Keyed(second), previous));

        Assert.Contains("Label column 'Label' of the new task data has class 'b' as key 1, where the previous model has 'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ThrowForNegativeContinualRegularization()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer(-1f));
        Assert.Contains("ContinualRegularization", e.Message, StringComparison.Ordinal);
    }

    private HypernetworkTrainer Trainer(float regularization) => _context.Regression.Trainers.Hypernetwork(ContinualTasks.Options(regularization));

    private IDataView Data(IEnumerable<ContinualRow> rows) => _context.Data.LoadFromEnumerable(rows);

    private static float[] Scores(ITransformer model, IDataView data) => [.. model.Transform(data).GetColumn<float>("Score")];

    /// <summary>Task 1's test MSE right after it was learned and after tasks 2 and 3 were added by Fit(newTaskData, previousModel).</summary>
    private (double JustLearned, double Final) FirstTaskErrors(float regularization)
    {
        HypernetworkTrainer trainer = Trainer(regularization);
        IDataView test = Data(ContinualTasks.Rows(1, 200, seed: 100));
        HypernetworkTransformer model = trainer.Fit(Data(ContinualTasks.Rows(1, 256, seed: 1)));
        double justLearned = _context.Regression.Evaluate(model.Transform(test)).MeanSquaredError;
        for (uint task = 2; task <= ContinualTasks.Count; task++)
        {
            HypernetworkTransformer next = trainer.Fit(Data(ContinualTasks.Rows(task, 256, seed: (int)task)), model);
            model.Dispose();
            model = next;
        }

        using (model)
        {
            return (justLearned, _context.Regression.Evaluate(model.Transform(test)).MeanSquaredError);
        }
    }
}
