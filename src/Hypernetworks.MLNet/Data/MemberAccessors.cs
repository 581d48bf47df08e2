using System.Linq.Expressions;
using System.Reflection;

namespace Hypernetworks.MLNet.Data;

/// <summary>Compiled, non-boxing read and write delegates for a field or property of a user class.</summary>
internal static class MemberAccessors
{
    /// <summary>The .NET type of a field or property.</summary>
    public static Type TypeOf(MemberInfo member) => member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;

    /// <summary>Whether the member can be read.</summary>
    public static bool CanRead(MemberInfo member) => member is FieldInfo || ((PropertyInfo)member).CanRead;

    /// <summary>Whether the member can be written.</summary>
    public static bool CanWrite(MemberInfo member) => member is FieldInfo { IsInitOnly: false } || member is PropertyInfo { CanWrite: true };

    /// <summary>A delegate reading the member.</summary>
    public static Func<TRow, TMember> Getter<TRow, TMember>(MemberInfo member)
    {
        ParameterExpression row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, TMember>>(Expression.MakeMemberAccess(row, member), row).Compile();
    }

    /// <summary>A delegate writing the member.</summary>
    public static Action<TRow, TMember> Setter<TRow, TMember>(MemberInfo member)
    {
        ParameterExpression row = Expression.Parameter(typeof(TRow), "row");
        ParameterExpression value = Expression.Parameter(typeof(TMember), "value");
        return Expression.Lambda<Action<TRow, TMember>>(Expression.Assign(Expression.MakeMemberAccess(row, member), value), row, value).Compile();
    }
}
