using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Export;

/// <summary>Exports the MAIL FROM setup of identities of one region as Terraform and CloudFormation (read-only: any signed-in user).</summary>
public interface IExportService
{
    /// <summary>Both documents for <paramref name="identities"/> (one, or a selection), from the account view and Route 53.</summary>
    /// <returns>A failure with code <c>UnknownRegion</c>, <c>UnknownIdentity</c> or <c>NoIdentity</c> for a request it cannot serve.</returns>
    Task<ServiceResult<ExportDocuments>> ExportAsync(string? region, IReadOnlyList<string> identities, CancellationToken cancellationToken = default);
}
