namespace Hypernetworks.MLNet.Tests.Persistence;

public sealed class ModelLoadContextTests
{
    private static ModelLoadContext Linear()
    {
        using var stream = new MemoryStream(HostileArchive.Valid());
        return ModelArchive.Load(stream).Components[0];
    }

    [Fact]
    public void GetTensor_ThrowsNamingEntryForWrongShape()
    {
        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => Linear().GetTensor("weight", 3, 2));

        Assert.Contains("'weight' of component 0 ('Linear') has shape [2, 3]; expected [3, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTensor_ThrowsNamingEntryWhenMissing()
    {
        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => Linear().GetTensor("gain", 2));

        Assert.Contains("no entry 'gain'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetStrings_ThrowsForFloatEntry()
    {
        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => Linear().GetStrings("weight"));

        Assert.Contains("holds Float32; expected Strings", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOptions_ThrowsForOptionsOfAnotherShape()
    {
        Assert.Throws<ModelFormatException>(() => Linear().GetOptions<OtherOptions>());
    }

    [Fact]
    public void GetOptions_ThrowsWhenNoneWereSaved()
    {
        using var stream = new MemoryStream(HostileArchive.Valid());
        ModelLoadContext keyMap = ModelArchive.Load(stream).Components[1];

        Assert.False(keyMap.HasOptions);
        Assert.Throws<ModelFormatException>(() => keyMap.GetOptions<SampleOptions>());
    }

    [Fact]
    public void GetTensorShape_ReturnsSavedShape()
    {
        Assert.Equal([2, 3], Linear().GetTensorShape("weight"));
    }

    [Fact]
    public void HasEntry_IsCaseSensitive()
    {
        ModelLoadContext context = Linear();

        Assert.True(context.HasEntry("bias"));
        Assert.False(context.HasEntry("Bias"));
    }

    public sealed class OtherOptions
    {
        public int Depth { get; set; }
    }
}
