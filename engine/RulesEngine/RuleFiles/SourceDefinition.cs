namespace RulesEngine.RuleFiles;

/// <summary>Where a model assertion's records come from: the <c>source</c> map of the rule.</summary>
public abstract record SourceDefinition(SourceLocation Location)
{
    /// <summary>The source's kind as written in the rule file: <c>sqlite</c>, <c>postgres</c>, <c>http</c>...</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// True for sources that say nothing of their records' types (JSON, HTTP, LiteDB): the rule must declare
    /// <c>fields</c>. SQL sources can give them from the query's result columns; C# sources from their sequence.
    /// </summary>
    public virtual bool NeedsFields => false;

    /// <summary>The settings read from environment variables, checked when the rule loads.</summary>
    public virtual IEnumerable<SourceSetting> Settings => [];

    /// <summary>A description for issues and logs, without secrets (no connection string passwords).</summary>
    public abstract string Describe();

    // A record's generated ToString would print every member, connection strings with passwords among them.
    public sealed override string ToString() => Describe();
}
