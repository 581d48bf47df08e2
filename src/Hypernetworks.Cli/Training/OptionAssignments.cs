using System.Globalization;
using System.Reflection;
using Hypernetworks.MLNet;

namespace Hypernetworks.Cli.Training;

/// <summary>
/// Applies <c>--option NAME=VALUE</c> to <see cref="HypernetworkTrainer.Options"/>: numbers, booleans, enum names
/// (<c>Generator=Chunked</c>) and lists of widths (<c>HiddenSizes=64,64</c>; <c>TargetHiddenSizes=</c> for none).
/// </summary>
internal static class OptionAssignments
{
    private static readonly string[] NotSettable =
    [
        nameof(HypernetworkTrainer.Options.ConditioningColumnName), nameof(HypernetworkTrainer.Options.FeatureColumnName),
        nameof(HypernetworkTrainer.Options.LabelColumnName), nameof(HypernetworkTrainer.Options.ValidationSet),
        nameof(HypernetworkTrainer.Options.Progress), nameof(HypernetworkTrainer.Options.CancellationToken),
        nameof(HypernetworkTrainer.Options.TargetLayerSizes),
    ];

    /// <summary>Gets the names <c>--option</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(HypernetworkTrainer.Options).GetProperties().Where(p => p.CanWrite && !NotSettable.Contains(p.Name)).Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>Applies every assignment to <paramref name="options"/>.</summary>
    /// <param name="options">The options to change.</param>
    /// <param name="assignments">The <c>NAME=VALUE</c> texts.</param>
    public static void Apply(HypernetworkTrainer.Options options, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(assignments);
        foreach (string assignment in assignments)
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw CliException.InvalidInput($"--option '{assignment}' is not NAME=VALUE (for example --option Epochs=50).");
            }

            string name = assignment[..equals].Trim();
            string value = assignment[(equals + 1)..].Trim();
            PropertyInfo property = Names.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? typeof(HypernetworkTrainer.Options).GetProperty(Names.First(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))!
                : throw CliException.InvalidInput($"--option: unknown option '{name}'. Options: {string.Join(", ", Names)}.");
            property.SetValue(options, Parse(property.PropertyType, property.Name, value));
        }
    }

    /// <summary>The settable options of <paramref name="options"/> and their values, for reports.</summary>
    /// <param name="options">The options.</param>
    public static IReadOnlyList<(string Name, string Value)> Describe(HypernetworkTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Names.Select(n => (n, Format(typeof(HypernetworkTrainer.Options).GetProperty(n)!.GetValue(options))))];
    }

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        IEnumerable<int> list => "[" + string.Join(", ", list) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object? Parse(Type type, string name, string value)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target != type && value.Length == 0)
            {
                return null;
            }

            if (target == typeof(IReadOnlyList<int>))
            {
                return value.Trim('[', ']').Split([',', ';', 'x'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
            }

            if (target.IsEnum)
            {
                return Enum.Parse(target, value, ignoreCase: true);
            }

            return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            string expected = target.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(target))}" : target == typeof(IReadOnlyList<int>) ? "a list of integers such as 64,64" : $"a {target.Name}";
            throw CliException.InvalidInput($"--option {name}={value}: expected {expected}.");
        }
    }
}
