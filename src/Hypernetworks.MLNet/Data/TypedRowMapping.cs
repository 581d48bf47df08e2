using System.Reflection;

namespace Hypernetworks.MLNet.Data;

/// <summary>
/// Maps the members of <typeparamref name="TRow"/> to columns: getters that read the members of a current object,
/// and writers that copy a row's values into an object's members. Reflection runs once, here; the delegates it
/// makes neither box nor allocate per row (except strings and arrays that must be created).
/// </summary>
/// <typeparam name="TRow">The user class.</typeparam>
internal sealed class TypedRowMapping<TRow>
    where TRow : class
{
    private static readonly MethodInfo ReaderMethod = typeof(TypedRowMapping<TRow>).GetMethod(nameof(MakeTypedReader), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo WriterMethod = typeof(TypedRowMapping<TRow>).GetMethod(nameof(MakeTypedWriter), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Resolves the members of <paramref name="definition"/> (or of <typeparamref name="TRow"/> when null).</summary>
    public TypedRowMapping(SchemaDefinition? definition, SchemaDefinition.Direction direction)
    {
        definition ??= SchemaDefinition.Create(typeof(TRow), direction);
        var members = new List<MappedMember>();
        foreach (SchemaDefinition.Column column in definition)
        {
            MemberInfo member = column.Member ?? (MemberInfo?)typeof(TRow).GetField(column.MemberName) ?? typeof(TRow).GetProperty(column.MemberName)
                ?? throw new ArgumentException($"Type {typeof(TRow).Name} has no public field or property '{column.MemberName}'.", nameof(definition));
            Type memberType = MemberAccessors.TypeOf(member);
            DataViewType type = column.ColumnType ?? MemberTypes.InferColumnType(member, memberType);
            if (!CanHold(memberType, type.RawType))
            {
                throw new ArgumentException(
                    $"Member '{typeof(TRow).Name}.{member.Name}' of type {memberType.Name} cannot hold column '{column.ColumnName}' of type {type}.", nameof(definition));
            }

            members.Add(new MappedMember(column.ColumnName, type, member, memberType));
        }

        Members = members;
    }

    /// <summary>The mapped members, in column order.</summary>
    public IReadOnlyList<MappedMember> Members { get; }

    /// <summary>The schema of the mapped columns.</summary>
    public DataViewSchema MakeSchema()
    {
        var builder = new DataViewSchema.Builder();
        foreach (MappedMember member in Members)
        {
            builder.AddColumn(member.ColumnName, member.ColumnType);
        }

        return builder.ToSchema();
    }

    /// <summary>A <see cref="ValueGetter{TValue}"/> of member <paramref name="index"/> of <paramref name="holder"/>'s current object.</summary>
    public Delegate MakeReader(int index, RowObjectHolder<TRow> holder)
    {
        MappedMember member = Members[index];
        if (!MemberAccessors.CanRead(member.Member))
        {
            throw new InvalidOperationException($"Member '{typeof(TRow).Name}.{member.Member.Name}' cannot be read.");
        }

        return (Delegate)ReaderMethod.MakeGenericMethod(member.MemberType, member.ColumnType.RawType).Invoke(null, [member, holder])!;
    }

    /// <summary>An action copying <paramref name="column"/> of <paramref name="row"/> into member <paramref name="index"/> of an object.</summary>
    public Action<TRow> MakeWriter(int index, DataViewRow row, DataViewSchema.Column column)
    {
        MappedMember member = Members[index];
        if (!MemberAccessors.CanWrite(member.Member))
        {
            throw new InvalidOperationException($"Member '{typeof(TRow).Name}.{member.Member.Name}' cannot be written.");
        }

        if (!CanHold(member.MemberType, column.Type.RawType))
        {
            throw new InvalidOperationException(
                $"Member '{typeof(TRow).Name}.{member.Member.Name}' of type {member.MemberType.Name} cannot hold column '{column.Name}' of type {column.Type}.");
        }

        if (member.ColumnType is VectorDataViewType { IsKnownSize: true } expected && column.Type is VectorDataViewType actual && actual.Size != expected.Size)
        {
            throw new InvalidOperationException(
                $"Member '{typeof(TRow).Name}.{member.Member.Name}' expects a vector of {expected.Size} items; column '{column.Name}' has type {column.Type}.");
        }

        return (Action<TRow>)WriterMethod.MakeGenericMethod(member.MemberType, column.Type.RawType).Invoke(null, [member, row, column])!;
    }

    /// <summary>Whether a member of type <paramref name="memberType"/> can hold values read as <paramref name="rawType"/>.</summary>
    private static bool CanHold(Type memberType, Type rawType)
    {
        if (memberType == rawType)
        {
            return true;
        }

        if (memberType == typeof(string))
        {
            return rawType == typeof(ReadOnlyMemory<char>);
        }

        if (memberType.IsArray && rawType.IsGenericType && rawType.GetGenericTypeDefinition() == typeof(VBuffer<>))
        {
            Type element = memberType.GetElementType()!;
            Type item = rawType.GetGenericArguments()[0];
            return element == item || (element == typeof(string) && item == typeof(ReadOnlyMemory<char>));
        }

        return false;
    }

    private static Delegate MakeTypedReader<TMember, TValue>(MappedMember member, RowObjectHolder<TRow> holder)
    {
        Func<TRow, TMember> get = MemberAccessors.Getter<TRow, TMember>(member.Member);
        if (typeof(TMember) == typeof(TValue))
        {
            var same = (Func<TRow, TValue>)(object)get;
            return (ValueGetter<TValue>)((ref TValue value) => value = same(holder.Row));
        }

        if (typeof(TMember) == typeof(string))
        {
            var text = (Func<TRow, string?>)(object)get;
            return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = text(holder.Row).AsMemory());
        }

        int size = member.ColumnType is VectorDataViewType vector ? vector.Size : 0;
        string name = member.ColumnName;
        if (typeof(TMember) == typeof(string[]))
        {
            var texts = (Func<TRow, string?[]?>)(object)get;
            return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                string?[] array = texts(holder.Row) ?? [];
                CheckSize(name, size, array.Length, holder.Position);
                VBufferEditor<ReadOnlyMemory<char>> editor = VBufferEditor.Create(ref value, array.Length);
                for (int i = 0; i < array.Length; i++)
                {
                    editor.Values[i] = array[i].AsMemory();
                }

                value = editor.Commit();
            });
        }

        return ArrayReaderFactory.Make(get, holder, name, size);
    }

    private static Action<TRow> MakeTypedWriter<TMember, TValue>(MappedMember member, DataViewRow row, DataViewSchema.Column column)
    {
        ValueGetter<TValue> getter = row.GetGetter<TValue>(column);
        Action<TRow, TMember> set = MemberAccessors.Setter<TRow, TMember>(member.Member);
        Func<TRow, TMember>? get = MemberAccessors.CanRead(member.Member) ? MemberAccessors.Getter<TRow, TMember>(member.Member) : null;
        if (typeof(TMember) == typeof(TValue))
        {
            var same = (Action<TRow, TValue>)(object)set;
            var current = (Func<TRow, TValue>?)(object?)get;
            TValue buffer = default!;
            return target =>
            {
                // Vectors are read into the member's own buffer, so an object reused from row to row reuses its arrays.
                buffer = current is null ? buffer : current(target);
                getter(ref buffer);
                same(target, buffer);
            };
        }

        if (typeof(TMember) == typeof(string))
        {
            var setText = (Action<TRow, string>)(object)set;
            var getText = (Func<TRow, string?>?)(object?)get;
            var textGetter = (ValueGetter<ReadOnlyMemory<char>>)(object)getter;
            ReadOnlyMemory<char> text = default;
            return target =>
            {
                textGetter(ref text);
                string? existing = getText?.Invoke(target);
                if (existing is null || !existing.AsSpan().SequenceEqual(text.Span))
                {
                    setText(target, text.ToString());
                }
            };
        }

        return ArrayWriterFactory.Make(get, set, getter);
    }

    private static void CheckSize(string column, int size, int actual, long position)
    {
        if (size > 0 && actual != size)
        {
            throw new InvalidOperationException($"Column '{column}' expects a vector of {size} items; row {position} has {actual}.");
        }
    }

    /// <summary>Makes getters of array members as vectors; generic over the item type.</summary>
    private static class ArrayReaderFactory
    {
        public static Delegate Make<TMember>(Func<TRow, TMember> get, RowObjectHolder<TRow> holder, string name, int size)
        {
            Type element = typeof(TMember).GetElementType()!;
            MethodInfo method = typeof(ArrayReaderFactory).GetMethod(nameof(MakeArray), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
            return (Delegate)method.Invoke(null, [get, holder, name, size])!;
        }

        private static ValueGetter<VBuffer<TItem>> MakeArray<TItem>(Func<TRow, TItem[]?> get, RowObjectHolder<TRow> holder, string name, int size) =>
            (ref VBuffer<TItem> value) =>
            {
                TItem[] array = get(holder.Row) ?? [];
                CheckSize(name, size, array.Length, holder.Position);
                VBufferEditor<TItem> editor = VBufferEditor.Create(ref value, array.Length);
                array.CopyTo(editor.Values);
                value = editor.Commit();
            };
    }

    /// <summary>Makes writers of vectors into array members; generic over the item type.</summary>
    private static class ArrayWriterFactory
    {
        public static Action<TRow> Make<TMember, TValue>(Func<TRow, TMember>? get, Action<TRow, TMember> set, ValueGetter<TValue> getter)
        {
            Type item = typeof(TValue).GetGenericArguments()[0];
            string method = item == typeof(ReadOnlyMemory<char>) ? nameof(MakeTextArray) : nameof(MakeArray);
            MethodInfo generic = typeof(ArrayWriterFactory).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!;
            if (item != typeof(ReadOnlyMemory<char>))
            {
                generic = generic.MakeGenericMethod(item);
            }

            return (Action<TRow>)generic.Invoke(null, [get, set, getter])!;
        }

        private static Action<TRow> MakeArray<TItem>(Func<TRow, TItem[]?>? get, Action<TRow, TItem[]> set, ValueGetter<VBuffer<TItem>> getter)
        {
            VBuffer<TItem> buffer = default;
            return target =>
            {
                getter(ref buffer);
                TItem[]? array = get?.Invoke(target);
                if (array is null || array.Length != buffer.Length)
                {
                    array = new TItem[buffer.Length];
                }

                buffer.CopyTo(array);
                set(target, array);
            };
        }

        private static Action<TRow> MakeTextArray(Func<TRow, string[]?>? get, Action<TRow, string[]> set, ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter)
        {
            VBuffer<ReadOnlyMemory<char>> buffer = default;
            return target =>
            {
                getter(ref buffer);
                string[]? array = get?.Invoke(target);
                if (array is null || array.Length != buffer.Length)
                {
                    array = new string[buffer.Length];
                }

                for (int i = 0; i < buffer.Length; i++)
                {
                    ReadOnlyMemory<char> text = buffer.GetItemOrDefault(i);
                    if (array[i] is null || !array[i].AsSpan().SequenceEqual(text.Span))
                    {
                        array[i] = text.ToString();
                    }
                }

                set(target, array);
            };
        }
    }
}
