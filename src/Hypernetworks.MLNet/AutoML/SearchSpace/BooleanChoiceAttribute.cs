namespace Hypernetworks.MLNet.AutoML;

/// <summary>Marks a boolean property of an options class as a choice between false and true.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class BooleanChoiceAttribute : Attribute
{
    /// <summary>Declares the choice with false as the initial value.</summary>
    public BooleanChoiceAttribute()
    {
    }

    /// <summary>Declares the choice.</summary>
    /// <param name="defaultValue">The initial value.</param>
    public BooleanChoiceAttribute(bool defaultValue)
    {
        DefaultValue = defaultValue;
    }

    /// <summary>Gets the initial value.</summary>
    public bool DefaultValue { get; }
}
