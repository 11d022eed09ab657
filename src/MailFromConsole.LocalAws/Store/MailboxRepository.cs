namespace MailFromConsole.LocalAws.Store;

/// <summary>The local mailbox: what SES would have delivered.</summary>
internal sealed class MailboxRepository(LocalDatabase database)
{
    public void Add(MailboxMessage message) => database.Write((c, t) => LocalDatabase.Execute(c, t,
        "INSERT INTO mailbox(region, kind, message_id, source, recipients, subject, body, return_path, verify_token, sent_at) " +
        "VALUES ($region, $kind, $id, $source, $to, $subject, $body, $returnPath, $token, $at)",
        ("$region", message.Region), ("$kind", message.Kind.ToString()), ("$id", message.MessageId),
        ("$source", message.Source), ("$to", string.Join('\n', message.Recipients)), ("$subject", message.Subject),
        ("$body", message.Body), ("$returnPath", message.ReturnPath), ("$token", message.VerifyToken),
        ("$at", message.SentAt.ToUnixTimeMilliseconds())));

    /// <summary>Newest first.</summary>
    public IReadOnlyList<MailboxMessage> All() => database.Read(c =>
    {
        using var command = LocalDatabase.Command(c, null,
            "SELECT id, region, kind, message_id, source, recipients, subject, body, return_path, verify_token, sent_at " +
            "FROM mailbox ORDER BY id DESC");
        using var reader = command.ExecuteReader();
        var result = new List<MailboxMessage>();
        while (reader.Read())
        {
            result.Add(new MailboxMessage(reader.GetInt64(0), reader.GetString(1), Enum.Parse<MailboxKind>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5).Split('\n'), reader.GetString(6),
                reader.GetString(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
        }

        return result;
    });
}
