namespace RulesEngine.Host.Dashboard;

/// <summary>One line of an issue's timeline: a status change or one action run.</summary>
/// <param name="At">UTC; null for a change whose time the store does not keep.</param>
/// <param name="What">What happened, in words: "Opened", "remind the user (by profile pic missing)".</param>
/// <param name="Outcome">For an action run, its outcome; the badge beside it.</param>
/// <param name="Note">A line under it: a resolution, a duration.</param>
/// <param name="Details">Pretty-printed JSON: what an action returned, or its error.</param>
internal sealed record TimelineEntry(DateTimeOffset? At, string What, string? Outcome = null, string? Note = null, string? Details = null);
