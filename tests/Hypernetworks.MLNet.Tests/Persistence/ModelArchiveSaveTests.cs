namespace Hypernetworks.MLNet.Tests.Persistence;

public sealed class ModelArchiveSaveTests
{
    private static readonly SavedColumn[] Schema = [new("Features", "Vector<Single,4>")];

    private static ModelComponent Failing() => new("Broken", c =>
    {
        c.AddTensor("w", [1f, 2f], 2);
        throw new InvalidOperationException("component failed");
    });

    [Fact]
    public void Save_WhenComponentThrows_LeavesNoFileAndNoTempFile()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "model.zip");

        Assert.Throws<InvalidOperationException>(() => ModelArchive.Save(path, Schema, [Failing()]));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Save_WhenComponentThrows_LeavesExistingFileUntouched()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "model.zip");
        ModelArchive.Save(path, Schema, [new ModelComponent("T", c => c.AddTensor("w", [5f], 1))]);
        byte[] before = File.ReadAllBytes(path);

        Assert.Throws<InvalidOperationException>(() => ModelArchive.Save(path, Schema, [Failing()]));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Save_ReplacesExistingFile()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "model.zip");
        ModelArchive.Save(path, Schema, [new ModelComponent("T", c => c.AddTensor("w", [5f], 1))]);

        ModelArchive.Save(path, Schema, [new ModelComponent("T", c => c.AddTensor("w", [6f], 1))]);

        Assert.Equal([6f], ModelArchive.Load(path).Components[0].GetTensor("w", 1));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Load_ThrowsFileNotFoundForMissingFile()
    {
        using var folder = new TempFolder();

        Assert.Throws<FileNotFoundException>(() => ModelArchive.Load(Path.Combine(folder.Path, "absent.zip")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("with space")]
    public void AddTensor_ThrowsForInvalidEntryName(string name)
    {
        var component = new ModelComponent("T", c => c.AddTensor(name, [1f], 1));

        Assert.Throws<ArgumentException>(() => ModelArchiveRoundTripTests.SaveToBytes(component));
    }

    [Fact]
    public void AddTensor_ThrowsForDuplicateNameIgnoringCase()
    {
        var component = new ModelComponent("T", c =>
        {
            c.AddTensor("w", [1f], 1);
            c.AddTensor("W", [1f], 1);
        });

        Assert.Throws<ArgumentException>(() => ModelArchiveRoundTripTests.SaveToBytes(component));
    }

    [Fact]
    public void AddTensor_ThrowsForShapeThatDoesNotMatchValues()
    {
        var component = new ModelComponent("T", c => c.AddTensor("w", [1f, 2f, 3f], 2, 2));

        ArgumentException ex = Assert.Throws<ArgumentException>(() => ModelArchiveRoundTripTests.SaveToBytes(component));
        Assert.Contains("[2, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTensor_ThrowsForNegativeDimension()
    {
        var component = new ModelComponent("T", c => c.AddTensor("w", [], -1, 0));

        Assert.Throws<ArgumentException>(() => ModelArchiveRoundTripTests.SaveToBytes(component));
    }

    [Fact]
    public void AddStrings_ThrowsForNullString()
    {
        var component = new ModelComponent("T", c => c.AddStrings("s", ["a", null!]));

        Assert.Throws<ArgumentException>(() => ModelArchiveRoundTripTests.SaveToBytes(component));
    }

    [Fact]
    public void SetOptions_ThrowsWhenCalledTwice()
    {
        var component = new ModelComponent("T", c =>
        {
            c.SetOptions(new SampleOptions());
            c.SetOptions(new SampleOptions());
        });

        Assert.Throws<InvalidOperationException>(() => ModelArchiveRoundTripTests.SaveToBytes(component));
    }

    [Fact]
    public void SaveContext_ThrowsWhenUsedAfterItsSaveReturned()
    {
        ModelSaveContext? captured = null;
        ModelArchiveRoundTripTests.SaveToBytes(new ModelComponent("T", c => captured = c));

        Assert.Throws<InvalidOperationException>(() => captured!.AddTensor("late", [1f], 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Foo/Bar")]
    [InlineData("System.Type, mscorlib")]
    public void Save_ThrowsForInvalidTypeName(string typeName)
    {
        Assert.Throws<ArgumentException>(() => ModelArchiveRoundTripTests.SaveToBytes(new ModelComponent(typeName, _ => { })));
    }
}
