using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Opportunities;

/// <summary>
/// What an opportunity said when an editor last approved it, so that the moderation queue can show what a partner
/// changed since. One row per opportunity, replaced at each approval.
/// </summary>
public sealed class ApprovedVersion
{
    public int OpportunityId { get; set; }
    /// <summary>The moderation page's fields as JSON: French label → value in French words, as the editor read them.</summary>
    public required string FieldsJson { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }

    public IReadOnlyDictionary<string, string> Fields =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(FieldsJson) ?? [];
}

internal sealed class ApprovedVersionConfiguration : IEntityTypeConfiguration<ApprovedVersion>
{
    public void Configure(EntityTypeBuilder<ApprovedVersion> version)
    {
        version.HasKey(v => v.OpportunityId);
        version.HasOne<Opportunity>().WithOne().HasForeignKey<ApprovedVersion>(v => v.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
