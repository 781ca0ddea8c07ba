namespace Conversations.Server.Connectors;

/// <summary>The problem details connector routes answer besides validation.</summary>
public static class ConnectorProblems
{
    public static IResult UnknownChannel(string channelId) => Results.Problem(
        $"Channel '{channelId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "channel_unknown");

    public static IResult UnknownMessage(string messageId) => Results.Problem(
        $"No message '{messageId}' was sent on this channel.", statusCode: StatusCodes.Status404NotFound, title: "not_found");

    public static IResult TooLarge(int limit) => Results.Problem(
        $"The body is larger than {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    public static IResult BadSignature() => Results.Problem(
        $"The {ChannelSignature.HeaderName} header is missing, does not sign this body with the channel's secret, or is older or newer than {ChannelSignature.Tolerance.TotalSeconds} s.",
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unauthorized");
}
