using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>Loading data into views, reading views back as objects, splitting and caching.</summary>
public sealed class DataOperationsCatalog
{
    internal DataOperationsCatalog(MLContext context)
    {
        Context = context;
    }

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }

    /// <summary>
    /// A lazy view over <paramref name="data"/>: each cursor enumerates it again, reading the public fields and
    /// properties of each object as columns.
    /// </summary>
    /// <typeparam name="TRow">The class of the rows.</typeparam>
    /// <param name="data">The rows.</param>
    /// <param name="schemaDefinition">How members map to columns; inferred from <typeparamref name="TRow"/> when null.</param>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, SchemaDefinition? schemaDefinition = null)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        return new EnumerableDataView<TRow>(data, schemaDefinition);
    }

    /// <summary>The rows of <paramref name="data"/> as objects, read lazily (each enumeration opens a new cursor).</summary>
    /// <typeparam name="TRow">The class of the rows.</typeparam>
    /// <param name="data">The view.</param>
    /// <param name="reuseRowObject">Whether one object is filled again for every row (faster; do not keep the rows).</param>
    /// <param name="ignoreMissingColumns">Whether members without a column are left alone instead of failing.</param>
    /// <param name="schemaDefinition">How members map to columns; inferred from <typeparamref name="TRow"/> when null.</param>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false, SchemaDefinition? schemaDefinition = null)
        where TRow : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DataViewEnumerable<TRow>(data, reuseRowObject, ignoreMissingColumns, schemaDefinition);
    }

    /// <summary>A lazy view of a delimited text file whose columns are the <see cref="LoadColumnAttribute"/> members of <typeparamref name="TInput"/>.</summary>
    /// <typeparam name="TInput">The class describing a line.</typeparam>
    /// <param name="path">The file path.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line is a header.</param>
    /// <param name="allowQuoting">Whether fields may be quoted with <c>"</c>.</param>
    /// <param name="trimWhitespace">Whether white space around fields is removed.</param>
    public IDataView LoadFromTextFile<TInput>(string path, char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false) =>
        TextLoader.CreateFromType<TInput>(separatorChar, hasHeader, allowQuoting, trimWhitespace).Load(path);

    /// <summary>A lazy view of a delimited text file with the given <paramref name="columns"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line is a header.</param>
    /// <param name="allowQuoting">Whether fields may be quoted with <c>"</c>.</param>
    /// <param name="trimWhitespace">Whether white space around fields is removed.</param>
    public IDataView LoadFromTextFile(string path, TextLoader.Column[] columns, char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false) =>
        CreateTextLoader(columns, separatorChar, hasHeader, allowQuoting, trimWhitespace).Load(path);

    /// <summary>A text loader with the given <paramref name="columns"/>.</summary>
    /// <param name="columns">The columns.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line is a header.</param>
    /// <param name="allowQuoting">Whether fields may be quoted with <c>"</c>.</param>
    /// <param name="trimWhitespace">Whether white space around fields is removed.</param>
    public TextLoader CreateTextLoader(TextLoader.Column[] columns, char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false) =>
        new(new TextLoader.Options
        {
            Columns = columns ?? throw new ArgumentNullException(nameof(columns)),
            Separators = [separatorChar],
            HasHeader = hasHeader,
            AllowQuoting = allowQuoting,
            TrimWhitespace = trimWhitespace,
        });

    /// <summary>A text loader for the <see cref="LoadColumnAttribute"/> members of <typeparamref name="TInput"/>.</summary>
    /// <typeparam name="TInput">The class describing a line.</typeparam>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line is a header.</param>
    /// <param name="allowQuoting">Whether fields may be quoted with <c>"</c>.</param>
    /// <param name="trimWhitespace">Whether white space around fields is removed.</param>
    public TextLoader CreateTextLoader<TInput>(char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false) =>
        TextLoader.CreateFromType<TInput>(separatorChar, hasHeader, allowQuoting, trimWhitespace);

    /// <summary>
    /// Splits <paramref name="data"/> lazily into a train and a test view. Each row goes to the test view with
    /// probability <paramref name="testFraction"/>, decided by a hash of the seed and the row's position, or of the
    /// value of <paramref name="samplingKeyColumnName"/> when given (then rows sharing a value stay together). The
    /// same seed and data give the same split.
    /// </summary>
    /// <param name="data">The data.</param>
    /// <param name="testFraction">The expected fraction of rows in the test view, in (0, 1).</param>
    /// <param name="samplingKeyColumnName">A column whose equal values must land in the same view, or null.</param>
    /// <param name="seed">The seed; the context's next seed when null.</param>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be strictly between 0 and 1.");
        }

        DataViewSchema.Column? key = samplingKeyColumnName is null ? null : data.Schema.GetColumnOrNull(samplingKeyColumnName)
            ?? throw SchemaErrors.ColumnNotFound(nameof(samplingKeyColumnName), "sampling key", samplingKeyColumnName);
        int actualSeed = seed ?? Context.Seed ?? Context.NextSeed();
        return new TrainTestData(
            RowSampler.Filter(data, key, actualSeed, 0, testFraction, inside: false),
            RowSampler.Filter(data, key, actualSeed, 0, testFraction, inside: true));
    }

    /// <summary>
    /// Splits <paramref name="data"/> lazily into <paramref name="numberOfFolds"/> folds, each row in exactly one
    /// (decided by a hash as in <see cref="TrainTestSplit"/>); fold i's test set is its rows, its train set the rest.
    /// </summary>
    /// <param name="data">The data.</param>
    /// <param name="numberOfFolds">The number of folds, at least 2.</param>
    /// <param name="samplingKeyColumnName">A column whose equal values must land in the same fold, or null.</param>
    /// <param name="seed">The seed; the context's next seed when null.</param>
    public IReadOnlyList<TrainTestData> CrossValidationSplit(IDataView data, int numberOfFolds = 5, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(numberOfFolds, 2);
        DataViewSchema.Column? key = samplingKeyColumnName is null ? null : data.Schema.GetColumnOrNull(samplingKeyColumnName)
            ?? throw SchemaErrors.ColumnNotFound(nameof(samplingKeyColumnName), "sampling key", samplingKeyColumnName);
        int actualSeed = seed ?? Context.Seed ?? Context.NextSeed();
        var folds = new TrainTestData[numberOfFolds];
        for (int i = 0; i < numberOfFolds; i++)
        {
            double lower = (double)i / numberOfFolds;
            double upper = i == numberOfFolds - 1 ? 1.0 : (double)(i + 1) / numberOfFolds;
            folds[i] = new TrainTestData(
                RowSampler.Filter(data, key, actualSeed, lower, upper, inside: false),
                RowSampler.Filter(data, key, actualSeed, lower, upper, inside: true));
        }

        return folds;
    }

    /// <summary>A view that keeps the rows of <paramref name="input"/> in memory once its first cursor has read them; later cursors can shuffle.</summary>
    /// <param name="input">The view cached.</param>
    /// <param name="columnsToPrefetch">Accepted for ML.NET's signature; every column is cached.</param>
    public IDataView Cache(IDataView input, params string[] columnsToPrefetch)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(columnsToPrefetch);
        foreach (string name in columnsToPrefetch)
        {
            SchemaErrors.Find(input.Schema, name, "prefetch", nameof(columnsToPrefetch));
        }

        return new CacheDataView(input);
    }

    /// <summary>The two views of a train/test split.</summary>
    public sealed class TrainTestData
    {
        internal TrainTestData(IDataView trainSet, IDataView testSet)
        {
            TrainSet = trainSet;
            TestSet = testSet;
        }

        /// <summary>The training rows.</summary>
        public IDataView TrainSet { get; }

        /// <summary>The test rows.</summary>
        public IDataView TestSet { get; }
    }
}
