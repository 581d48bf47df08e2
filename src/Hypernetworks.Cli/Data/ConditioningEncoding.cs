namespace Hypernetworks.Cli.Data;

/// <summary>How text conditioning columns reach the hypernetwork.</summary>
internal enum ConditioningEncoding
{
    /// <summary>A single text column becomes a key (a learned embedding per value); anything else is one-hot encoded and concatenated.</summary>
    Auto,

    /// <summary>Text columns are one-hot encoded and concatenated with the numeric ones (an unseen value scores as all zeros).</summary>
    OneHot,

    /// <summary>The one text column becomes a key read by the Embedding encoder (an unseen value is an error when scoring).</summary>
    Key,
}
