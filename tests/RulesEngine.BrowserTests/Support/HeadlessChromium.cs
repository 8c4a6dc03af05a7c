using Microsoft.Playwright;

namespace RulesEngine.BrowserTests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright with a fresh profile. Playwright's own browser download does not
/// work here, so the system's browser is used; without it the tests fail, saying what to install.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowserContext context;
    private readonly string profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string profile, IPage page)
    {
        this.playwright = playwright;
        this.context = context;
        this.profile = profile;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Where screenshots go: <c>screenshots/</c> in the test output folder, kept after the run.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <param name="javaScript">False to check that reading and the forms work with scripts off.</param>
    /// <exception cref="InvalidOperationException">Chromium is not installed at <paramref name="executable"/>.</exception>
    public static async Task<HeadlessChromium> LaunchAsync(Uri baseAddress, bool javaScript = true, string executable = DefaultExecutable)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {executable}: the dashboard's browser tests drive it headless. Install Debian's " +
                "package with `apt-get install -y chromium` (.ci/run does so when it is missing).");
        }

        // Playwright wants the profile folder as an argument of a persistent context, not as --user-data-dir.
        var profile = Path.Combine(Path.GetTempPath(), "rules-engine-chromium", Guid.NewGuid().ToString("N"));
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
            JavaScriptEnabled = javaScript,
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new HeadlessChromium(playwright, context, profile, page);
    }

    /// <summary>Saves the whole page as <c>screenshots/NAME.png</c> for a person to look at.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        playwright.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of a file; the OS cleans temp folders.
        }
    }
}
