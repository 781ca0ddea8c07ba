using System.Text.RegularExpressions;

namespace Conversations.Bots.Definition;

/// <summary>Checks what YAML parsing cannot: ids present and unique, every step, intent and article reference
/// resolvable, each step having the fields its type needs, regular expressions that compile.</summary>
public static class AssistantValidator
{
    /// <summary>Every problem as (field path, message); empty when the definition is usable.</summary>
    public static List<(string Field, string Message)> Validate(AssistantDefinition definition)
    {
        var problems = new List<(string Field, string Message)>();
        void Problem(string field, string message) => problems.Add((field, message));

        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            Problem("id", "an assistant needs an id");
        }

        if (definition.Languages.Count == 0)
        {
            Problem("languages", "list at least one language code, e.g. [fr, en]");
        }

        if (definition.DefaultLanguage is { } defaultLanguage && !definition.Languages.Contains(defaultLanguage))
        {
            Problem("defaultLanguage", $"'{defaultLanguage}' is not one of the languages");
        }

        if (definition.Threshold is { } threshold && threshold is < 0 or > 1)
        {
            Problem("threshold", "must be between 0 and 1");
        }

        var steps = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var id = definition.Steps[i].Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem($"steps[{i}].id", "a step needs an id");
            }
            else if (!steps.Add(id))
            {
                Problem($"steps[{i}].id", $"the step id '{id}' is used twice");
            }
        }

        var intents = definition.Intents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var articles = definition.Knowledge.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        void StepReference(string field, string? target)
        {
            if (target is not null && !steps.Contains(target))
            {
                Problem(field, $"there is no step '{target}'");
            }
        }

        StepReference("start", definition.Start);
        StepReference("resumeAt", definition.ResumeAt);
        StepReference("fallback.humanStep", definition.Fallback.HumanStep);
        if (definition.Fallback.Limit < 1)
        {
            Problem("fallback.limit", "must be at least 1");
        }

        for (var i = 0; i < definition.Steps.Count; i++)
        {
            ValidateStep(definition.Steps[i], $"steps[{i}]", Problem, StepReference, intents, articles);
        }

        var intentIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Intents.Count; i++)
        {
            var intent = definition.Intents[i];
            var path = $"intents[{i}]";
            if (string.IsNullOrWhiteSpace(intent.Id))
            {
                Problem($"{path}.id", "an intent needs an id");
            }
            else if (!intentIds.Add(intent.Id))
            {
                Problem($"{path}.id", $"the intent id '{intent.Id}' is used twice");
            }

            if (intent.Phrases.Values.Sum(p => p.Count) == 0)
            {
                Problem($"{path}.phrases", "an intent needs at least one training phrase");
            }

            foreach (var language in intent.Phrases.Keys.Where(l => !definition.Languages.Contains(l)))
            {
                Problem($"{path}.phrases.{language}", $"'{language}' is not one of the assistant's languages");
            }

            if (intent.Answer is null && intent.Goto is null && intent.Article is null)
            {
                Problem(path, "an intent needs an answer, an article or a goto");
            }

            StepReference($"{path}.goto", intent.Goto);
            if (intent.Article is { } article && !articles.Contains(article))
            {
                Problem($"{path}.article", $"there is no knowledge article '{article}'");
            }

            ValidateOptions(intent.QuickReplies, $"{path}.quickReplies", Problem, StepReference, intents);
        }

        for (var i = 0; i < definition.OnboardingRules.Count; i++)
        {
            ValidateCondition(definition.OnboardingRules[i].When, $"onboardingRules[{i}].when", Problem);
            if (definition.OnboardingRules[i].Priority is { } priority && RoutingPriority.Parse(priority) is null)
            {
                Problem($"onboardingRules[{i}].priority", $"'{priority}' is not low, normal, high, urgent or a whole number");
            }
        }

        for (var i = 0; i < definition.Knowledge.Count; i++)
        {
            var article = definition.Knowledge[i];
            if (string.IsNullOrWhiteSpace(article.Id))
            {
                Problem($"knowledge[{i}].id", "an article needs an id");
            }

            if (string.IsNullOrWhiteSpace(article.Title))
            {
                Problem($"knowledge[{i}].title", "an article needs a title");
            }

            if (string.IsNullOrWhiteSpace(article.Language))
            {
                Problem($"knowledge[{i}].language", "an article needs a language");
            }
        }

        return problems;
    }

    private static void ValidateStep(
        StepDefinition step,
        string path,
        Action<string, string> problem,
        Action<string, string?> stepReference,
        HashSet<string> intents,
        HashSet<string> articles)
    {
        if (!StepTypes.All.Contains(step.Type))
        {
            problem($"{path}.type", $"unknown step type '{step.Type}'; expected one of {string.Join(", ", StepTypes.All)}");
            return;
        }

        stepReference($"{path}.next", step.Next);
        switch (step.Type)
        {
            case StepTypes.Message when step.Text is null && step.Image is null:
                problem($"{path}.text", "a message step needs a text or an image");
                break;
            case StepTypes.Question:
                Require(step.Text, $"{path}.text", "a question step needs a text", problem);
                Require(step.Variable, $"{path}.variable", "a question step needs the variable its answer goes into", problem);
                if (step.Choices.Count == 0)
                {
                    problem($"{path}.choices", "a question step needs choices");
                }

                ValidateOptions(step.Choices, $"{path}.choices", problem, stepReference, intents);
                break;
            case StepTypes.Input:
                Require(step.Text, $"{path}.text", "an input step needs a text", problem);
                Require(step.Variable, $"{path}.variable", "an input step needs the variable its answer goes into", problem);
                if (step.Validate is { } validate && !InputValidation.All.Contains(validate))
                {
                    problem($"{path}.validate", $"unknown validation '{validate}'; expected one of {string.Join(", ", InputValidation.All)}");
                }

                break;
            case StepTypes.Branch:
                if (step.Cases.Count == 0 && step.Else is null)
                {
                    problem($"{path}.cases", "a branch step needs cases or an else");
                }

                for (var i = 0; i < step.Cases.Count; i++)
                {
                    ValidateCondition(step.Cases[i], $"{path}.cases[{i}]", problem);
                    if (step.Cases[i].Goto is null)
                    {
                        problem($"{path}.cases[{i}].goto", "a case needs the step to go to");
                    }

                    stepReference($"{path}.cases[{i}].goto", step.Cases[i].Goto);
                }

                stepReference($"{path}.else", step.Else);
                break;
            case StepTypes.Set:
                Require(step.Variable, $"{path}.variable", "a set step needs a variable", problem);
                break;
            case StepTypes.Tag:
                Require(step.Tag, $"{path}.tag", "a tag step needs a tag", problem);
                break;
            case StepTypes.Note:
                Require(step.Text, $"{path}.text", "a note step needs a text", problem);
                break;
            case StepTypes.Article:
                if (step.Article is null)
                {
                    problem($"{path}.article", "an article step needs an article id");
                }
                else if (!articles.Contains(step.Article))
                {
                    problem($"{path}.article", $"there is no knowledge article '{step.Article}'");
                }

                break;
        }

        ValidateOptions(step.QuickReplies, $"{path}.quickReplies", problem, stepReference, intents);
    }

    private static void ValidateOptions(List<OptionDefinition> options, string path, Action<string, string> problem, Action<string, string?> stepReference, HashSet<string> intents)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (string.IsNullOrWhiteSpace(option.Id))
            {
                problem($"{path}[{i}].id", "an option needs an id");
            }
            else if (!ids.Add(option.Id))
            {
                problem($"{path}[{i}].id", $"the option id '{option.Id}' is used twice");
            }

            if (option.Label is null)
            {
                problem($"{path}[{i}].label", "an option needs a label");
            }

            stepReference($"{path}[{i}].goto", option.Goto);
            if (option.Intent is { } intent && !intents.Contains(intent))
            {
                problem($"{path}[{i}].intent", $"there is no intent '{intent}'");
            }
        }
    }

    private static void ValidateCondition(VariableCondition condition, string path, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(condition.Variable))
        {
            problem($"{path}.variable", "a condition needs a variable");
        }

        if (condition.EqualTo is null && condition.Contains is null && condition.Exists is null && condition.Matches is null)
        {
            problem(path, "a condition needs equals, contains, exists or matches");
        }

        if (condition.Matches is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException e)
            {
                problem($"{path}.matches", $"not a valid regular expression: {e.Message}");
            }
        }
    }

    private static void Require(object? value, string field, string message, Action<string, string> problem)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            problem(field, message);
        }
    }
}
