namespace MailFromConsole.Web.Infrastructure.Hosting;

/// <summary>Present only when the console runs on the embedded local AWS: where its helper pages are (on the console).</summary>
/// <param name="OutsideDnsUrl">The page that edits the "outside" zones (the stand-in for another DNS provider).</param>
/// <param name="MailboxUrl">The local mailbox with verification links and sent messages.</param>
public sealed record LocalBackendInfo(Uri OutsideDnsUrl, Uri MailboxUrl);
