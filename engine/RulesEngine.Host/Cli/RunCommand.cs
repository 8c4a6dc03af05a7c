using System.CommandLine;
using RulesEngine.Host.Sidecar;

namespace RulesEngine.Host.Cli;

/// <summary><c>run</c>: the sidecar. Runs rules on their schedules, reloads changed files, serves the HTTP API.</summary>
internal static class RunCommand
{
    public static Command Build()
    {
        var rules = CommonOptions.NotBlank(new Option<string?>("--rules") { Description = "The folder of rule files. Default: rules" },
            "the folder that holds the rule files");
        var store = CommonOptions.NotBlank(new Option<string?>("--store") { Description = "The LiteDB file holding issues. Default: data/issues.db" },
            "the path of the issue store's file");
        var urls = CommonOptions.NotBlank(new Option<string?>("--urls") { Description = "Where the API listens, ';'-separated. Default: http://127.0.0.1:8080" },
            "one or more addresses to listen on, such as http://127.0.0.1:8080");
        var token = new Option<string?>("--token") { Description = "The token state-changing API requests must carry (Authorization: Bearer ...)." };
        var logFormat = new Option<string?>("--log-format") { Description = "text (default) or json (one JSON object per line)." };
        var config = new Option<string?>("--config") { Description = $"A JSON settings file. Default: {SidecarConfiguration.DefaultFile} when present." };
        var command = new Command("run", "Run the engine as a long-lived process: schedules, hot reload, HTTP API, health and metrics.")
        {
            rules, store, urls, token, logFormat, config,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var flags = new Dictionary<string, string?>
            {
                ["Rules"] = parseResult.GetValue(rules),
                ["Store"] = parseResult.GetValue(store),
                ["Urls"] = parseResult.GetValue(urls),
                ["Token"] = parseResult.GetValue(token),
                ["LogFormat"] = parseResult.GetValue(logFormat),
            };

            try
            {
                var (configuration, fileKeys) = SidecarConfiguration.Build(parseResult.GetValue(config), flags);
                var (settings, errors) = SidecarSettings.Read(configuration, fileKeys);
                if (settings is null)
                {
                    foreach (var error in errors)
                    {
                        Console.Error.WriteLine($"error: {error}");
                    }

                    return ExitCodes.Error;
                }

                return await SidecarHost.RunAsync(settings, cancellationToken);
            }
            catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or FormatException)
            {
                Console.Error.WriteLine($"error: the settings could not be read: {exception.Message}");
                return ExitCodes.Error;
            }
        });

        return command;
    }
}
