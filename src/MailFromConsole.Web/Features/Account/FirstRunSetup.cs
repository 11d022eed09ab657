using System.Security.Cryptography;
using System.Text;

namespace MailFromConsole.Web.Features.Account;

/// <summary>
/// The one-time setup token of a console that has no users yet: printed once as a link, accepted until the first
/// administrator is created. Only its hash is kept.
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock _gate = new();
    private byte[]? _tokenHash;

    public bool IsPending
    {
        get { lock (_gate) { return _tokenHash is not null; } }
    }

    /// <summary>Makes a new random token (the previous one stops working) and returns it for the link.</summary>
    public string Begin()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        }
        return token;
    }

    public bool Accepts(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 256)
        {
            return false;
        }
        var candidate = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        lock (_gate)
        {
            return _tokenHash is not null && CryptographicOperations.FixedTimeEquals(candidate, _tokenHash);
        }
    }

    /// <summary>The token is used up: the first administrator exists.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _tokenHash = null;
        }
    }
}
