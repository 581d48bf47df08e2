namespace Hypernetworks.MLNet.AutoML;

/// <summary>The settings of one run of an experiment, fixed when it starts.</summary>
internal sealed record ExperimentSettings(
    SearchSpace SearchSpace,
    Parameter FirstParameter,
    ITrialRunner Runner,
    ITuner Tuner,
    ITrialStore Store,
    IMonitor? Monitor,
    AshaEarlyStopping? EarlyStopping,
    MetricDirection Direction,
    int MaxTrials,
    TimeSpan? TrainingTime,
    int ParallelTrials,
    string WorkerId);
