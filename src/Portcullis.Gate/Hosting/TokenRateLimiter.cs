using System.Collections.Concurrent;

namespace Portcullis.Gate.Hosting;

/// <summary>
/// A token bucket per access token: <c>burst</c> requests at once, refilled at <c>ratePerSecond</c>.
/// A request over the limit is answered 429 with the seconds to wait.
/// </summary>
public sealed class TokenRateLimiter(double ratePerSecond, int burst, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <returns>Zero when the request may proceed, otherwise how long until it could.</returns>
    public TimeSpan TryAcquire(string tokenId)
    {
        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(tokenId, _ => new Bucket(burst, now));
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Updated, now).TotalSeconds;
            bucket.Available = Math.Min(burst, bucket.Available + (elapsed * ratePerSecond));
            bucket.Updated = now;
            if (bucket.Available >= 1)
            {
                bucket.Available -= 1;
                return TimeSpan.Zero;
            }
            return TimeSpan.FromSeconds((1 - bucket.Available) / ratePerSecond);
        }
    }

    private sealed class Bucket(double available, long updated)
    {
        public double Available { get; set; } = available;

        public long Updated { get; set; } = updated;
    }
}
