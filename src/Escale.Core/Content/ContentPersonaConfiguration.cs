using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Content;

internal sealed class ContentPersonaConfiguration : IEntityTypeConfiguration<ContentPersona>
{
    public void Configure(EntityTypeBuilder<ContentPersona> persona)
    {
        persona.HasKey(p => new { p.ContentItemId, p.PersonaSlug });
        persona.Property(p => p.PersonaSlug).HasMaxLength(100);
        // A persona page asks "which items for this persona": the reverse of the key.
        persona.HasIndex(p => new { p.PersonaSlug, p.ContentItemId });
    }
}
