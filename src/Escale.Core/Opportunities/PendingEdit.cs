using System.Text.Json;
using System.Text.Json.Serialization;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Opportunities;

/// <summary>
/// A partner's edit of a published opportunity, waiting for an editor. The published version stays online, as it was
/// approved, until an editor approves the edit (then it is applied) or rejects it (then it is dropped). One per
/// opportunity: a second edit before the decision replaces the first.
/// </summary>
public sealed class PendingEdit
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public int OpportunityId { get; set; }
    /// <summary>The new <see cref="OpportunityFields"/>, as JSON.</summary>
    public required string FieldsJson { get; set; }
    public int CommuneId { get; set; }
    public string? RomeDomainCode { get; set; }
    public string? RomeGrandDomainCode { get; set; }
    /// <summary>The opportunity's duplicate key once the edit applies (its title, place or contract may change it).</summary>
    public required string DedupKey { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }

    public OpportunityFields Fields =>
        JsonSerializer.Deserialize<OpportunityFields>(FieldsJson, Json) ?? throw new InvalidDataException("Empty pending edit.");

    public void Set(OpportunityFields fields, int communeId, (string Domain, string GrandDomain)? romeGroups, string dedupKey, string? userId, DateTimeOffset now)
    {
        FieldsJson = JsonSerializer.Serialize(fields, Json);
        CommuneId = communeId;
        RomeDomainCode = romeGroups?.Domain;
        RomeGrandDomainCode = romeGroups?.GrandDomain;
        DedupKey = dedupKey;
        SubmittedByUserId = userId;
        SubmittedAt = now;
    }

    /// <summary>The opportunity as it will be once approved: on the tracked entity at approval, on an untracked copy to show it.</summary>
    public void ApplyTo(Opportunity opportunity, Commune commune)
    {
        opportunity.Fill(Fields, RomeDomainCode is { } domain ? (domain, RomeGrandDomainCode ?? domain[..1]) : null);
        opportunity.PlaceIn(commune);
        opportunity.DedupKey = DedupKey;
    }
}

internal sealed class PendingEditConfiguration : IEntityTypeConfiguration<PendingEdit>
{
    public void Configure(EntityTypeBuilder<PendingEdit> edit)
    {
        edit.HasKey(e => e.OpportunityId);
        edit.HasOne<Opportunity>().WithOne().HasForeignKey<PendingEdit>(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        edit.HasOne<Commune>().WithMany().HasForeignKey(e => e.CommuneId).OnDelete(DeleteBehavior.Restrict);
        edit.Property(e => e.RomeDomainCode).HasMaxLength(3);
        edit.Property(e => e.RomeGrandDomainCode).HasMaxLength(1);
        edit.Property(e => e.DedupKey).HasMaxLength(700);
        edit.Property(e => e.SubmittedByUserId).HasMaxLength(450);
    }
}
