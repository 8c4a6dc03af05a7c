using System.Runtime.CompilerServices;

namespace RulesEngine.Sources;

/// <summary>
/// Hands a value read with a typed getter back as the field's type T, which is the value's
/// own type or its nullable form. Without boxing: the callers test <c>typeof(T)</c>, which the JIT folds away for
/// each field type, so a field read costs what the getter costs.
/// </summary>
internal static class TypedValue
{
    /// <summary>Only for <typeparamref name="T"/> equal to <typeparamref name="TValue"/> or <c>TValue?</c>.</summary>
    public static T As<TValue, T>(TValue value) where TValue : struct
    {
        if (typeof(T) == typeof(TValue))
        {
            return Unsafe.As<TValue, T>(ref value);
        }

        TValue? nullable = value;
        return Unsafe.As<TValue?, T>(ref nullable);
    }

    public static bool Is<TValue, T>() where TValue : struct => typeof(T) == typeof(TValue) || typeof(T) == typeof(TValue?);
}
