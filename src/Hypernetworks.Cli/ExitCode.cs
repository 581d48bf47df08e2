namespace Hypernetworks.Cli;

/// <summary>The exit codes of <c>hypernet</c>; every verb returns one of these.</summary>
internal enum ExitCode
{
    /// <summary>The verb did what was asked.</summary>
    Success = 0,

    /// <summary>The command line does not parse: an unknown verb or option, a missing required option, a value of the wrong type.</summary>
    Usage = 1,

    /// <summary>The input is wrong: a missing or unreadable data file, a column that is not there, a bad option value, data the model cannot use, a trial store that cannot be reached.</summary>
    InvalidInput = 2,

    /// <summary>The model file is missing, is not an ML.NET model, or holds no hypernetwork (or a corrupt one).</summary>
    InvalidModel = 3,

    /// <summary>Training failed: the loss diverged, or every trial of a sweep failed.</summary>
    TrainingFailed = 4,

    /// <summary>An output file could not be written (nothing half written is left behind).</summary>
    OutputFailed = 5,

    /// <summary>An unexpected error: a bug to report.</summary>
    InternalError = 70,

    /// <summary>Stopped by Ctrl+C (SIGINT) or SIGTERM; no output file was written or replaced.</summary>
    Cancelled = 130,
}
