namespace Hypernetworks.MLNet;

/// <summary>The transforms: column operations and normalizers directly, type conversions in <see cref="Conversion"/>, categorical encodings in <see cref="Categorical"/>.</summary>
public sealed class TransformsCatalog
{
    internal TransformsCatalog(MLContext context)
    {
        Context = context;
        Conversion = new ConversionTransforms(context);
        Categorical = new CategoricalTransforms(context);
    }

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }

    /// <summary>Type conversions: values to keys and back.</summary>
    public ConversionTransforms Conversion { get; }

    /// <summary>Categorical encodings.</summary>
    public CategoricalTransforms Categorical { get; }

    /// <summary>The conversion transforms (extended by extension methods).</summary>
    public sealed class ConversionTransforms
    {
        internal ConversionTransforms(MLContext context)
        {
            Context = context;
        }

        /// <summary>The context this catalog belongs to.</summary>
        public MLContext Context { get; }
    }

    /// <summary>The categorical transforms (extended by extension methods).</summary>
    public sealed class CategoricalTransforms
    {
        internal CategoricalTransforms(MLContext context)
        {
            Context = context;
        }

        /// <summary>The context this catalog belongs to.</summary>
        public MLContext Context { get; }
    }
}
