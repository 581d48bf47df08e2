using System.Reflection;

namespace Hypernetworks.MLNet.Data;

/// <summary>Which column type a member of a user class maps to, and whether a member type can hold a column type.</summary>
internal static class MemberTypes
{
    /// <summary>The column type of a member: from its .NET type and its <see cref="VectorTypeAttribute"/>, <see cref="KeyTypeAttribute"/> and <see cref="LoadColumnAttribute"/>.</summary>
    public static DataViewType InferColumnType(MemberInfo member, Type memberType)
    {
        KeyTypeAttribute? key = member.GetCustomAttribute<KeyTypeAttribute>();
        bool isVector = memberType.IsArray || (memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(VBuffer<>));
        Type itemType = isVector ? (memberType.IsArray ? memberType.GetElementType()! : memberType.GetGenericArguments()[0]) : memberType;
        PrimitiveDataViewType item = key is not null
            ? new KeyDataViewType(itemType, key.Count)
            : PrimitiveFor(itemType) ?? throw new InvalidOperationException(
                $"Member '{member.DeclaringType?.Name}.{member.Name}' has type {memberType.Name}, which does not map to a column type; " +
                "use float, double, an integer type, bool, string, ReadOnlyMemory<char>, arrays of these, or mark it [NoColumn].");
        if (!isVector)
        {
            return item;
        }

        VectorTypeAttribute? vector = member.GetCustomAttribute<VectorTypeAttribute>();
        if (vector is not null && vector.Dimensions.Count > 0)
        {
            return new VectorDataViewType(item, [.. vector.Dimensions]);
        }

        LoadColumnAttribute? load = member.GetCustomAttribute<LoadColumnAttribute>();
        return load is { IsRange: true } ? new VectorDataViewType(item, load.End - load.Start + 1) : new VectorDataViewType(item);
    }

    /// <summary>The primitive column type whose values are <paramref name="type"/>, or null.</summary>
    public static PrimitiveDataViewType? PrimitiveFor(Type type)
    {
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            return TextDataViewType.Instance;
        }

        if (type == typeof(bool))
        {
            return BooleanDataViewType.Instance;
        }

        return NumberDataViewType.All.FirstOrDefault(n => n.RawType == type);
    }

    /// <summary>The primitive column type of a <see cref="DataKind"/>.</summary>
    public static PrimitiveDataViewType FromKind(DataKind kind) => kind switch
    {
        DataKind.String => TextDataViewType.Instance,
        DataKind.Boolean => BooleanDataViewType.Instance,
        >= DataKind.SByte and <= DataKind.Double => NumberDataViewType.All[(int)kind - 1],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown data kind."),
    };

    /// <summary>The <see cref="DataKind"/> of a .NET item type, or null.</summary>
    public static DataKind? KindOf(Type itemType)
    {
        PrimitiveDataViewType? primitive = PrimitiveFor(itemType);
        if (primitive is null)
        {
            return null;
        }

        if (primitive is TextDataViewType)
        {
            return DataKind.String;
        }

        return primitive is BooleanDataViewType ? DataKind.Boolean : (DataKind)(NumberDataViewType.All.ToList().IndexOf((NumberDataViewType)primitive) + 1);
    }
}
