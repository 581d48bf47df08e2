using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

public sealed partial class DataViewSchema
{
    /// <summary>
    /// Extra, per-column information, itself shaped as a one-row set of columns: each annotation has a kind (its
    /// name), a type and a value (see <see cref="AnnotationUtils.Kinds"/>).
    /// </summary>
    public sealed class Annotations
    {
        private readonly DetachedColumn[] _columns;
        private readonly Delegate[] _getters;
        private DataViewSchema? _schema;

        private Annotations(DetachedColumn[] columns, Delegate[] getters)
        {
            _columns = columns;
            _getters = getters;
        }

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new([], []);

        /// <summary>The annotation kinds and types, as columns.</summary>
        public DataViewSchema Schema => _schema ??= new DataViewSchema(_columns);

        /// <summary>The annotation kinds present.</summary>
        internal IEnumerable<DetachedColumn> Columns => _columns;

        /// <summary>Reads the annotation of kind <paramref name="kind"/> into <paramref name="value"/>.</summary>
        /// <typeparam name="TValue">The raw type of the annotation.</typeparam>
        /// <param name="kind">The annotation kind, e.g. <see cref="AnnotationUtils.Kinds.KeyValues"/>.</param>
        /// <param name="value">Receives the value.</param>
        /// <exception cref="InvalidOperationException">No annotation of that kind, or not of type <typeparamref name="TValue"/>.</exception>
        public void GetValue<TValue>(string kind, ref TValue value)
        {
            ArgumentNullException.ThrowIfNull(kind);
            for (int i = _columns.Length - 1; i >= 0; i--)
            {
                if (_columns[i].Name == kind)
                {
                    if (_getters[i] is not ValueGetter<TValue> getter)
                    {
                        throw new InvalidOperationException(
                            $"Annotation '{kind}' has type {_columns[i].Type} (read as {_columns[i].Type.RawType.Name}), not {typeof(TValue).Name}.");
                    }

                    getter(ref value);
                    return;
                }
            }

            throw new InvalidOperationException($"There is no annotation '{kind}'.");
        }

        /// <summary>The type of the annotation of kind <paramref name="kind"/>, or null when there is none.</summary>
        /// <param name="kind">The annotation kind.</param>
        public DataViewType? GetTypeOrNull(string kind)
        {
            for (int i = _columns.Length - 1; i >= 0; i--)
            {
                if (_columns[i].Name == kind)
                {
                    return _columns[i].Type;
                }
            }

            return null;
        }

        /// <summary>Builds <see cref="Annotations"/>.</summary>
        public sealed class Builder
        {
            private readonly List<DetachedColumn> _columns = [];
            private readonly List<Delegate> _getters = [];

            /// <summary>Adds an annotation.</summary>
            /// <typeparam name="TValue">The raw type of <paramref name="type"/>.</typeparam>
            /// <param name="kind">The annotation kind.</param>
            /// <param name="type">The annotation type.</param>
            /// <param name="getter">Reads the value.</param>
            public void Add<TValue>(string kind, DataViewType type, ValueGetter<TValue> getter)
            {
                ArgumentException.ThrowIfNullOrEmpty(kind);
                ArgumentNullException.ThrowIfNull(type);
                ArgumentNullException.ThrowIfNull(getter);
                if (type.RawType != typeof(TValue))
                {
                    throw new ArgumentException($"Annotation '{kind}' of type {type} is read as {type.RawType.Name}, not {typeof(TValue).Name}.", nameof(getter));
                }

                _columns.Add(new DetachedColumn(kind, type));
                _getters.Add(getter);
            }

            /// <summary>Adds the key values annotation: the value of each key 1..<paramref name="size"/>, in order.</summary>
            /// <typeparam name="TValue">The raw type of <paramref name="valueType"/>.</typeparam>
            /// <param name="size">The number of keys.</param>
            /// <param name="valueType">The type of the values.</param>
            /// <param name="getter">Reads the values.</param>
            public void AddKeyValues<TValue>(int size, PrimitiveDataViewType valueType, ValueGetter<VBuffer<TValue>> getter) =>
                Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(valueType, size), getter);

            /// <summary>Adds the slot names annotation: one name per item of a vector column.</summary>
            /// <param name="size">The vector size.</param>
            /// <param name="getter">Reads the names.</param>
            public void AddSlotNames(int size, ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter) =>
                Add(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, size), getter);

            /// <summary>The annotations added so far.</summary>
            public Annotations ToAnnotations() => _columns.Count == 0 ? Empty : new Annotations([.. _columns], [.. _getters]);
        }
    }
}
