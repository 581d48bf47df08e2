namespace Hypernetworks.MLNet.Tests.Persistence;

public sealed class SampleOptions
{
    public int Width { get; set; }

    public string Name { get; set; } = "";

    public float Scale { get; set; }

    public int[] Sizes { get; set; } = [];
}
