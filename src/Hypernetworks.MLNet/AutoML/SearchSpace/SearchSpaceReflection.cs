using System.Reflection;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>Reads options from attributed properties.</summary>
internal static class SearchSpaceReflection
{
    public static IEnumerable<KeyValuePair<string, OptionBase>> ReadOptions(Type type, object? defaults)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || !property.CanRead)
            {
                continue;
            }

            object? defaultValue = defaults is null ? null : property.GetValue(defaults);
            OptionBase? option = ReadOption(property, defaultValue);
            if (option is not null)
            {
                yield return new(property.Name, option);
            }
        }
    }

    private static OptionBase? ReadOption(PropertyInfo property, object? defaultValue)
    {
        Type type = property.PropertyType;
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            return ReadRange(property, range, defaultValue);
        }

        if (property.GetCustomAttribute<ChoiceAttribute>() is { } choice)
        {
            return new ChoiceOption(choice.Candidates.ToArray(), defaultValue);
        }

        if (property.GetCustomAttribute<BooleanChoiceAttribute>() is { } boolean)
        {
            RequireType(property, typeof(bool));
            return new ChoiceOption([false, true], defaultValue ?? boolean.DefaultValue);
        }

        if (property.GetCustomAttribute<LayerSizesAttribute>() is { } sizes)
        {
            RequireType(property, typeof(int[]));
            int[] initial = defaultValue as int[] ?? Enumerable.Repeat(sizes.InitWidth, sizes.InitDepth).ToArray();
            return new LayerSizesOption(sizes.MinDepth, sizes.MaxDepth, sizes.MinWidth, sizes.MaxWidth, sizes.LogBase, initial);
        }

        if (type.IsClass && type != typeof(string) && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            var nested = new SearchSpace();
            foreach (KeyValuePair<string, OptionBase> pair in ReadOptions(type, defaultValue))
            {
                nested.Add(pair.Key, pair.Value);
            }

            return nested.Count > 0 ? nested : null;
        }

        return null;
    }

    private static OptionBase ReadRange(PropertyInfo property, RangeAttribute range, object? defaultValue)
    {
        Type type = property.PropertyType;
        if (type == typeof(int))
        {
            int init = defaultValue is int value ? value : checked((int)range.Init);
            return new UniformIntOption(checked((int)range.Min), checked((int)range.Max), range.LogBase, init);
        }

        if (type == typeof(double) || type == typeof(float))
        {
            double init = defaultValue is null ? range.Init : Convert.ToDouble(defaultValue, System.Globalization.CultureInfo.InvariantCulture);
            return new UniformDoubleOption(range.Min, range.Max, range.LogBase, init, singlePrecision: type == typeof(float));
        }

        throw new ArgumentException(
            $"[Range] on property '{property.Name}' needs an int, float or double property, not {type.Name}.", nameof(property));
    }

    private static void RequireType(PropertyInfo property, Type expected)
    {
        if (property.PropertyType != expected)
        {
            throw new ArgumentException(
                $"Property '{property.Name}' is {property.PropertyType.Name}; its attribute needs {expected.Name}.", nameof(property));
        }
    }
}
