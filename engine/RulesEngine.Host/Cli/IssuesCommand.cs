using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;
using RulesEngine.Issues;

namespace RulesEngine.Host.Cli;

/// <summary><c>issues</c>: list, show, open, resolve, mark won't-fix and reopen issues from a shell.</summary>
internal static class IssuesCommand
{
    public static Command Build() => new("issues", "Read and change issues in the store.")
    {
        List(),
        Show(),
        Open(),
        Change("resolve", "Resolve an open issue (a won't-fix issue is refused: reopen it first).", (store, id) => store.Resolve(id, "resolved from the command line")),
        Change("wontfix", "Mark an issue won't-fix: checks will neither reopen nor resolve it.", (store, id) => store.MarkWontFix(id)),
        Change("reopen", "Move an issue back to open.", (store, id) => store.Reopen(id)),
    };

    private static Command List()
    {
        var status = new Option<IssueStatus?>("--status")
        {
            Description = "Only issues with this status: Open, Resolved or WontFix.",
            CustomParser = ParseStatus,
        };
        var name = new Option<string?>("--name") { Description = "Only issues whose name starts with this text." };
        var record = new Option<string?>("--record") { Description = "Only issues about the record with this key." };
        var limit = new Option<int>("--limit")
        {
            Description = "At most this many, newest first.",
            DefaultValueFactory = _ => 50,
            CustomParser = WholeNumberParser.Between("--limit", 0, int.MaxValue, "how many issues to list"),
        };
        var command = WithStore(new Command("list", "List issues, newest first.") { status, name, record, limit });

        command.SetAction(parseResult => WithIssueStore(parseResult, OpenExisting, (store, output) =>
        {
            var query = new IssueQuery
            {
                Status = parseResult.GetValue(status),
                NamePrefix = parseResult.GetValue(name),
                RecordKey = parseResult.GetValue(record),
                Limit = parseResult.GetValue(limit),
            };
            var issues = store.Find(query);
            output.Write(issues, found => IssuePrinter.PrintList(found));
            TellWhenCut(store, query, issues.Count);
            return ExitCodes.Success;
        }));

        return command;
    }

    /// <summary>
    /// Says on stderr, never in the JSON on stdout, when the list stopped at its limit with more issues matching: a
    /// list silently cut at 50 reads as "there are 50".
    /// </summary>
    private static void TellWhenCut(IssueStore store, IssueQuery query, int shown)
    {
        if (shown < query.Limit)
        {
            return;
        }

        var matching = store.Count(query);
        if (matching > shown)
        {
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0:N0} of {1:N0} issues shown, newest first; --limit {1} shows them all.", shown, matching));
        }
    }

    private static Command Show()
    {
        var id = IdArgument();
        var command = WithStore(new Command("show", "Show one issue with its details and action history.") { id });
        command.SetAction(parseResult => WithIssueStore(parseResult, OpenExisting, (store, output) =>
            Report(store.Get(parseResult.GetValue(id)), parseResult.GetValue(id), output)));
        return command;
    }

    private static Command Open()
    {
        var name = new Argument<string>("name") { Description = "The issue's name; responders match their patterns against it." };
        var details = new Option<string?>("--details") { Description = "Details as a JSON value, e.g. '{\"queue\": \"billing\"}'." };
        var record = new Option<string?>("--record") { Description = "The key of the record the issue is about." };
        var command = WithStore(new Command("open", "Open an issue unless one with the name (and record) is open or won't-fix.") { name, details, record }, existing: false);

        command.SetAction(parseResult => WithIssueStore(parseResult, OpenOrCreate, (store, output) =>
        {
            JsonNode? parsed;
            try
            {
                parsed = parseResult.GetValue(details) is { } text ? ParseDetails(text) : null;
            }
            catch (JsonException exception)
            {
                output.Error($"--details is not valid JSON: {JsonInput.Describe(exception)}");
                return ExitCodes.Error;
            }
            catch (FormatException exception)
            {
                output.Error(exception.Message);
                return ExitCodes.Error;
            }

            var key = new IssueKey(parseResult.GetValue(name)!, parseResult.GetValue(record));
            var result = store.MaybeOpen(key, parsed, key.RecordKey is null ? null : "command line");
            output.Write(result, opened =>
                Console.WriteLine($"{opened.Disposition}: issue {opened.Issue.Id} '{opened.Issue.Name}' is {opened.Issue.Status}"));
            return ExitCodes.Success;
        }));

        return command;
    }

    /// <exception cref="FormatException">A property appears twice in one object of the details, or a string is not
    /// text.</exception>
    private static JsonNode? ParseDetails(string text)
    {
        if (JsonInput.NestsDeeperThan(Encoding.UTF8.GetBytes(text), IssueStore.MaxDetailsDepth))
        {
            throw new FormatException(InvalidDetailsException.TooDeepMessage);
        }

        using (var document = JsonDocument.Parse(text))
        {
            if (JsonInput.Problem(document.RootElement, "--details") is { } problem)
            {
                throw new FormatException(problem);
            }
        }

        return JsonNode.Parse(text);
    }

    private static Command Change(string verb, string description, Func<IssueStore, long, Issue?> change)
    {
        var id = IdArgument();
        var command = WithStore(new Command(verb, description) { id });
        command.SetAction(parseResult => WithIssueStore(parseResult, OpenExisting, (store, output) =>
            Report(change(store, parseResult.GetValue(id)), parseResult.GetValue(id), output)));
        return command;
    }

    // System.CommandLine's own message names the CLR type, and Enum.TryParse alone takes "7" for a status.
    private static IssueStatus? ParseStatus(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (Enum.GetNames<IssueStatus>().FirstOrDefault(name => name.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<IssueStatus>(name);
        }

        result.AddError($"--status must be Open, Resolved or WontFix; found '{text}'.");
        return null;
    }

    private static Argument<long> IdArgument() => new("id")
    {
        Description = "The issue's id.",
        CustomParser = WholeNumberParser.Between("ID", 1L, long.MaxValue, "the issue's id, as issues list shows it"),
    };

    private static int Report(Issue? issue, long id, Output output)
    {
        if (issue is null)
        {
            output.Error($"There is no issue {id}.");
            return ExitCodes.Error;
        }

        output.Write(issue, IssuePrinter.PrintOne);
        return ExitCodes.Success;
    }

    private static Command WithStore(Command command, bool existing = true)
    {
        command.Options.Add(CommonOptions.Store(existing));
        command.Options.Add(CommonOptions.Json());
        return command;
    }

    private static IssueStore OpenExisting(string path) => IssueStore.OpenExisting(path);

    private static IssueStore OpenOrCreate(string path) => IssueStore.Open(path);

    /// <param name="open">How the store is opened: <see cref="OpenExisting"/> for the commands that read or
    /// change issues already recorded, so a mistyped --store is an error rather than a new, empty store.</param>
    private static int WithIssueStore(ParseResult parseResult, Func<string, IssueStore> open, Func<IssueStore, Output, int> run)
    {
        var output = new Output(parseResult.GetValue<bool>("--json"));
        var path = parseResult.GetValue<string>("--store")!;
        try
        {
            using var store = open(path);
            return RunOn(store, output, run);
        }
        catch (IOException exception)
        {
            output.Error(exception.Message);
            return ExitCodes.Error;
        }
        catch (ArgumentException exception)
        {
            output.Error(exception.Message);
            return ExitCodes.Error;
        }
        catch (IssueChangeRefusedException exception)
        {
            output.Error(exception.Message);
            return ExitCodes.Error;
        }
    }

    /// <summary>Runs a command on an open store; damage LiteDB meets on the way is reported as a damaged store.</summary>
    private static int RunOn(IssueStore store, Output output, Func<IssueStore, Output, int> run)
    {
        try
        {
            return run(store, output);
        }
        catch (LiteException exception)
        {
            throw StoreDamagedException.FoundInUse(store.Path, exception);
        }
    }
}
