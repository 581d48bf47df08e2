namespace Hypernetworks.MLNet;

/// <summary>
/// A model file or ONNX graph that is not a hypernetwork model this library wrote, or is corrupt, truncated or
/// inconsistent with its own spec. The message says what is wrong.
/// </summary>
public sealed class HypernetworkModelFormatException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public HypernetworkModelFormatException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public HypernetworkModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that revealed the problem.</summary>
    public HypernetworkModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
