namespace Conversations.Bots.Demo;

/// <summary>The demo assistant of the seeded workspace and its botmaster tests, shipped as embedded YAML.</summary>
public static class DemoAssistant
{
    public static string Yaml => Read("demo-assistant.yaml");

    public static string TestsYaml => Read("demo-assistant.tests.yaml");

    private static string Read(string name)
    {
        using var stream = typeof(DemoAssistant).Assembly.GetManifestResourceStream($"Conversations.Bots.Demo.{name}")
            ?? throw new InvalidOperationException($"The resource {name} is missing from Conversations.Bots.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
