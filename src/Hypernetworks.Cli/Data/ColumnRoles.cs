using Hypernetworks.Model;

namespace Hypernetworks.Cli.Data;

/// <summary>Which CSV columns condition the hypernetwork, which are the target network's features, which is the label, and the task.</summary>
internal sealed class ColumnRoles
{
    private ColumnRoles(IReadOnlyList<CsvColumn> conditioning, IReadOnlyList<CsvColumn> features, CsvColumn label, HypernetworkTask task, bool keyConditioning)
    {
        Conditioning = conditioning;
        Features = features;
        Label = label;
        Task = task;
        KeyConditioning = keyConditioning;
    }

    /// <summary>Gets the conditioning columns.</summary>
    public IReadOnlyList<CsvColumn> Conditioning { get; }

    /// <summary>Gets the feature columns.</summary>
    public IReadOnlyList<CsvColumn> Features { get; }

    /// <summary>Gets the label column.</summary>
    public CsvColumn Label { get; }

    /// <summary>Gets the task.</summary>
    public HypernetworkTask Task { get; }

    /// <summary>Gets whether the conditioning is one text column mapped to a key (an embedding per value).</summary>
    public bool KeyConditioning { get; }

    /// <summary>Gets every column with a role, in file order.</summary>
    public IEnumerable<CsvColumn> All => Conditioning.Concat(Features).Append(Label).OrderBy(c => c.Index);

    /// <summary>Finds the named columns in <paramref name="table"/> and checks that they fit together.</summary>
    /// <param name="table">The CSV file's columns.</param>
    /// <param name="conditioning">The --conditioning names (each may list several, comma-separated).</param>
    /// <param name="features">The --features names (each may list several, comma-separated).</param>
    /// <param name="label">The --label name.</param>
    /// <param name="task">The --task, or null to infer it from the label column.</param>
    /// <param name="encoding">The --conditioning-encoding.</param>
    public static ColumnRoles Resolve(CsvTable table, IEnumerable<string> conditioning, IEnumerable<string> features, string label, HypernetworkTask? task, ConditioningEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(conditioning);
        ArgumentNullException.ThrowIfNull(features);
        CsvColumn[] z = Find(table, conditioning, "--conditioning");
        CsvColumn[] x = Find(table, features, "--features");
        CsvColumn y = table.Find(label.Trim(), "--label");
        CheckDisjoint(z, x, y);
        HypernetworkTask resolved = task ?? Infer(y);
        if (resolved == HypernetworkTask.Regression && y.Kind != ColumnKind.Numeric)
        {
            throw CliException.InvalidInput($"--label: the column '{y.Name}' holds text, not numbers, so it cannot be a regression label; use --task multiclass (or binary for true/false).");
        }

        bool key = encoding switch
        {
            ConditioningEncoding.Key when z.Length != 1 || z[0].Kind == ColumnKind.Numeric =>
                throw CliException.InvalidInput("--conditioning-encoding key needs exactly one text conditioning column (a task id or category)."),
            ConditioningEncoding.Key => true,
            ConditioningEncoding.Auto => z.Length == 1 && z[0].Kind != ColumnKind.Numeric,
            _ => false,
        };
        return new ColumnRoles(z, x, y, resolved, key);
    }

    private static CsvColumn[] Find(CsvTable table, IEnumerable<string> names, string option)
    {
        string[] split = [.. names.SelectMany(n => n.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
        if (split.Length == 0)
        {
            throw CliException.InvalidInput($"{option} names no column.");
        }

        CsvColumn[] columns = [.. split.Select(n => table.Find(n, option))];
        CsvColumn? twice = columns.GroupBy(c => c.Index).FirstOrDefault(g => g.Count() > 1)?.First();
        return twice is null ? columns : throw CliException.InvalidInput($"{option} names the column '{twice.Name}' twice.");
    }

    private static void CheckDisjoint(CsvColumn[] conditioning, CsvColumn[] features, CsvColumn label)
    {
        CsvColumn? shared = conditioning.FirstOrDefault(c => features.Any(f => f.Index == c.Index));
        if (shared is not null)
        {
            throw CliException.InvalidInput($"The column '{shared.Name}' is named by both --conditioning and --features; a column has one role.");
        }

        if (conditioning.Concat(features).Any(c => c.Index == label.Index))
        {
            throw CliException.InvalidInput($"The label column '{label.Name}' is also named as a conditioning or feature column.");
        }
    }

    private static HypernetworkTask Infer(CsvColumn label) => label.Kind switch
    {
        ColumnKind.Boolean => HypernetworkTask.BinaryClassification,
        ColumnKind.Text => HypernetworkTask.MulticlassClassification,
        _ => HypernetworkTask.Regression,
    };
}
