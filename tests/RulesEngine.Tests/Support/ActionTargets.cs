namespace RulesEngine.Tests.Support;

/// <summary>
/// Real things for actions of every kind to act on: an HTTP server for webhooks, an SMTP server (and one that never
/// answers) for email, and real programs for shell. Writes an action of a kind that succeeds, fails or hangs, as a
/// YAML flow mapping to put in a rule file.
/// </summary>
public sealed class ActionTargets : IAsyncDisposable
{
    public static readonly TheoryData<string> Kinds = new() { "shell", "webhook", "email" };

    private ActionTargets(HttpTarget http) => Http = http;

    public HttpTarget Http { get; }

    public SmtpTarget Smtp { get; } = new();

    public SilentServer Silent { get; } = new();

    public static async Task<ActionTargets> StartAsync() => new(await HttpTarget.StartAsync());

    /// <summary>The action's kind key and settings, such as <c>shell: { program: /bin/echo }</c>.</summary>
    public string Action(string kind, TargetBehaviour behaviour) => (kind, behaviour) switch
    {
        ("shell", TargetBehaviour.Succeed) => """shell: { program: /bin/echo, args: ["acted on {{ issue.name }}"] }""",
        ("shell", TargetBehaviour.Fail) => """shell: { program: /bin/sh, args: ["-c", "echo broken >&2; exit 3"] }""",
        ("shell", _) => """shell: { program: /bin/sleep, args: ["30"] }""",
        ("webhook", TargetBehaviour.Succeed) => $$"""webhook: { url: "{{Http.BaseUrl}}/ok" }""",
        ("webhook", TargetBehaviour.Fail) => $$"""webhook: { url: "{{Http.BaseUrl}}/fail" }""",
        ("webhook", _) => $$"""webhook: { url: "{{Http.BaseUrl}}/slow" }""",
        ("email", TargetBehaviour.Succeed) => Email(Smtp.Port),
        ("email", TargetBehaviour.Fail) => Email(SilentServer.ClosedPort()),
        ("email", _) => Email(Silent.Port),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such action kind"),
    };

    /// <summary>How many times a succeeding action of the kind reached its target (shell leaves no trace outside).</summary>
    public int Deliveries(string kind) => kind switch
    {
        "webhook" => Http.Requests.Count(request => request.Path == "/ok"),
        "email" => Smtp.Received.Count,
        _ => -1,
    };

    public async ValueTask DisposeAsync()
    {
        await Http.DisposeAsync();
        Smtp.Dispose();
        Silent.Dispose();
    }

    private static string Email(int port) =>
        $$$"""email: { host: 127.0.0.1, port: {{{port}}}, tls: none, from: rules@example.com, to: ops@example.com, subject: "{{ issue.name }}", text: "open since {{ issue.created_at }}" }""";
}
