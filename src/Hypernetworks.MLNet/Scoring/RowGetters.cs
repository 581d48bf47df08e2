using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>Getters asked for by column type at run time (one reflection call when a row is set up, none per value).</summary>
internal static class RowGetters
{
    private static readonly MethodInfo GetGetterMethod = typeof(RowGetters).GetMethod(nameof(GetTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The getter of <paramref name="column"/> as a <see cref="Delegate"/> of its raw type.</summary>
    public static Delegate GetGetter(DataViewRow row, DataViewSchema.Column column) =>
        (Delegate)GetGetterMethod.MakeGenericMethod(column.Type.RawType).Invoke(null, [row, column])!;

    /// <summary>Calls the static method <paramref name="name"/> of <paramref name="owner"/> (made generic over <paramref name="typeArguments"/> when any), rethrowing its own exceptions.</summary>
    public static TResult InvokeGeneric<TResult>(Type owner, string name, Type[] typeArguments, params object?[] arguments)
    {
        MethodInfo method = owner.GetMethod(name, BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(owner.Name, name);
        try
        {
            MethodInfo target = typeArguments.Length == 0 ? method : method.MakeGenericMethod(typeArguments);
            return (TResult)target.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static Delegate GetTyped<T>(DataViewRow row, DataViewSchema.Column column) => row.GetGetter<T>(column);
}
