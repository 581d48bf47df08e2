namespace Hypernetworks.Packaging.Tests;

/// <summary>The packaging tests share one pack of the packages.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<LocalFeed>
{
    public const string Name = "Packaging";
}
