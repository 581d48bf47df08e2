namespace Hypernetworks.Cli.Training;

/// <summary>One test metric of a model.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="HigherIsBetter">Whether larger values are better.</param>
internal readonly record struct MetricValue(string Name, double Value, bool HigherIsBetter);
