namespace Hypernetworks.MLNet;

/// <summary>
/// The one exception a model file that is corrupt, hostile, truncated or of an unsupported format gives when
/// it is loaded. The message says what is wrong and, where it applies, which archive entry or component.
/// </summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ModelFormatException()
        : base("The model file is not a valid Hypernetworks.MLNet model archive.")
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the lower-level error that revealed the problem.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
