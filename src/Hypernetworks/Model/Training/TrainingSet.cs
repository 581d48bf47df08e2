using Hypernetworks.Initialization;

namespace Hypernetworks.Model.Training;

/// <summary>In-memory rows: conditioning [rows, c], data [rows, in] and labels [rows, label width], row-major.</summary>
public sealed class TrainingSet
{
    private readonly float[] _conditioning;
    private readonly float[] _data;
    private readonly float[] _labels;

    /// <summary>Wraps the arrays (not copied); <paramref name="rows"/> must divide each of them evenly.</summary>
    public TrainingSet(float[] conditioning, float[] data, float[] labels, int rows)
    {
        ArgumentNullException.ThrowIfNull(conditioning);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        CheckDivides(conditioning.Length, rows, nameof(conditioning));
        CheckDivides(data.Length, rows, nameof(data));
        CheckDivides(labels.Length, rows, nameof(labels));
        _conditioning = conditioning;
        _data = data;
        _labels = labels;
        Rows = rows;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>Conditioning values per row.</summary>
    public int ConditioningWidth => _conditioning.Length / Rows;

    /// <summary>Data values per row.</summary>
    public int DataWidth => _data.Length / Rows;

    /// <summary>Label values per row.</summary>
    public int LabelWidth => _labels.Length / Rows;

    /// <summary>All conditioning values.</summary>
    public ReadOnlySpan<float> Conditioning => _conditioning;

    /// <summary>All data values.</summary>
    public ReadOnlySpan<float> Data => _data;

    /// <summary>All label values.</summary>
    public ReadOnlySpan<float> Labels => _labels;

    /// <summary>Splits off a random <paramref name="fraction"/> of the rows (at least one) as a second set.</summary>
    public (TrainingSet Train, TrainingSet Validation) Split(float fraction, ulong seed)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The validation fraction must be in (0, 1).");
        }

        if (Rows < 2)
        {
            throw new ArgumentException("A training set of one row cannot be split.", nameof(fraction));
        }

        int held = Math.Clamp((int)Math.Round(Rows * (double)fraction), 1, Rows - 1);

        int[] order = [.. Enumerable.Range(0, Rows)];
        new SeededRandom(seed).Shuffle(order.AsSpan());
        return (Take(order.AsSpan(held)), Take(order.AsSpan(0, held)));
    }

    /// <summary>Copies row <paramref name="row"/> into slot <paramref name="slot"/> of the batch arrays.</summary>
    internal void CopyRow(int row, int slot, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        int c = ConditioningWidth, d = DataWidth, l = LabelWidth;
        _conditioning.AsSpan(row * c, c).CopyTo(conditioning.Slice(slot * c, c));
        _data.AsSpan(row * d, d).CopyTo(data.Slice(slot * d, d));
        _labels.AsSpan(row * l, l).CopyTo(labels.Slice(slot * l, l));
    }

    private TrainingSet Take(ReadOnlySpan<int> rows)
    {
        var conditioning = new float[rows.Length * ConditioningWidth];
        var data = new float[rows.Length * DataWidth];
        var labels = new float[rows.Length * LabelWidth];
        for (int i = 0; i < rows.Length; i++)
        {
            CopyRow(rows[i], i, conditioning, data, labels);
        }

        return new TrainingSet(conditioning, data, labels, rows.Length);
    }

    private static void CheckDivides(int length, int rows, string name)
    {
        if (length % rows != 0)
        {
            throw new ArgumentException($"'{name}' has {length} values, not a whole number of values for each of {rows} rows.", name);
        }
    }
}
