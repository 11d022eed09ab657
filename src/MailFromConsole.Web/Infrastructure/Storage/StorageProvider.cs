namespace MailFromConsole.Web.Infrastructure.Storage;

/// <summary>Which database holds the console's own data (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One file under the data folder; one process. The default: nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:Console</c>) that several console instances share.</summary>
    Postgres,
}
