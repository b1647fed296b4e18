using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Infrastructure;

/// <summary>Calls, laureate applications and follow-ups made directly in the database, each test its own.</summary>
public static class CallSteps
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// A call with a unique title and slug, open now unless the dates say otherwise; <paramref name="published"/> false
    /// leaves it a draft. <paramref name="resultsPublished"/> puts it in the results phase (the deadline then passed).
    /// </summary>
    public static async Task<CallForProjects> CallAsync(EscaleAppFactory app, bool published = true, CallAudience audience = CallAudience.Youth,
        bool resultsPublished = false, params CallField[] fields)
    {
        var now = DateTimeOffset.UtcNow;
        var title = Unique("Appel");
        var call = new CallForProjects
        {
            Slug = Escale.Core.Territories.Slug.From(title),
            Title = title,
            Summary = "Un appel de test pour des projets du territoire.",
            Description = "Le **texte** de l’appel.\n\n<script>alert(1)</script>",
            Organiser = "Département du Lot",
            ContactEmail = "appels@test.escale",
            Kind = CallKind.CallForProjects,
            Audience = audience,
            MinAge = audience == CallAudience.Youth ? 11 : null,
            MaxAge = audience == CallAudience.Youth ? 25 : null,
            MinTeamSize = 1,
            MaxTeamSize = 4,
            PublishedAt = published ? now.AddDays(-10) : null,
            OpensAt = now.AddDays(-5),
            ClosesAt = resultsPublished ? now.AddDays(-2) : now.AddDays(20),
            ResultsPublishedAt = resultsPublished ? now.AddDays(-1) : null,
            CreatedAt = now,
            Fields = [.. fields],
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        // The sitemap comes from the output cache: a test that arranges data in the database frees it, as a save through the pages does.
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync("content", default);
        return call;
    }

    public static CallField Field(string label, FieldVisibility visibility, CallFieldType type = CallFieldType.ShortText, int order = 1) =>
        new() { Label = label, Visibility = visibility, Type = type, Order = order };

    public sealed record Member(string Name, string Email, DateOnly DateOfBirth, string? School = null, bool GuardianAllowsPhoto = false);

    /// <summary>A laureate application of the call, led by <paramref name="lead"/>, answering the call's fields with <paramref name="answers"/> (by label).</summary>
    public static async Task<CallApplication> LaureateAsync(EscaleAppFactory app, CallForProjects call, ApplicationUser lead, string projectTitle,
        IDictionary<string, string> answers, ApplicationStatus status = ApplicationStatus.Laureate, bool photo = false, params Member[] members)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        int? imageId = null;
        if (photo)
        {
            var image = new Escale.Core.Media.MediaImage
            {
                Key = Guid.NewGuid().ToString("N"), AltTextFr = "Photo de l’équipe", Width = 800, Height = 600, RenditionWidths = [400, 800], CreatedAt = now,
            };
            db.MediaImages.Add(image);
            await db.SaveChangesAsync();
            imageId = image.Id;
        }
        var application = new CallApplication
        {
            CallId = call.Id,
            LeadUserId = lead.Id,
            ProjectTitle = projectTitle,
            Status = status,
            SubmittedAt = now.AddDays(-3),
            Decision = status == ApplicationStatus.Laureate ? ApplicationDecision.Laureate : null,
            PhotoImageId = imageId,
            PhotoAlt = photo ? "L’équipe devant son atelier" : null,
            PhotoConsentAt = photo ? now.AddDays(-3) : null,
            CreatedAt = now.AddDays(-4),
            Members =
            [
                new ApplicationMember
                {
                    Role = MemberRole.Lead, UserId = lead.Id, Name = lead.DisplayName ?? "Porteur", Email = lead.Email!, InvitedAt = now.AddDays(-4),
                    ConfirmedAt = now.AddDays(-4), DateOfBirth = new DateOnly(1990, 1, 1),
                },
                .. members.Select(m => new ApplicationMember
                {
                    Role = MemberRole.Member, Name = m.Name, Email = m.Email, InvitedAt = now.AddDays(-4), ConfirmedAt = now.AddDays(-4),
                    DateOfBirth = m.DateOfBirth, School = m.School,
                    GuardianConsents = MinorAt(m.DateOfBirth, now) ?
                    [
                        new GuardianConsent
                        {
                            Kind = GuardianConsentKind.Consent, GuardianName = "Parent de test", GuardianEmail = $"parent-{Guid.NewGuid():N}@test.escale",
                            SentAt = now.AddDays(-4), ExpiresAt = now.AddDays(10), ConfirmedName = "Parent de test", Relationship = "Mère",
                            ConsentedAt = now.AddDays(-3), PhotoAllowed = m.GuardianAllowsPhoto,
                        },
                    ] : [],
                }),
            ],
        };
        var fields = db.CallFields.Where(f => f.CallId == call.Id).ToList();
        foreach (var (label, value) in answers)
        {
            application.Answers.Add(new ApplicationAnswer { FieldId = fields.Single(f => f.Label == label).Id, Value = value });
        }
        db.CallApplications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    public static async Task<ProjectFollowUp> FollowUpAsync(EscaleAppFactory app, int applicationId, bool published, string? summary = "Le résumé public du projet.")
    {
        var followUp = new ProjectFollowUp
        {
            ApplicationId = applicationId, Slug = Escale.Core.Territories.Slug.From(Unique("projet")), PublicSummary = summary,
            PublishedAt = published ? DateTimeOffset.UtcNow.AddHours(-1) : null, OpenedAt = DateTimeOffset.UtcNow.AddDays(-1),
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        db.ProjectFollowUps.Add(followUp);
        await db.SaveChangesAsync();
        return followUp;
    }

    private static bool MinorAt(DateOnly born, DateTimeOffset now) => MinorRules.AgeOn(born, DateOnly.FromDateTime(now.UtcDateTime)) < MinorRules.Majority;
}
