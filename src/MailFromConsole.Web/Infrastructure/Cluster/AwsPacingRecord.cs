namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>
/// One AWS limit shared by the instances (<see cref="PostgresAwsPacing"/>): the theoretical time of the next request
/// under <see cref="Key"/>, in the database clock's Unix milliseconds, and which instance took the last turn.
/// </summary>
public sealed class AwsPacingRecord
{
    public required string Key { get; set; }

    public long NextMs { get; set; }

    public required string Instance { get; set; }
}
