// Types for NameResolutionTests: a namespace that rule code names, and a type of the same name in the engine's
// namespace, which rule code must not see in its place.
namespace Shadowed.Names
{
    public static class Answer
    {
        public const int Value = 42;
    }
}

namespace RulesEngine
{
    public static class Shadowed
    {
    }
}
