using System.Diagnostics;
using System.Reflection;
using LiteDB;

namespace RulesEngine.Issues;

/// <summary>
/// Damage met while the store is in use, in the middle of the file where the checks at open do not read. LiteDB reports
/// some of it as a <see cref="LiteException"/>, which passes unchanged (callers report it as damage); but bytes it does
/// not expect in a data page surface as whatever its reading code meets: a null where a value was, a BSON type byte it
/// has not (<see cref="NotSupportedException"/>), a cast or an index out of range. Those are turned into a
/// <see cref="StoreDamagedException"/> here, so that every caller reports them as the damage they are.
/// </summary>
public sealed partial class IssueStore
{
    private static readonly Assembly LiteDb = typeof(LiteDatabase).Assembly;

    private volatile StoreDamagedException? _damage;

    /// <summary>
    /// The first damage the store met while in use (a read that LiteDB failed on, other than with a
    /// <see cref="LiteException"/>), or null. It stays: a damaged file does not mend.
    /// </summary>
    public StoreDamagedException? DamageFound => _damage;

    /// <summary>Runs a read or a write of the store, turning a failure inside LiteDB's reading code into damage.</summary>
    private T Guarded<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            var damage = exception is UnreadableDocumentException unreadable
                ? new StoreDamagedException(Path, unreadable.Message, unreadable.InnerException)
                : StoreDamagedException.FoundInUse(Path, exception);
            _damage ??= damage;
            throw damage;
        }
    }

    private void Guarded(Action call) => Guarded(() =>
    {
        call();
        return true;
    });

    /// <summary>
    /// Whether the exception is LiteDB failing on bytes it read, or a document read back without the fields the store
    /// writes: thrown from LiteDB's own code (the innermost frames outside .NET's libraries are LiteDB's) or from
    /// mapping a document. A <see cref="LiteException"/> is left to the callers, who report it already; what is about
    /// reaching the file (permissions, a full disk) is not damage.
    /// </summary>
    private static bool IsDamage(Exception exception) => exception switch
    {
        UnreadableDocumentException => true,
        LiteException or StoreDamagedException or OutOfMemoryException or OperationCanceledException => false,
        ObjectDisposedException or UnauthorizedAccessException => false,
        IOException => exception is EndOfStreamException,
        _ => ThrownByLiteDb(exception),
    };

    private static bool ThrownByLiteDb(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (assembly is null || IsDotNetLibrary(assembly))
            {
                continue;
            }

            return assembly == LiteDb;
        }

        return false;
    }

    private static bool IsDotNetLibrary(Assembly assembly) =>
        assembly.GetName().Name is { } name && (name == "System.Private.CoreLib" || name.StartsWith("System.", StringComparison.Ordinal));
}
