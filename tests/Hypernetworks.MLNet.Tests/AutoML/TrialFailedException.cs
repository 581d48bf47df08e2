namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>The error synthetic runners throw, naming the trial.</summary>
public sealed class TrialFailedException : Exception
{
    public TrialFailedException()
    {
    }

    public TrialFailedException(string message)
        : base(message)
    {
    }

    public TrialFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
