using System.Security.Cryptography;
using System.Text;

namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>PostgreSQL advisory locks take a 64-bit key; this derives a stable one from a readable name.</summary>
public static class AdvisoryLockKeys
{
    public static long For(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("MailFromConsole:" + name)), 0);
}
