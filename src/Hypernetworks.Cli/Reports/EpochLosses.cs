namespace Hypernetworks.Cli.Reports;

/// <summary>The losses after one training epoch.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TrainingLoss">The mean training loss.</param>
/// <param name="ValidationLoss">The validation loss (NaN without validation rows).</param>
internal readonly record struct EpochLosses(int Epoch, double TrainingLoss, double ValidationLoss);
