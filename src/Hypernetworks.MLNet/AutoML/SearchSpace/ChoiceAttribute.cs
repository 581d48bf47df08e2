namespace Hypernetworks.MLNet.AutoML;

/// <summary>Marks a property of an options class as a choice among values.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ChoiceAttribute : Attribute
{
    /// <summary>Declares the values; the first is the initial one.</summary>
    /// <param name="candidates">The values.</param>
    public ChoiceAttribute(params object[] candidates)
    {
        Candidates = candidates;
    }

    /// <summary>Gets the values.</summary>
    public IReadOnlyList<object> Candidates { get; }
}
