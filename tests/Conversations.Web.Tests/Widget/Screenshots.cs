using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Conversations.Web.Tests.Widget;

/// <summary>Saves a screenshot per state and viewport under the fixture's screenshot folder.</summary>
public sealed class Screenshots(string directory, string viewport, ITestOutputHelper output)
{
    public async Task TakeAsync(IPage page, string state)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(directory, $"{state}-{viewport}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot: {path}");
    }
}
