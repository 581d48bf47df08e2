namespace Hypernetworks.MLNet.AutoML;

/// <summary>The metrics a multiclass classification sweep can optimise (as in ML.NET's AutoML).</summary>
public enum MulticlassClassificationMetric
{
    /// <summary>Micro-averaged accuracy (maximised).</summary>
    MicroAccuracy,

    /// <summary>Macro-averaged accuracy (maximised).</summary>
    MacroAccuracy,

    /// <summary>Log-loss (minimised).</summary>
    LogLoss,

    /// <summary>Log-loss reduction relative to the prior (maximised).</summary>
    LogLossReduction,

    /// <summary>Top-k accuracy (maximised).</summary>
    TopKAccuracy,
}
