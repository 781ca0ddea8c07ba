using System.Text.Json;
using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Runtime;

public sealed class CallSerializationTests
{
    [Fact]
    public async Task Call_ArgumentThatDoesNotSerialize_IsRefusedInTheTestSilo()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;

        await Assert.ThrowsAnyAsync<NotSupportedException>(() => silo.GetGrain<IFaultyGrain>("s").Accept(new Unserializable(() => { })));
    }

    [Fact]
    public async Task Call_MutableArgumentAndResult_AreCopiesNotShared()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;
        var grain = silo.GetGrain<IFaultyGrain>("copies");
        var bag = new Bag { Items = ["a"] };

        var returned = await grain.Keep(bag);
        bag.Items.Add("b");
        returned.Items.Add("c");

        Assert.NotSame(bag, returned);
        Assert.Equal(1, await grain.KeptCount());
        Assert.Equal(JsonSerializer.Serialize(new[] { "a", "c" }), JsonSerializer.Serialize(returned.Items));
    }
}
