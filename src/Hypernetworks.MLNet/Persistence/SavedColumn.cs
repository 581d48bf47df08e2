namespace Hypernetworks.MLNet;

/// <summary>
/// One column of the input schema recorded in a model file. <paramref name="Type"/> is the column type as
/// text, e.g. <c>Single</c>, <c>Boolean</c>, <c>String</c>, <c>Vector&lt;Single,16&gt;</c> or
/// <c>Key&lt;UInt32,5&gt;</c>; the archive stores it as given and the schema layer parses it.
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type as text.</param>
public sealed record SavedColumn(string Name, string Type);
