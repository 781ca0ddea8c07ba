using Conversations.Server.Uploads;

namespace Conversations.Server.Tests.Uploads;

public sealed class UploadNamesTests
{
    [Theory]
    [InlineData("invoice\u202Egnp.exe", "invoicegnp.png")]
    [InlineData("a\u2066b\u2067c\u2068d\u2069e.png", "abcde.png")]
    [InlineData("\u200Fx\u200E\u061Cy\u202A\u202B\u202C\u202D.png", "xy.png")]
    public void Sanitize_BidirectionalControls_Stripped(string fileName, string expected) =>
        Assert.Equal(expected, UploadNames.Sanitize(fileName, ".png"));

    [Fact]
    public void Sanitize_OtherScripts_Kept() =>
        Assert.Equal("صورة-写真.png", UploadNames.Sanitize("صورة-写真.jpg", ".png"));
}
