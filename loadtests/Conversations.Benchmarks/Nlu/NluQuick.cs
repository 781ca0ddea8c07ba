using System.Diagnostics;
using System.Globalization;

using Conversations.Bots.Nlu;
using Conversations.Bots.Runtime;
using Conversations.Bots.Demo;
using Conversations.Bots.Yaml;

namespace Conversations.Benchmarks.Nlu;

/// <summary><c>nlu --quick</c>: the demo assistant's matcher on the held-out test split of its evaluation set
/// (tests/Conversations.Bots.Tests/Evaluation/demo-eval-test.yaml, embedded here): top-1 accuracy on in-scope
/// questions, out-of-scope rejection, and single-threaded time per message after a warm-up.</summary>
public static class NluQuick
{
    public static int Run()
    {
        var build = Stopwatch.StartNew();
        var assistant = CompiledAssistant.FromYaml(DemoAssistant.Yaml);
        build.Stop();
        var set = EvaluationYaml.Load(ReadResource("demo-eval-test.yaml"));
        IntentEvaluator.Evaluate(assistant.Matcher, set, timingRounds: 20);
        var report = IntentEvaluator.Evaluate(assistant.Matcher, set, timingRounds: 50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"index built in {build.Elapsed.TotalMilliseconds:F0} ms; {report.Failures.Count} misses and false matches"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"scenario\":\"nlu\",\"accuracy\":{report.Accuracy:F3},\"outOfScopeRejection\":{report.OutOfScopeRejection:F3},\"intents\":{report.Intents},\"samples\":{report.Samples},\"microsPerMessage\":{report.MicrosPerMessage:F1}}}"));
        return 0;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(NluQuick).Assembly.GetManifestResourceStream($"Conversations.Benchmarks.Nlu.{name}")
            ?? throw new InvalidOperationException($"missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
