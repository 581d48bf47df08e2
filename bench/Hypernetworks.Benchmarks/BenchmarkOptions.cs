using System.Globalization;

namespace Hypernetworks.Benchmarks;

/// <summary>The runner's command-line options after the suite name: <c>--name value</c> pairs.</summary>
internal sealed class BenchmarkOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchmarkOptions(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--option value' pairs; could not read '{arg}'.", nameof(args));
            }

            _values[arg[2..]] = args[++i];
        }
    }

    /// <summary>The integer option <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public int GetInt(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out string? text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"Option --{name} is '{text}'; expected an integer.", nameof(name));
    }

    /// <summary>The string option <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback) => _values.TryGetValue(name, out string? text) ? text : fallback;
}
