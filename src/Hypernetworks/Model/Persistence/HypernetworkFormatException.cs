namespace Hypernetworks.Model.Persistence;

/// <summary>Saved hypernetwork state that cannot be loaded: wrong format or version, truncated, or inconsistent with its spec.</summary>
public sealed class HypernetworkFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HypernetworkFormatException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public HypernetworkFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HypernetworkFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
