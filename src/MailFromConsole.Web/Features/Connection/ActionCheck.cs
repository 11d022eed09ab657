namespace MailFromConsole.Web.Features.Connection;

/// <summary>Whether one IAM action is allowed where it was tried (a region, or a Route 53 account).</summary>
public sealed record ActionCheck(string IamAction, string Where, ActionCheckOutcome Outcome, string Detail);
