using System.Net;
using System.Text.Json;

namespace Conversations.Server.Tests.Api;

/// <summary>Reads answers as JSON documents, so the tests check the wire names, not our records.</summary>
public static class ApiJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response, expected);
    }

    /// <summary>Asserts a 400 problem naming <paramref name="field"/> among its errors.</summary>
    public static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem does not name '{field}': {problem}");
    }
}
