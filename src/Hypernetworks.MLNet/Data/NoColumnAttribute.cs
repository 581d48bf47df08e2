namespace Hypernetworks.MLNet.Data;

/// <summary>Keeps a public member out of the columns of its class.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class NoColumnAttribute : Attribute
{
}
