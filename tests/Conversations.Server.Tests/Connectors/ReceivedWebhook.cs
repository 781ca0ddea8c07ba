using System.Text.Json;

namespace Conversations.Server.Tests.Connectors;

/// <summary>One call the test webhook received, and the status it answered.</summary>
public sealed record ReceivedWebhook(byte[] Body, string Signature, int AnsweredStatus)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string DeliveryId => Json.GetProperty("deliveryId").GetString()!;
}
