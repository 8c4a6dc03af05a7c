using Microsoft.Extensions.Time.Testing;
using RulesEngine.Compilation;

namespace RulesEngine.Tests.Compilation;

public sealed class ScriptReferencesTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void The_references_are_let_go_once_no_compile_has_used_them_for_the_idle_time()
    {
        var references = new ScriptReferences(clock);
        Assert.False(references.IsHeld);

        var first = references.Acquire();
        Assert.Contains(first, reference => reference.Display?.EndsWith("RulesEngine.Core.dll", StringComparison.Ordinal) == true);
        clock.Advance(ScriptReferences.IdleRelease - TimeSpan.FromSeconds(1));
        Assert.True(references.IsHeld);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(references.IsHeld);
    }

    [Fact]
    public void Each_compile_keeps_the_references_for_another_idle_time_and_after_a_release_they_are_read_again()
    {
        var references = new ScriptReferences(clock);
        var first = references.Acquire();

        clock.Advance(ScriptReferences.IdleRelease / 2);
        Assert.Same(first, references.Acquire());
        clock.Advance(ScriptReferences.IdleRelease / 2);
        Assert.True(references.IsHeld);

        clock.Advance(ScriptReferences.IdleRelease / 2);
        Assert.False(references.IsHeld);
        var again = references.Acquire();
        Assert.NotSame(first, again);
        Assert.Equal(first.Select(reference => reference.Display), again.Select(reference => reference.Display));
    }
}
