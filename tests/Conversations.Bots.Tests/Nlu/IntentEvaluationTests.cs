using Conversations.Bots.Nlu;
using Conversations.Bots.Tests.Support;
using Conversations.Bots.Yaml;

using Xunit.Abstractions;

namespace Conversations.Bots.Tests.Nlu;

/// <summary>Matching quality of the demo assistant on the held-out test split (never tuned on). The floors are
/// the figures measured when the matcher was last tuned, so a change that makes matching worse fails here.</summary>
public sealed class IntentEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_TestSplit_MeetsTheMeasuredFloors()
    {
        var set = EvaluationYaml.Load(File.ReadAllText(TestAssistants.EvaluationFile("demo-eval-test.yaml")));

        var report = IntentEvaluator.Evaluate(TestAssistants.Demo.Matcher, set, timingRounds: 1);
        foreach (var failure in report.Failures)
        {
            output.WriteLine(failure);
        }

        output.WriteLine($"accuracy {report.Accuracy:F3}, out-of-scope rejection {report.OutOfScopeRejection:F3}, {report.Samples} samples");
        Assert.True(report.Samples >= 360, "at least 300 in-scope and 60 out-of-scope questions");
        Assert.True(report.Intents >= 20);
        Assert.True(report.Accuracy >= AccuracyFloor, $"accuracy {report.Accuracy:F3}");
        Assert.True(report.OutOfScopeRejection >= RejectionFloor, $"rejection {report.OutOfScopeRejection:F3}");
    }

    [Fact]
    public void Evaluate_Splits_ShareNoQuestionWithTrainingPhrases()
    {
        var training = TestAssistants.Demo.Definition.Intents
            .SelectMany(i => i.Phrases.Values.SelectMany(p => p))
            .Select(p => string.Join(' ', TextNormalizer.Tokenize(p)))
            .ToHashSet();

        foreach (var file in new[] { "demo-eval-test.yaml", "demo-eval-dev.yaml" })
        {
            var set = EvaluationYaml.Load(File.ReadAllText(TestAssistants.EvaluationFile(file)));
            var questions = set.Intents.Values.SelectMany(l => l.Values.SelectMany(q => q));
            var overlapping = questions.Where(q => training.Contains(string.Join(' ', TextNormalizer.Tokenize(q)))).ToList();
            Assert.True(overlapping.Count == 0, $"{file}: {string.Join(" | ", overlapping)}");
        }
    }

    private const double AccuracyFloor = 0.90;
    private const double RejectionFloor = 0.90;
}
