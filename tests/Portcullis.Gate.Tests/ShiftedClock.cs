namespace Portcullis.Gate.Tests;

/// <summary>The system clock moved forward by <see cref="Shift"/>: timers stay real, expiry can be reached.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
