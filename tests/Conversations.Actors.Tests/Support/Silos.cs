using Conversations.Actors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Actors.Tests.Support;

/// <summary>Starts a test silo with this assembly's grains and a fresh <see cref="Probe"/>.</summary>
public static class Silos
{
    public static async Task<(TestSilo Silo, Probe Probe)> StartAsync(Action<SiloOptions>? options = null)
    {
        var probe = new Probe();
        var silo = await TestSilo.StartAsync(b =>
        {
            b.AddGrains<Probe>().ConfigureServices(s => s.AddSingleton(probe));
            if (options is not null)
            {
                b.Configure(options);
            }
        });
        return (silo, probe);
    }

    /// <summary>A window in which queued work would run if it could: negative checks ("b has not run
    /// while a holds the turn") look after it. A broken guarantee shows up well within it.</summary>
    public static Task SettleAsync() => Task.Delay(100);

    /// <summary>Fails instead of hanging when a call never completes.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(10));

    public static Task Within(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(10));
}
