namespace Hypernetworks.MLNet.Onnx;

/// <summary>A span of bytes in the model's byte array: one message or one length-delimited value.</summary>
internal readonly record struct ProtoRegion(int Offset, int Length);
