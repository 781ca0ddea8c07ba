using System.Text.Json;

namespace Conversations.Actors;

/// <summary>Settings of the silo (the process hosting activations).</summary>
public sealed class SiloOptions
{
    /// <summary>A call that waits longer than this fails with a <see cref="TimeoutException"/> naming the grain and method.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle this long is deactivated (per class: <see cref="CollectionAgeLimitAttribute"/>).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many queued work items one activation runs before it yields its thread to others.</summary>
    public int TurnBatchSize { get; set; } = 64;

    /// <summary>The shortest reminder period accepted.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the silo waits for activations to deactivate when it stops.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Copies every argument and result through System.Text.Json, as a transport between silos
    /// would. Off by default (in-memory calls pass records by reference); the test silo turns it on so
    /// grain tests prove that what crosses a call serializes, and that no caller shares mutable state.</summary>
    public bool CopyCallsThroughJson { get; set; }

    /// <summary>JSON options for grain state (add source-generated contexts to its resolver chain).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}
