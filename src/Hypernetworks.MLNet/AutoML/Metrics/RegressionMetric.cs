namespace Hypernetworks.MLNet.AutoML;

/// <summary>The metrics a regression sweep can optimise (as in ML.NET's AutoML).</summary>
public enum RegressionMetric
{
    /// <summary>Mean absolute error (minimised).</summary>
    MeanAbsoluteError,

    /// <summary>Mean squared error (minimised).</summary>
    MeanSquaredError,

    /// <summary>Root mean squared error (minimised).</summary>
    RootMeanSquaredError,

    /// <summary>Coefficient of determination R² (maximised).</summary>
    RSquared,
}
