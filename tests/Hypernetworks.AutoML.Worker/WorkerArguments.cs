using System.Globalization;

namespace Hypernetworks.AutoML.Worker;

/// <summary>The worker's command line: --name value pairs.</summary>
internal sealed class WorkerArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public WorkerArguments(string[] args)
    {
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option like --name at position {i}, got '{args[i]}'.", nameof(args));
            }

            values[args[i][2..]] = args[i + 1];
        }
    }

    public string Text(string name) =>
        values.TryGetValue(name, out string? value) ? value : throw new ArgumentException($"Missing option --{name}.", nameof(name));

    public int Number(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);
}
