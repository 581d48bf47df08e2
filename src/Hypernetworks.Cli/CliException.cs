namespace Hypernetworks.Cli;

/// <summary>A failure the user can fix, with the exit code it ends the process with and a message that says what to fix.</summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="message">What is wrong, naming the file, column or option.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CliException(ExitCode exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>Gets the exit code.</summary>
    public ExitCode ExitCode { get; }

    /// <summary>A bad input: a missing file, an unknown column, a bad option value.</summary>
    /// <param name="message">What is wrong.</param>
    public static CliException InvalidInput(string message) => new(ExitCode.InvalidInput, message);
}
