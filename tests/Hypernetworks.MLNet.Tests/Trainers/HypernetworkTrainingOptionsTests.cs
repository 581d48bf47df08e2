using Hypernetworks.Model.Training;

namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkTrainingOptionsTests
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void Constructor_ThrowsForNonPositiveEpochsNamingOption()
    {
        HypernetworkTrainer.Options options = TaskData.Options();
        options.Epochs = 0;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Regression.Trainers.Hypernetwork(options));
        Assert.Contains("HypernetworkTrainer.Options.Epochs is 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Constructor_ThrowsForThreadCountOutOfRangeNamingOption(int threads)
    {
        HypernetworkTrainer.Options options = TaskData.Options();
        options.NumberOfThreads = threads;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Regression.Trainers.Hypernetwork(options));
        Assert.Contains($"HypernetworkTrainer.Options.NumberOfThreads is {threads}", error.Message, StringComparison.Ordinal);
    }

    // The engine cuts work into the same chunks whatever the thread count, so the model must not change a bit. A
    // 512-wide target layer makes a head of 2048 outputs (the head kernels, over several output ranges) with
    // 131,072 weights (several optimizer ranges).
    [Fact]
    public void Fit_OnOneAndTwoThreadsGivesBitwiseSameScores()
    {
        IDataView train = _context.Data.LoadFromEnumerable(TaskData.Regression(96, 1));
        List<RegressionTaskRow> test = TaskData.Regression(50, 2);
        HypernetworkTrainer.Options single = TaskData.Options(epochs: 2);
        single.NumberOfThreads = 1;
        single.TargetHiddenSizes = [512];
        HypernetworkTrainer.Options dual = TaskData.Options(epochs: 2);
        dual.NumberOfThreads = 2;
        dual.TargetHiddenSizes = [512];

        using HypernetworkTransformer first = new MLContext(3).Regression.Trainers.Hypernetwork(single).Fit(train);
        using HypernetworkTransformer second = new MLContext(3).Regression.Trainers.Hypernetwork(dual).Fit(train);
        Assert.Equal(
            HypernetworkLearningTests.Scores<ScorePrediction>(_context, first, test).Select(p => BitConverter.SingleToInt32Bits(p.Score)),
            HypernetworkLearningTests.Scores<ScorePrediction>(_context, second, test).Select(p => BitConverter.SingleToInt32Bits(p.Score)));
    }

    [Fact]
    public void Fit_ReportsProgressEveryEpoch()
    {
        var reports = new List<TrainingProgress>();
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 3);
        options.Progress = new Recorder(reports);

        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(options).Fit(_context.Data.LoadFromEnumerable(TaskData.Regression(64, 1)));
        Assert.Equal([1, 2, 3], reports.Select(r => r.Epoch));
    }

    [Fact]
    public void Fit_ThrowsWhenCancelled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 3);
        options.CancellationToken = source.Token;

        Assert.ThrowsAny<OperationCanceledException>(() => _context.Regression.Trainers.Hypernetwork(options).Fit(_context.Data.LoadFromEnumerable(TaskData.Regression(64, 1))));
    }

    [Fact]
    public void Fit_ReportsValidationLossOfValidationSet()
    {
        var reports = new List<TrainingProgress>();
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 2);
        options.ValidationSet = _context.Data.LoadFromEnumerable(TaskData.Regression(60, 9));
        options.Progress = new Recorder(reports);

        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(options).Fit(_context.Data.LoadFromEnumerable(TaskData.Regression(64, 1)));
        Assert.All(reports, r => Assert.True(float.IsFinite(r.ValidationLoss)));
    }

    [Fact]
    public void Fit_ThrowsForValidationSetWithOtherFeatureSize()
    {
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 1);
        options.ValidationSet = _context.Data.LoadFromEnumerable(TaskData.Regression(10, 9).Select(r => new NarrowRow { Conditioning = r.Conditioning, Features = r.Features[..2], Label = r.Label }));

        var error = Assert.Throws<ArgumentException>(() => _context.Regression.Trainers.Hypernetwork(options).Fit(_context.Data.LoadFromEnumerable(TaskData.Regression(64, 1))));
        Assert.Contains("validation data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WithSameSeedGivesBitwiseSameScores()
    {
        IDataView train = _context.Data.LoadFromEnumerable(TaskData.Regression(96, 1));
        List<RegressionTaskRow> test = TaskData.Regression(50, 2);

        using HypernetworkTransformer first = new MLContext(3).Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 2)).Fit(train);
        using HypernetworkTransformer second = new MLContext(4).Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 2)).Fit(train);
        Assert.Equal(
            HypernetworkLearningTests.Scores<ScorePrediction>(_context, first, test).Select(p => BitConverter.SingleToInt32Bits(p.Score)),
            HypernetworkLearningTests.Scores<ScorePrediction>(_context, second, test).Select(p => BitConverter.SingleToInt32Bits(p.Score)));
    }

    [Fact]
    public void Fit_WithoutSeedTakesTheContextSeed()
    {
        IDataView train = _context.Data.LoadFromEnumerable(TaskData.Regression(96, 1));
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 1);
        options.Seed = null;

        using HypernetworkTransformer first = new MLContext(3).Regression.Trainers.Hypernetwork(options).Fit(train);
        using HypernetworkTransformer second = new MLContext(3).Regression.Trainers.Hypernetwork(options).Fit(train);
        using HypernetworkTransformer other = new MLContext(4).Regression.Trainers.Hypernetwork(options).Fit(train);
        Assert.Equal(first.Model.Parameters[0].Value.Span.ToArray(), second.Model.Parameters[0].Value.Span.ToArray());
        Assert.NotEqual(first.Model.Parameters[0].Value.Span.ToArray(), other.Model.Parameters[0].Value.Span.ToArray());
    }

    public sealed class NarrowRow
    {
        [VectorType(2)]
        public float[] Conditioning { get; set; } = [];

        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class Recorder(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
