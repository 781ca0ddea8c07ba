using System.Security.Cryptography;
using System.Text;
using Conversations.Server.Connectors;

namespace Conversations.Server.Tests.Connectors;

public sealed class ChannelSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"a\":1}");

    [Fact]
    public void Sign_KnownInput_MatchesHmacOfTimestampDotBody()
    {
        var header = ChannelSignature.Sign("secret", Body, Now);

        // HMAC-SHA256("secret", "1700000000.{"a":1}"), computed independently.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("secret"), Encoding.UTF8.GetBytes("1700000000.{\"a\":1}")));
        Assert.Equal($"t=1700000000,v1={expected}", header);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void Verify_Skew_AcceptedWithin300Seconds(int skewSeconds, bool accepted)
    {
        var header = ChannelSignature.Sign("secret", Body, Now.AddSeconds(skewSeconds));

        Assert.Equal(accepted, ChannelSignature.Verify("secret", header, Body, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=00")]
    [InlineData("t=abc,v1=00")]
    [InlineData("t=1700000000")]
    [InlineData("t=1700000000,v1=zz")]
    public void Verify_MalformedHeader_Refused(string? header) =>
        Assert.False(ChannelSignature.Verify("secret", header, Body, Now));

    [Fact]
    public void Verify_SeveralV1_AcceptsWhenAnyMatches()
    {
        var signed = ChannelSignature.Sign("secret", Body, Now);
        var header = signed.Replace("v1=", $"v1={new string('0', 64)},v1=", StringComparison.Ordinal);

        Assert.True(ChannelSignature.Verify("secret", header, Body, Now));
    }
}
