namespace Escale.Core.Opportunities.Alerts;

/// <summary>
/// A saved opportunity search whose new matches are sent by e-mail once a day. Double opt-in: nothing is sent
/// before <see cref="ConfirmedAt"/>; the tokens are the only way to act on the alert (no account needed).
/// </summary>
public sealed class SearchAlert
{
    public const int EmailMaxLength = 256;
    public const int QueryStringMaxLength = 2000;
    public const int LabelMaxLength = 500;
    public const int TokenLength = 43;

    public int Id { get; set; }
    /// <summary>Trimmed and lower-cased, so the per-address limit and the duplicate check compare like with like.</summary>
    public required string Email { get; set; }
    /// <summary>The canonical search query string (without "?"), as written by <c>OpportunityQueryString.ToQueryString</c>.</summary>
    public required string QueryString { get; set; }
    /// <summary>The filters in French words, as shown in the e-mails.</summary>
    public required string Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public required string ConfirmationToken { get; set; }
    public required string UnsubscribeToken { get; set; }
    public DateTimeOffset? LastSentAt { get; set; }
    /// <summary>Opportunities published up to this instant were already sent (or predate the alert).</summary>
    public DateTimeOffset LastSeenPublishedAt { get; set; }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
