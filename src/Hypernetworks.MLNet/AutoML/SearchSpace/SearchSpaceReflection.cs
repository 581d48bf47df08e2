using System.Globalization;
using System.Reflection;
using Microsoft.ML.SearchSpace;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// Reads options from properties carrying ML.NET's own search-space attributes (<see cref="RangeAttribute"/>,
/// <see cref="ChoiceAttribute"/>, <see cref="BooleanChoiceAttribute"/>, from Microsoft.ML.SearchSpace) or our
/// <see cref="LayerSizesAttribute"/>.
/// </summary>
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
            return new ChoiceOption(choice.Candidates, defaultValue ?? choice.DefaultValue);
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
        double min = Convert.ToDouble(range.Min, CultureInfo.InvariantCulture);
        double max = Convert.ToDouble(range.Max, CultureInfo.InvariantCulture);
        double? init = range.Init is null ? null : Convert.ToDouble(range.Init, CultureInfo.InvariantCulture);
        if (type == typeof(int))
        {
            int? initial = defaultValue is int value ? value : init is double given ? checked((int)given) : null;
            return new UniformIntOption(checked((int)min), checked((int)max), range.LogBase, initial);
        }

        if (type == typeof(double) || type == typeof(float))
        {
            double? initial = defaultValue is null ? init : Convert.ToDouble(defaultValue, CultureInfo.InvariantCulture);
            return new UniformDoubleOption(min, max, range.LogBase, initial, singlePrecision: type == typeof(float));
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
