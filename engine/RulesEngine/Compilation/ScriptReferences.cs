using Microsoft.CodeAnalysis;

namespace RulesEngine.Compilation;

/// <summary>
/// The assemblies rule C# may use: every assembly the host process trusts (the shared framework and the
/// application's own dependencies, the engine among them).
/// </summary>
/// <remarks>
/// Once a compilation has read them, the references hold the metadata of some 300 assemblies: a sidecar with 100
/// rules measured 338 MB resident while it held them and 187 MB after letting go. They are kept while compiles follow one another (an operator editing rules), and let go once
/// none has asked for them for <see cref="IdleRelease"/>, so an engine at rest does not carry the compiler's working
/// set. The next compile reads them again: 0.2 to 0.5 s more, measured in a process whose compiler code is already
/// jitted, against about 1.3 s for the first compile of a process.
/// </remarks>
internal sealed class ScriptReferences
{
    /// <summary>How long the references are kept after the last compile that used them.</summary>
    public static readonly TimeSpan IdleRelease = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly ITimer releaseTimer;

    // Guarded by gate. A compile keeps the list it was given, so letting go here never disturbs one in progress.
    private IReadOnlyList<MetadataReference>? references;

    public ScriptReferences(TimeProvider timeProvider) =>
        releaseTimer = timeProvider.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>The process's references, shared by every compiler.</summary>
    public static ScriptReferences Shared { get; } = new(TimeProvider.System);

    /// <summary>Whether the references are held now; false before the first compile and after a release.</summary>
    public bool IsHeld
    {
        get
        {
            lock (gate)
            {
                return references is not null;
            }
        }
    }

    /// <summary>The references, read from disk when not held; keeps them for another <see cref="IdleRelease"/>.</summary>
    public IReadOnlyList<MetadataReference> Acquire()
    {
        lock (gate)
        {
            references ??= Load();
            releaseTimer.Change(IdleRelease, Timeout.InfiniteTimeSpan);
            return references;
        }
    }

    private void Release()
    {
        lock (gate)
        {
            if (references is null)
            {
                return;
            }

            references = null;
        }

        // The metadata is large and long-lived, so it sits in the oldest generation: only a full, compacting
        // collection frees it, and the aggressive mode also hands the freed memory back to the system.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static List<MetadataReference> Load()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

        var paths = trusted.Append(typeof(ScriptReferences).Assembly.Location)
            .Where(path => path.Length > 0 && File.Exists(path))
            .Distinct(StringComparer.Ordinal);

        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }
}
