using Escale.Core.Reference;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Opportunities;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> opportunity)
    {
        opportunity.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        opportunity.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        opportunity.Property(o => o.Contract).HasConversion<string>().HasMaxLength(20);
        opportunity.Property(o => o.WorkingTime).HasConversion<string>().HasMaxLength(20);
        opportunity.Property(o => o.Remote).HasConversion<string>().HasMaxLength(20);
        opportunity.Property(o => o.Source).HasConversion<string>().HasMaxLength(20);
        opportunity.Property(o => o.Support).HasConversion<string>().HasMaxLength(30);
        opportunity.Property(o => o.Title).HasMaxLength(300);
        opportunity.Property(o => o.Slug).HasMaxLength(300);
        opportunity.Property(o => o.EmployerName).HasMaxLength(300);
        opportunity.Property(o => o.EmployerSiret).HasMaxLength(14);
        opportunity.Property(o => o.StreetAddress).HasMaxLength(OpportunityFields.StreetAddressMaxLength);
        opportunity.Property(o => o.RomeCode).HasMaxLength(5);
        opportunity.Property(o => o.RomeDomainCode).HasMaxLength(3);
        opportunity.Property(o => o.RomeGrandDomainCode).HasMaxLength(1);
        opportunity.Property(o => o.NafCode).HasMaxLength(6);
        opportunity.Property(o => o.SourceReference).HasMaxLength(200);
        opportunity.Property(o => o.DedupKey).HasMaxLength(700);
        opportunity.Property(o => o.ContentHash).HasMaxLength(64);
        opportunity.Property(o => o.ApplyUrl).HasMaxLength(2000);
        opportunity.Property(o => o.ApplyEmail).HasMaxLength(320);
        opportunity.Property(o => o.SellerEmail).HasMaxLength(320);

        opportunity.HasOne(o => o.Commune).WithMany().HasForeignKey(o => o.CommuneId).OnDelete(DeleteBehavior.Restrict);
        opportunity.HasOne<Intercommunality>().WithMany().HasForeignKey(o => o.IntercommunalityId).OnDelete(DeleteBehavior.Restrict);
        opportunity.HasOne(o => o.Organisation).WithMany(g => g.Opportunities).HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.SetNull);

        // Search: published opportunities filtered by kind, then by the facets; imports: the source's own ids.
        opportunity.HasIndex(o => new { o.Status, o.Kind, o.PublishedAt });
        opportunity.HasIndex(o => new { o.Status, o.IntercommunalityId });
        opportunity.HasIndex(o => new { o.Status, o.RomeDomainCode });
        opportunity.HasIndex(o => new { o.Source, o.SourceReference }).IsUnique();
        opportunity.HasIndex(o => o.DedupKey);
        opportunity.HasIndex(o => o.UpdatedAt);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(300);
        organisation.Property(o => o.Slug).HasMaxLength(300);
        organisation.Property(o => o.Siret).HasMaxLength(14);
        organisation.Property(o => o.Website).HasMaxLength(2000);
        organisation.HasIndex(o => o.Slug).IsUnique();
        organisation.HasOne(o => o.Commune).WithMany().HasForeignKey(o => o.CommuneId).OnDelete(DeleteBehavior.SetNull);
        organisation.HasMany(o => o.Members).WithOne(m => m.Organisation).HasForeignKey(m => m.OrganisationId);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> member)
    {
        member.HasKey(m => new { m.OrganisationId, m.UserId });
        member.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferenceConfiguration :
    IEntityTypeConfiguration<RomeOccupation>, IEntityTypeConfiguration<RomeDomain>, IEntityTypeConfiguration<NafActivity>, IEntityTypeConfiguration<ReferenceDataVersion>
{
    public void Configure(EntityTypeBuilder<RomeOccupation> rome)
    {
        rome.HasKey(r => r.Code);
        rome.Property(r => r.Code).HasMaxLength(5);
        rome.Property(r => r.Label).HasMaxLength(300);
        rome.Property(r => r.DomainCode).HasMaxLength(3);
        rome.Property(r => r.GrandDomainCode).HasMaxLength(1);
    }

    public void Configure(EntityTypeBuilder<RomeDomain> domain)
    {
        domain.HasKey(d => d.Code);
        domain.Property(d => d.Code).HasMaxLength(3);
        domain.Property(d => d.Label).HasMaxLength(300);
        domain.Property(d => d.GrandDomainCode).HasMaxLength(1);
        domain.Ignore(d => d.IsGrandDomain);
    }

    public void Configure(EntityTypeBuilder<NafActivity> naf)
    {
        naf.HasKey(n => n.Code);
        naf.Property(n => n.Code).HasMaxLength(6);
        naf.Property(n => n.Level).HasMaxLength(20);
        naf.Property(n => n.Label).HasMaxLength(300);
        naf.Property(n => n.Section).HasMaxLength(1);
    }

    public void Configure(EntityTypeBuilder<ReferenceDataVersion> version)
    {
        version.HasKey(v => v.Name);
        version.Property(v => v.Name).HasMaxLength(100);
        version.Property(v => v.Hash).HasMaxLength(64);
    }
}
