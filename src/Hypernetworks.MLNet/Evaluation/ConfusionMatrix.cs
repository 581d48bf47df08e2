using System.Globalization;
using System.Text;

namespace Hypernetworks.MLNet;

/// <summary>
/// Counts of rows by true class (rows of <see cref="Counts"/>) and predicted class (columns), as in ML.NET,
/// with per-class precision and recall.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly IReadOnlyList<string> _classNames;

    /// <summary>Creates a confusion matrix from its counts.</summary>
    /// <param name="counts">A square table: <c>counts[truth][predicted]</c>, non-negative.</param>
    /// <param name="classNames">Names of the classes for the formatted table; the class indices when null.</param>
    public ConfusionMatrix(IReadOnlyList<IReadOnlyList<double>> counts, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int n = counts.Count;
        if (n == 0)
        {
            throw new ArgumentException("A confusion matrix needs at least one class.", nameof(counts));
        }

        var copy = new double[n][];
        for (int i = 0; i < n; i++)
        {
            if (counts[i] is not { } row || row.Count != n)
            {
                throw new ArgumentException($"Row {i} of the counts must have {n} values (one per class); the table must be square.", nameof(counts));
            }

            copy[i] = [.. row];
            if (copy[i].Any(c => !(c >= 0) || double.IsInfinity(c)))
            {
                throw new ArgumentException($"Row {i} of the counts holds a negative or non-finite count.", nameof(counts));
            }
        }

        if (classNames is not null && classNames.Count != n)
        {
            throw new ArgumentException($"{classNames.Count} class names were given for {n} classes.", nameof(classNames));
        }

        Counts = copy;
        _classNames = classNames is null ? [.. Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture))] : [.. classNames];
        PerClassPrecision = [.. Enumerable.Range(0, n).Select(c => Ratio(copy[c][c], copy.Sum(row => row[c])))];
        PerClassRecall = [.. Enumerable.Range(0, n).Select(c => Ratio(copy[c][c], copy[c].Sum()))];
    }

    /// <summary><c>Counts[truth][predicted]</c>: how many rows of each true class got each prediction.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Counts { get; }

    /// <summary>The number of classes.</summary>
    public int NumberOfClasses => Counts.Count;

    /// <summary>For each class, correct predictions of it over all predictions of it (0 when never predicted).</summary>
    public IReadOnlyList<double> PerClassPrecision { get; }

    /// <summary>For each class, correct predictions of it over its rows (0 when it has no rows).</summary>
    public IReadOnlyList<double> PerClassRecall { get; }

    /// <summary>The table as text, laid out like ML.NET's: truth in rows, predictions in columns, recall and precision at the edges.</summary>
    public string GetFormattedConfusionTable()
    {
        int width = Math.Max(6, _classNames.Max(name => name.Length));
        int labelWidth = Math.Max(9, width);
        var text = new StringBuilder();
        string rule = new string(' ', labelWidth) + " ||" + new string('=', ((width + 3) * NumberOfClasses) + 8);
        text.AppendLine("Confusion table");
        text.AppendLine(rule);
        text.Append("PREDICTED".PadLeft(labelWidth)).Append(" ||");
        foreach (string name in _classNames)
        {
            text.Append(' ').Append(name.PadLeft(width)).Append(" |");
        }

        text.AppendLine(" Recall");
        text.Append("TRUTH".PadRight(labelWidth)).AppendLine(rule[labelWidth..]);
        for (int i = 0; i < NumberOfClasses; i++)
        {
            text.Append(_classNames[i].PadLeft(labelWidth)).Append(" ||");
            foreach (double count in Counts[i])
            {
                text.Append(' ').Append(count.ToString("0", CultureInfo.InvariantCulture).PadLeft(width)).Append(" |");
            }

            text.Append(' ').AppendLine(PerClassRecall[i].ToString("0.0000", CultureInfo.InvariantCulture));
        }

        text.AppendLine(rule);
        text.Append("Precision".PadLeft(labelWidth)).Append(" ||");
        foreach (double precision in PerClassPrecision)
        {
            text.Append(' ').Append(precision.ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(width)).Append(" |");
        }

        return text.AppendLine().ToString();
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
