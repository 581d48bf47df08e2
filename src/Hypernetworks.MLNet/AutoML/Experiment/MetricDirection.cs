namespace Hypernetworks.MLNet.AutoML;

/// <summary>Whether a sweep looks for the smallest or the largest metric.</summary>
public enum MetricDirection
{
    /// <summary>Smaller is better (RMSE, log-loss).</summary>
    Minimize,

    /// <summary>Larger is better (accuracy, AUC, R²).</summary>
    Maximize,
}
