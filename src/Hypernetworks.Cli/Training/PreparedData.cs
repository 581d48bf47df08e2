using System.Diagnostics;
using Hypernetworks.Cli.Data;
using Hypernetworks.Cli.Output;
using Hypernetworks.Cli.Reports;
using Hypernetworks.MLNet;
using Microsoft.ML;

namespace Hypernetworks.Cli.Training;

/// <summary>
/// A CSV file ready for training: its columns and their roles, the training rows and the held-out test rows (with
/// the label mapped to a key for multiclass), and what builds the pipeline, the stock comparison and the model file.
/// </summary>
internal sealed class PreparedData
{
    private PreparedData(MLContext mlContext, ColumnRoles roles, PipelineFactory factory, IDataView train, IDataView test, long trainRows, long testRows)
    {
        MLContext = mlContext;
        Roles = roles;
        Factory = factory;
        Train = train;
        Test = test;
        TrainRows = trainRows;
        TestRows = testRows;
    }

    /// <summary>Gets the context.</summary>
    public MLContext MLContext { get; }

    /// <summary>Gets the column roles.</summary>
    public ColumnRoles Roles { get; }

    /// <summary>Gets the pipeline factory.</summary>
    public PipelineFactory Factory { get; }

    /// <summary>Gets the training rows.</summary>
    public IDataView Train { get; }

    /// <summary>Gets the held-out test rows.</summary>
    public IDataView Test { get; }

    /// <summary>Gets the number of training rows.</summary>
    public long TrainRows { get; }

    /// <summary>Gets the number of test rows.</summary>
    public long TestRows { get; }

    /// <summary>Reads <paramref name="path"/>, resolves the roles and splits off the test rows.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="roles">Resolves the column roles from the file's columns.</param>
    /// <param name="testFraction">The fraction of rows held out.</param>
    /// <param name="seed">The split's seed.</param>
    public static PreparedData Prepare(MLContext mlContext, string path, Func<CsvTable, ColumnRoles> roles, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(roles);
        CsvTable table = CsvTable.Read(path);
        ColumnRoles resolved = roles(table);
        var factory = new PipelineFactory(mlContext, resolved);
        IDataView all = mlContext.Data.Cache(factory.Load(path));
        DataOperationsCatalog.TrainTestData split = mlContext.Data.TrainTestSplit(all, testFraction, seed: seed);
        long trainRows = ModelParts.RowCount(split.TrainSet);
        long testRows = ModelParts.RowCount(split.TestSet);
        if (trainRows < 2 || testRows < 1)
        {
            throw CliException.InvalidInput($"The data file '{path}' has too few rows to train and test on ({trainRows + testRows}); --test-fraction {testFraction} holds out {testRows}.");
        }

        ITransformer? labels = factory.LabelMapping()?.Fit(split.TrainSet);
        IDataView train = labels?.Transform(split.TrainSet) ?? split.TrainSet;
        IDataView test = labels?.Transform(split.TestSet) ?? split.TestSet;
        return new PreparedData(mlContext, resolved, factory, train, test, trainRows, testRows);
    }

    /// <summary>Trainer options that read this data's columns, with the CLI's defaults (10% of the training rows validate each epoch).</summary>
    /// <param name="seed">The seed.</param>
    public HypernetworkTrainer.Options BaseOptions(int seed) => new()
    {
        ConditioningColumnName = PipelineFactory.ConditioningColumn,
        FeatureColumnName = PipelineFactory.FeatureColumn,
        LabelColumnName = Factory.LabelColumn,
        ValidationFraction = 0.1f,
        Seed = seed,
    };

    /// <summary>The column roles for reports.</summary>
    public IReadOnlyList<(string Role, string Columns)> DescribeColumns() =>
    [
        ("Conditioning", string.Join(", ", Roles.Conditioning.Select(c => c.Name)) + (Roles.KeyConditioning ? " (key: a learned embedding per value)" : string.Empty)),
        ("Features", string.Join(", ", Roles.Features.Select(c => c.Name))),
        ("Label", Roles.Label.Name),
    ];

    /// <summary>
    /// A failure of <paramref name="error"/> (which names one of the tool's internal columns) as a bad-input error that
    /// also says which CSV columns make that column, slot by slot.
    /// </summary>
    /// <param name="error">The trainer's error.</param>
    public CliException ExplainColumns(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string conditioning = string.Join(", ", Roles.Conditioning.Select(c => c.Name));
        string features = string.Join(", ", Roles.Features.Select(c => c.Name));
        return new CliException(
            ExitCode.InvalidInput,
            $"{error.Message} ({PipelineFactory.ConditioningColumn} is made of {conditioning} and {PipelineFactory.FeatureColumn} of {features}, in that order: a slot per numeric column, a slot per category of a text column; an empty or non-numeric value in a numeric column reads as NaN.)",
            error);
    }

    /// <summary>Trains the stock trainer on the same training rows and scores both models on the test rows.</summary>
    /// <param name="model">The fitted hypernetwork pipeline.</param>
    /// <param name="stockSeconds">How long the stock trainer took.</param>
    public ModelComparison CompareWithStock(ITransformer model, out double stockSeconds)
    {
        IReadOnlyList<MetricValue> ours = TaskEvaluation.Evaluate(MLContext, Roles.Task, model, Test, Factory.LabelColumn);
        (string name, IEstimator<ITransformer> stock) = Factory.StockTrainer();
        var clock = Stopwatch.StartNew();
        ITransformer stockModel = ConsoleProgress.Run($"Training {name}", 1, _ => stock.Fit(Train));
        stockSeconds = clock.Elapsed.TotalSeconds;
        IReadOnlyList<MetricValue> theirs = TaskEvaluation.Evaluate(MLContext, Roles.Task, stockModel, Test, Factory.LabelColumn);
        return new ModelComparison(name, TestRows, ours, theirs);
    }

    /// <summary>Saves <paramref name="model"/> as an ML.NET model file, written to a temporary name and renamed.</summary>
    /// <param name="model">The fitted pipeline.</param>
    /// <param name="path">The .zip file.</param>
    public void Save(ITransformer model, string path) =>
        AtomicOutput.Write(path, "--out", stream => MLContext.Model.Save(model, Train.Schema, stream));
}
