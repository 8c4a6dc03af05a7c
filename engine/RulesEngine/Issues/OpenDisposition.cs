namespace RulesEngine.Issues;

/// <summary>What "maybe open" did.</summary>
public enum OpenDisposition
{
    /// <summary>No open or won't-fix issue had the key: a new open issue was created.</summary>
    Created,

    /// <summary>An open issue had the key: it was kept, with the new details and last-seen time.</summary>
    AlreadyOpen,

    /// <summary>An issue with the key is marked won't-fix: nothing was opened.</summary>
    WontFix,
}
