namespace Hypernetworks.MLNet.Onnx;

/// <summary>Bounds on what the ONNX reader accepts, so that a hostile file cannot make it build huge object graphs.</summary>
internal static class OnnxReadLimits
{
    public const int MaxNodes = 1 << 16;
    public const int MaxInitializers = 1 << 16;
    public const int MaxValues = 64;
    public const int MaxNodeArguments = 64;
    public const int MaxAttributes = 64;
    public const int MaxAttributeValues = 1 << 20;
    public const int MaxDimensions = 16;
    public const int MaxMetadataEntries = 256;
    public const int MaxOperatorSets = 64;
    public const int MaxStrings = 1 << 20;
}
