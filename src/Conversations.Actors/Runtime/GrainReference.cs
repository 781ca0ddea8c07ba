using System.Reflection;

namespace Conversations.Actors;

/// <summary>A reference to a grain: the proxy behind every grain interface handed out by
/// <see cref="IGrainFactory"/>. It caches the activation it last reached, so a call is a lookup of the
/// method descriptor and an enqueue.</summary>
public class GrainReference : DispatchProxy
{
    private GrainInterfaceInfo _interface = null!;

    /// <summary>The grain this reference points to.</summary>
    public GrainId GrainId { get; private set; }

    internal SiloRuntime Runtime { get; private set; } = null!;

    internal GrainClassInfo ClassInfo { get; private set; } = null!;

    /// <summary>The activation last reached; the transport replaces it once it is invalid.</summary>
    internal ActivationData? CachedActivation { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"GrainReference({GrainId}, {_interface.InterfaceType.Name})";

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    /// <inheritdoc/>
    public override int GetHashCode() => GrainId.GetHashCode();

    internal static TGrainInterface Create<TGrainInterface>(SiloRuntime runtime, GrainId grainId, GrainClassInfo classInfo)
    {
        var proxy = Create<TGrainInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference.Runtime = runtime;
        reference.GrainId = grainId;
        reference.ClassInfo = classInfo;
        reference._interface = GrainInterfaceInfo.For(typeof(TGrainInterface));
        return proxy;
    }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _interface.GetMethod(targetMethod!).Call(this, args ?? []);
}
