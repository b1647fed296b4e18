using System.Security.Cryptography;
using System.Text;

namespace Escale.Core.WelcomeNetworks;

/// <summary>A message sent to the members of the welcome network, kept with the segment it was sent to and each recipient.</summary>
public sealed class NetworkMailing
{
    public int Id { get; set; }
    /// <summary>From the form, unique: a double submit sends once.</summary>
    public Guid SubmissionKey { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public int? IntercommunalityId { get; set; }
    public WelcomeStructureKind? StructureKind { get; set; }
    public WelcomeMemberRole? Role { get; set; }
    /// <summary>A coordinator's mailing goes to their own structure only.</summary>
    public int? StructureId { get; set; }
    public string? SenderUserId { get; set; }
    public required string SenderName { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public List<NetworkMailingRecipient> Recipients { get; set; } = [];
}

public sealed class NetworkMailingRecipient
{
    public int Id { get; set; }
    public int MailingId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? UserId { get; set; }
}

public sealed record MailingRecipient(string Name, string Email, string? UserId);

public static class MailingRecipients
{
    /// <summary>
    /// A fingerprint of the exact list (addresses and names, in order): posted with the preview, compared at sending, so
    /// that what is sent is what was seen.
    /// </summary>
    public static string Hash(IEnumerable<MailingRecipient> recipients)
    {
        var text = string.Join("\n", recipients.Select(r => r.Email.ToUpperInvariant() + "\t" + r.Name));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>One line per address (a person in two structures is written to once), sorted by name then address.</summary>
    public static IReadOnlyList<MailingRecipient> Distinct(IEnumerable<MailingRecipient> members) => members
        .Where(m => !string.IsNullOrWhiteSpace(m.Email))
        .GroupBy(m => m.Email.Trim().ToUpperInvariant(), StringComparer.Ordinal)
        .Select(g => g.OrderBy(m => m.UserId is null).First() with { Email = g.First().Email.Trim() })
        .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Email, StringComparer.Ordinal)
        .ToList();
}
