namespace Hypernetworks.MLNet.Tests.Persistence;

public sealed class ModelComponentRegistryTests
{
    private sealed record Affine(float[] Weight, float[] Bias);

    private static ModelComponentRegistry<object> Registry()
    {
        var registry = new ModelComponentRegistry<object>();
        registry.Register("Linear", c =>
        {
            SampleOptions options = c.GetOptions<SampleOptions>();
            return new Affine(c.GetTensor("weight", options.Sizes), c.GetTensor("bias", options.Sizes[0]));
        });
        registry.Register("KeyMap", c => c.GetStrings("keys"));
        return registry;
    }

    [Fact]
    public void CreateAll_BuildsEachComponentWithItsLoader()
    {
        ModelComponentRegistry<object> registry = Registry();
        using var stream = new MemoryStream(HostileArchive.Valid());

        IReadOnlyList<object> built = registry.CreateAll(registry.LoadArchive(stream));

        Assert.Equal([0.5f, -0.5f], Assert.IsType<Affine>(built[0]).Bias);
        Assert.Equal(["red", "green", "blue"], Assert.IsAssignableFrom<IReadOnlyList<string>>(built[1]));
    }

    [Fact]
    public void Create_ThrowsModelFormatExceptionForUnregisteredType()
    {
        var registry = new ModelComponentRegistry<object>();
        registry.Register("Linear", _ => new object());
        using var stream = new MemoryStream(HostileArchive.Valid());
        LoadedModelArchive archive = ModelArchive.Load(stream);

        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => registry.CreateAll(archive));

        Assert.Contains("'KeyMap', which has no registered loader", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WrapsLoaderArgumentErrorsAsModelFormatException()
    {
        var registry = new ModelComponentRegistry<object>();
        registry.Register("Linear", _ => throw new ArgumentOutOfRangeException("width", "width must be positive"));
        using var stream = new MemoryStream(HostileArchive.Valid());
        LoadedModelArchive archive = ModelArchive.Load(stream);

        ModelFormatException ex = Assert.Throws<ModelFormatException>(() => registry.Create(archive.Components[0]));

        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    [Fact]
    public void Register_ThrowsForDuplicateName()
    {
        var registry = new ModelComponentRegistry<object>();
        registry.Register("Linear", _ => new object());

        Assert.Throws<ArgumentException>(() => registry.Register("Linear", _ => new object()));
    }

    [Fact]
    public void Register_ThrowsForInvalidName()
    {
        Assert.Throws<ArgumentException>(() => new ModelComponentRegistry<object>().Register("../Linear", _ => new object()));
    }
}
