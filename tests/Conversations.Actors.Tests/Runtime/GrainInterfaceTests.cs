using Conversations.Actors.Tests.Grains;

namespace Conversations.Actors.Tests.Runtime;

public sealed class GrainInterfaceTests
{
    [Fact]
    public void For_MethodNotReturningATask_IsRefusedNamingTheMethod()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrainInterfaceInfo.For(typeof(IInvalidGrain)));

        Assert.Contains("IInvalidGrain.NotATask", error.Message, StringComparison.Ordinal);
    }
}
