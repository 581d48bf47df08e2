using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests;

/// <summary>
/// The schema-shape checks of ML.NET's TestEstimatorCore. ML.NET keeps <c>SchemaShape.Create</c> internal, so the
/// tests reach it by reflection; the comparison is on each column's public name, kind, item type and key-ness.
/// </summary>
internal static class SchemaShapes
{
    private static readonly MethodInfo Create = typeof(SchemaShape).GetMethod("Create", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public, [typeof(DataViewSchema)])!;

    /// <summary>The shape ML.NET gives a schema.</summary>
    public static SchemaShape Of(DataViewSchema schema) => (SchemaShape)Create.Invoke(null, [schema])!;

    /// <summary>A column as a comparable description.</summary>
    public static string Describe(SchemaShape.Column column) => $"{column.Name}: {column.Kind} {column.ItemType.RawType.Name}{(column.IsKey ? " key" : string.Empty)}";

    /// <summary>Asserts that the predicted shape lists the fitted schema's visible columns with the same kinds and types.</summary>
    public static void AssertMatches(SchemaShape predicted, DataViewSchema fitted)
    {
        SchemaShape actual = Of(fitted);
        Assert.Equal(predicted.Select(Describe).Order(), actual.Select(Describe).Order());
    }
}
