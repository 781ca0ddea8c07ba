using System.CommandLine;
using System.Globalization;
using System.Text.Json;

using Conversations.Bots.Nlu;
using Conversations.Bots.Runtime;
using Conversations.Bots.Testing;
using Conversations.Bots.Yaml;

namespace Conversations.Cli;

/// <summary><c>bot validate</c>, <c>bot test</c> and <c>bot evaluate</c>: what a botmaster runs in their own CI.
/// Exit code 0 when everything passes, 1 on a failed check, 2 on a file that cannot be read.</summary>
public static class BotCommands
{
    public static Command Create(TextWriter output)
    {
        var bot = new Command("bot", "Validate, test and evaluate assistant YAML files.");
        var definition = new Argument<FileInfo>("definition") { Description = "The assistant YAML file." };
        var tests = new Argument<FileInfo>("tests") { Description = "The botmaster test YAML file (dialogues)." };
        var evaluation = new Argument<FileInfo>("evaluation") { Description = "An evaluation set: intents → questions, outOfScope → questions." };

        var validate = new Command("validate", "Check an assistant file: syntax, references, fields each step needs.") { definition };
        validate.SetAction(result => Validate(result.GetValue(definition)!, output));

        var test = new Command("test", "Run botmaster dialogues against an assistant; one PASS/FAIL line per dialogue.") { definition, tests };
        test.SetAction(result => Test(result.GetValue(definition)!, result.GetValue(tests)!, output));

        var evaluate = new Command("evaluate", "Measure intent matching on an evaluation set (accuracy, out-of-scope rejection).") { definition, evaluation };
        evaluate.SetAction(result => Evaluate(result.GetValue(definition)!, result.GetValue(evaluation)!, output));

        bot.Subcommands.Add(validate);
        bot.Subcommands.Add(test);
        bot.Subcommands.Add(evaluate);
        return bot;
    }

    public static int Validate(FileInfo file, TextWriter output)
    {
        if (Load(file, output) is not { } assistant)
        {
            return 2;
        }

        var definition = assistant.Definition;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"OK {file.Name}: {definition.Steps.Count} steps, {definition.Intents.Count} intents, {definition.Knowledge.Count} articles, languages {string.Join(", ", definition.Languages)}"));
        return 0;
    }

    public static int Test(FileInfo definitionFile, FileInfo testsFile, TextWriter output)
    {
        if (Load(definitionFile, output) is not { } assistant)
        {
            return 2;
        }

        BotTestFile tests;
        try
        {
            tests = BotTestYaml.Load(File.ReadAllText(testsFile.FullName));
        }
        catch (Exception e) when (e is AssistantYamlException or IOException)
        {
            output.WriteLine($"{testsFile.Name}: {e.Message}");
            return 2;
        }

        var results = BotTestRunner.Run(assistant, tests);
        foreach (var result in results)
        {
            output.WriteLine(result.Passed ? $"PASS {result.Name}" : $"FAIL {result.Name}");
            foreach (var failure in result.Failures)
            {
                output.WriteLine($"     {failure}");
            }
        }

        var failed = results.Count(r => !r.Passed);
        output.WriteLine($"{results.Count - failed} passed, {failed} failed, {results.Count} dialogues");
        return failed == 0 ? 0 : 1;
    }

    public static int Evaluate(FileInfo definitionFile, FileInfo evaluationFile, TextWriter output)
    {
        if (Load(definitionFile, output) is not { } assistant)
        {
            return 2;
        }

        var set = EvaluationYaml.Load(File.ReadAllText(evaluationFile.FullName));
        var report = IntentEvaluator.Evaluate(assistant.Matcher, set);
        foreach (var failure in report.Failures)
        {
            output.WriteLine(failure);
        }

        output.WriteLine(JsonSerializer.Serialize(new
        {
            accuracy = Math.Round(report.Accuracy, 3),
            outOfScopeRejection = Math.Round(report.OutOfScopeRejection, 3),
            intents = report.Intents,
            samples = report.Samples,
            microsPerMessage = Math.Round(report.MicrosPerMessage, 1),
        }));
        return 0;
    }

    private static CompiledAssistant? Load(FileInfo file, TextWriter output)
    {
        try
        {
            return CompiledAssistant.FromYaml(File.ReadAllText(file.FullName));
        }
        catch (AssistantYamlException e)
        {
            foreach (var error in e.Errors)
            {
                output.WriteLine($"{file.Name}: {error}");
            }

            return null;
        }
        catch (IOException e)
        {
            output.WriteLine($"{file.Name}: {e.Message}");
            return null;
        }
    }
}
