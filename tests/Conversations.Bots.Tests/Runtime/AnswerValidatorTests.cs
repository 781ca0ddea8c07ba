using Conversations.Bots.Definition;
using Conversations.Bots.Runtime;

namespace Conversations.Bots.Tests.Runtime;

public sealed class AnswerValidatorTests
{
    [Theory]
    [InlineData(InputValidation.Email, "a.b@example.com", "a.b@example.com")]
    [InlineData(InputValidation.Email, "a@b", null)]
    [InlineData(InputValidation.Email, "not an email", null)]
    [InlineData(InputValidation.Phone, "+33 6 12 34 56 78", "+33612345678")]
    [InlineData(InputValidation.Phone, "12", null)]
    [InlineData(InputValidation.Number, "n° 100234", "100234")]
    [InlineData(InputValidation.Number, "12,5", "12.5")]
    [InlineData(InputValidation.Number, "douze", null)]
    [InlineData(InputValidation.NotEmpty, "  ", null)]
    [InlineData(InputValidation.NotEmpty, " ok ", "ok")]
    public void Validate_Answer_ReturnsCleanValueOrNull(string validation, string answer, string? expected)
    {
        Assert.Equal(expected, AnswerValidator.Validate(validation, answer));
    }
}
