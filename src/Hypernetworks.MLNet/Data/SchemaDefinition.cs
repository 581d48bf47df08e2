using System.Reflection;

namespace Hypernetworks.MLNet.Data;

/// <summary>
/// How the public fields and properties of a class map to columns: one <see cref="Column"/> per member, which can
/// be edited (e.g. to set a vector size) before it is passed to <c>LoadFromEnumerable</c> or <c>CreateEnumerable</c>.
/// </summary>
#pragma warning disable CA1710 // ML.NET's name for this list is SchemaDefinition.
public sealed class SchemaDefinition : List<SchemaDefinition.Column>
#pragma warning restore CA1710
{
    /// <summary>Which way the mapping is used, which decides the members that qualify.</summary>
    [Flags]
    public enum Direction
    {
        /// <summary>Columns are read from objects: members must be readable.</summary>
        Read = 1,

        /// <summary>Columns are written into objects: members must be writable.</summary>
        Write = 2,

        /// <summary>Both.</summary>
        Both = Read | Write,
    }

    /// <summary>The column named <paramref name="columnName"/>.</summary>
    /// <param name="columnName">The column name.</param>
    public Column this[string columnName] =>
        this.LastOrDefault(c => c.ColumnName == columnName) ?? throw new KeyNotFoundException($"The schema definition has no column '{columnName}'.");

    /// <summary>The columns of the public fields and properties of <paramref name="userType"/>.</summary>
    /// <param name="userType">The class.</param>
    /// <param name="direction">Which members qualify: readable ones, writable ones or both.</param>
    public static SchemaDefinition Create(Type userType, Direction direction = Direction.Both)
    {
        ArgumentNullException.ThrowIfNull(userType);
        var definition = new SchemaDefinition();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        IEnumerable<MemberInfo> members = userType.GetFields(flags).Where(f => !f.IsInitOnly || direction == Direction.Read).Cast<MemberInfo>()
            .Concat(userType.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0
                && (!direction.HasFlag(Direction.Read) || p.CanRead)
                && (!direction.HasFlag(Direction.Write) || p.CanWrite)))
            .OrderBy(m => m.MetadataToken);
        foreach (MemberInfo member in members)
        {
            if (member.GetCustomAttribute<NoColumnAttribute>() is not null)
            {
                continue;
            }

            Type memberType = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
            string name = member.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? member.Name;
            definition.Add(new Column(member.Name, name, MemberTypes.InferColumnType(member, memberType)) { Member = member });
        }

        return definition;
    }

    /// <summary>One column: the member it comes from, its name and its type.</summary>
    public sealed class Column
    {
        /// <summary>Describes a column.</summary>
        /// <param name="memberName">The field or property name.</param>
        /// <param name="columnName">The column name.</param>
        /// <param name="columnType">The column type; inferred from the member when null.</param>
        public Column(string memberName, string columnName, DataViewType? columnType = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(memberName);
            ArgumentException.ThrowIfNullOrEmpty(columnName);
            MemberName = memberName;
            ColumnName = columnName;
            ColumnType = columnType;
        }

        /// <summary>The field or property name.</summary>
        public string MemberName { get; }

        /// <summary>The column name.</summary>
        public string ColumnName { get; set; }

        /// <summary>The column type; inferred from the member when null.</summary>
        public DataViewType? ColumnType { get; set; }

        /// <summary>The member, once resolved.</summary>
        internal MemberInfo? Member { get; set; }
    }
}
