using System.Runtime.CompilerServices;
using Conversations.Server.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Errors;

public sealed class DomainExceptionHandlerTests
{
    public static TheoryData<Exception> LeavingSilo => new()
    {
        new SiloUnavailableException("The target silo became unavailable."),

        // Orleans raises it ("Silo stopping") and keeps its constructors internal: only its type matters here.
        (OrleansMessageRejectionException)RuntimeHelpers.GetUninitializedObject(typeof(OrleansMessageRejectionException)),
    };

    [Theory]
    [MemberData(nameof(LeavingSilo))]
    public async Task TryHandleAsync_CallLostWithALeavingSilo_AnswersRetryLater(Exception exception)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();

        var handled = await new DomainExceptionHandler().TryHandleAsync(http, exception, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("1", http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task TryHandleAsync_AnyOtherFailure_LeftToTheServerError()
    {
        var http = new DefaultHttpContext();

        Assert.False(await new DomainExceptionHandler().TryHandleAsync(http, new InvalidOperationException("a bug"), CancellationToken.None));
    }
}
