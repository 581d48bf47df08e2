using System.Reflection;

namespace Hypernetworks.MLNet.Data;

/// <summary>One member of a user class and the column it maps to.</summary>
/// <param name="ColumnName">The column name.</param>
/// <param name="ColumnType">The column type.</param>
/// <param name="Member">The field or property.</param>
/// <param name="MemberType">The .NET type of the member.</param>
internal sealed record MappedMember(string ColumnName, DataViewType ColumnType, MemberInfo Member, Type MemberType);
