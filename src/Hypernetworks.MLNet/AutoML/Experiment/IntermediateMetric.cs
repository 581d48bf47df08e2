namespace Hypernetworks.MLNet.AutoML;

/// <summary>A trial's validation metric after one epoch (one point of its learning curve).</summary>
/// <param name="Epoch">The epoch, counted from 1.</param>
/// <param name="Metric">The metric after that epoch.</param>
public readonly record struct IntermediateMetric(int Epoch, double Metric);
