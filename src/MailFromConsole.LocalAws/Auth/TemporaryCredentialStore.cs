using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MailFromConsole.LocalAws.Auth;

/// <summary>
/// The temporary credentials STS handed out, in memory: a restart of the local AWS also restarts the console
/// that embeds it, whose SDK then assumes its role again. Expired keys are kept a while so they are refused as
/// expired (ExpiredToken) rather than as unknown.
/// </summary>
internal sealed class TemporaryCredentialStore(TimeProvider time)
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, AccessKey> _keys = new(StringComparer.Ordinal);

    /// <summary>New credentials for <paramref name="caller"/>: key ASIA…, secret, session token, expiry.</summary>
    public AccessKey Issue(Caller caller, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _keys.Values.Where(k => k.Expiration + KeptAfterExpiry < now))
        {
            _keys.TryRemove(stale.AccessKeyId, out _);
        }

        var key = new AccessKey(
            "ASIA" + RandomNumberGenerator.GetString(KeyAlphabet, 16),
            RandomNumberGenerator.GetString(SecretAlphabet, 40),
            caller,
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(120)),
            // AWS states expirations to the second.
            DateTimeOffset.FromUnixTimeSeconds((now + duration).ToUnixTimeSeconds()));
        _keys[key.AccessKeyId] = key;
        return key;
    }

    public AccessKey? Find(string accessKeyId) => _keys.GetValueOrDefault(accessKeyId);
}
