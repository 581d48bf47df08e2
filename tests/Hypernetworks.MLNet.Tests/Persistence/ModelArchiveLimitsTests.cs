namespace Hypernetworks.MLNet.Tests.Persistence;

public sealed class ModelArchiveLimitsTests
{
    [Fact]
    public void Load_AcceptsStoredEntryLargerThanOneMebibyte()
    {
        float[] weights = ModelArchiveRoundTripTests.RandomFloats(600_000, seed: 3);
        byte[] archive = ModelArchiveRoundTripTests.SaveToBytes(new ModelComponent("T", c => c.AddTensor("w", weights, 600, 1000)));
        using var stream = new MemoryStream(archive);

        float[] back = ModelArchive.Load(stream).Components[0].GetTensor("w", 600, 1000);

        Assert.Equal(weights, back);
    }

    [Fact]
    public void Load_RejectsEntryAboveTheGivenEntryLimit()
    {
        byte[] archive = ModelArchiveRoundTripTests.SaveToBytes(new ModelComponent("T", c => c.AddTensor("w", new float[100], 100)));
        using var stream = new MemoryStream(archive);

        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => ModelArchive.Load(stream, limits: new ModelArchiveLimits { MaxEntryBytes = 399 }));

        Assert.Contains("as 400 bytes; entries hold 0 to 399", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsEntriesAboveTheGivenTotalLimit()
    {
        byte[] archive = ModelArchiveRoundTripTests.SaveToBytes(new ModelComponent("T", c =>
        {
            c.AddTensor("a", new float[100], 100);
            c.AddTensor("b", new float[100], 100);
        }));
        using var stream = new MemoryStream(archive);

        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => ModelArchive.Load(stream, limits: new ModelArchiveLimits { MaxTotalBytes = 799 }));

        Assert.Contains("more than 799 bytes of entries in total", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsManifestAboveTheGivenManifestLimit()
    {
        using var stream = new MemoryStream(HostileArchive.Valid());

        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => ModelArchive.Load(stream, limits: new ModelArchiveLimits { MaxManifestBytes = 100 }));

        Assert.Contains("'manifest.json' is larger than the 100 bytes allowed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_RejectNonPositiveValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelArchiveLimits { MaxEntries = 0 });
    }
}
