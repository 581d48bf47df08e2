using System.Reflection;

namespace Hypernetworks.MLNet.Data;

public sealed partial class TextLoader
{
    /// <summary>
    /// The loader of the members of <typeparamref name="TInput"/> marked <see cref="LoadColumnAttribute"/>, with the
    /// names of <see cref="ColumnNameAttribute"/>, the keys of <see cref="KeyTypeAttribute"/>.
    /// </summary>
    /// <typeparam name="TInput">The class describing a line.</typeparam>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line is a header.</param>
    /// <param name="allowQuoting">Whether fields may be quoted.</param>
    /// <param name="trimWhitespace">Whether white space around fields is removed.</param>
    public static TextLoader CreateFromType<TInput>(char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false)
    {
        var columns = new List<Column>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        IEnumerable<MemberInfo> members = typeof(TInput).GetFields(flags).Cast<MemberInfo>().Concat(typeof(TInput).GetProperties(flags)).OrderBy(m => m.MetadataToken);
        foreach (MemberInfo member in members)
        {
            if (member.GetCustomAttribute<NoColumnAttribute>() is not null)
            {
                continue;
            }

            LoadColumnAttribute load = member.GetCustomAttribute<LoadColumnAttribute>()
                ?? throw new InvalidOperationException($"Member '{typeof(TInput).Name}.{member.Name}' has no [LoadColumn] attribute; add one or mark it [NoColumn].");
            Type memberType = MemberAccessors.TypeOf(member);
            DataViewType type = MemberTypes.InferColumnType(member, memberType);
            string name = member.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? member.Name;
            bool isVector = type is VectorDataViewType;
            PrimitiveDataViewType item = type as PrimitiveDataViewType ?? ((VectorDataViewType)type).ItemType;
            DataKind kind = MemberTypes.KindOf(item.RawType)!.Value;
            KeyCount? keyCount = item is KeyDataViewType key ? new KeyCount(key.Count) : null;
            if (!isVector && load.IsRange)
            {
                throw new InvalidOperationException($"Member '{typeof(TInput).Name}.{member.Name}' loads fields {load.Start}-{load.End} but is not an array.");
            }

            int fields = load.End - load.Start + 1;
            if (type is VectorDataViewType { IsKnownSize: true } vector && vector.Size != fields)
            {
                throw new InvalidOperationException(
                    $"Member '{typeof(TInput).Name}.{member.Name}' is a vector of {vector.Size} items but loads {fields} fields ({load.Start}-{load.End}).");
            }

            columns.Add(isVector
                ? new Column(name, kind, load.Start, load.End, keyCount)
                : new Column(name, kind, load.Start, keyCount));
        }

        return new TextLoader(new Options
        {
            Separators = [separatorChar],
            HasHeader = hasHeader,
            AllowQuoting = allowQuoting,
            TrimWhitespace = trimWhitespace,
            Columns = [.. columns],
        });
    }
}
