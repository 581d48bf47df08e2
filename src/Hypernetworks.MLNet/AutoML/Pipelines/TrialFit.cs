using Microsoft.ML;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// What a trial offers the estimator it builds: the validation rows as the estimator will see them (after the
/// pipeline's earlier transformers), a callback for the validation loss after each epoch, and a token that is
/// cancelled when the sweep ends or early stopping judges the trial poor.
/// </summary>
/// <param name="ValidationSet">The validation rows, transformed by the fitted estimators before this one; null under cross-validation's final fit.</param>
/// <param name="ReportValidationLoss">Takes the epoch (from 1) and the trainer's validation loss after it.</param>
/// <param name="CancellationToken">Stops training.</param>
internal sealed record TrialFit(IDataView? ValidationSet, Action<int, double> ReportValidationLoss, CancellationToken CancellationToken)
{
    /// <summary>A fit with nothing to report to and nothing to stop it: what a plain <c>Fit</c> uses.</summary>
    public static TrialFit None { get; } = new(null, static (_, _) => { }, CancellationToken.None);
}
