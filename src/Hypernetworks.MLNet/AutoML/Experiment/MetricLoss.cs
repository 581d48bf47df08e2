namespace Hypernetworks.MLNet.AutoML;

/// <summary>Turns metrics into the losses tuners and early stopping minimise.</summary>
internal static class MetricLoss
{
    public static double From(double metric, MetricDirection direction) =>
        direction == MetricDirection.Maximize ? -metric : metric;
}
