using Conversations.Contracts;
using Conversations.Grains.Hosting;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Hosting;

public sealed class GrainFactoryExtensionsTests
{
    [Fact]
    public async Task GetGrainByKey_ResolvedThenKept_SameReferencesAsGetGrain()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 2);
        var grains = h.Silo.Grains;

        // The first call of each interface may resolve its types, the later ones use the kept pair.
        foreach (var key in new[] { "a1", "a2", "a1" })
        {
            AssertSameReference(grains.GetGrain<IAgentGrain>(key), grains.GetGrainByKey<IAgentGrain>(key));
            AssertSameReference(grains.GetGrain<IConversationGrain>(key), grains.GetGrainByKey<IConversationGrain>(key));
        }

        Assert.Equal("a2", (await grains.GetGrainByKey<IAgentGrain>("a2").GetAsync()).Profile.Id);
    }

    [Fact]
    public async Task GetGrainByKey_BlankKey_Refused()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);

        Assert.Throws<ArgumentException>(() => h.Silo.Grains.GetGrainByKey<IAgentGrain>(" "));
    }

    private static void AssertSameReference(IAddressable expected, IAddressable actual)
    {
        var want = (GrainReference)expected;
        var got = (GrainReference)actual;
        Assert.Equal(want.GrainId, got.GrainId);
        Assert.Equal(want.InterfaceType, got.InterfaceType);
        Assert.Equal(expected.GetType(), actual.GetType());
    }
}
