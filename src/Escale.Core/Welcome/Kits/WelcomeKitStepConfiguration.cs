using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Welcome.Kits;

internal sealed class WelcomeKitStepConfiguration : IEntityTypeConfiguration<WelcomeKitStep>
{
    public void Configure(EntityTypeBuilder<WelcomeKitStep> step)
    {
        step.Property(s => s.Text).HasMaxLength(WelcomeKitStep.TextMaxLength);
        step.Property(s => s.TextEnglish).HasMaxLength(WelcomeKitStep.TextMaxLength);
        step.Property(s => s.Link).HasMaxLength(WelcomeKitStep.LinkMaxLength);
        step.HasOne(s => s.Persona).WithMany().HasForeignKey(s => s.PersonaId).OnDelete(DeleteBehavior.Cascade);
        // A step is written once per persona: a double-submitted form finds its step instead of adding a second one.
        step.HasIndex(s => new { s.PersonaId, s.Text }).IsUnique();
        step.HasIndex(s => new { s.PersonaId, s.Position });
    }
}
