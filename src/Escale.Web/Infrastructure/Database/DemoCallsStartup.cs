using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

/// <summary>
/// In Development only: two fictional calls, so that the calls pages show something — a youth call open now (11 to 25,
/// teams of 1 to 4, a public question and a jury-hidden school, a three-criterion grid) and an announced business-creation
/// contest. Matched by slug: running again adds only what is missing. The real calls are built in /admin/appels.
/// </summary>
public static class DemoCallsStartup
{
    public const string YouthSlug = "demo-jeunes-en-projets";
    public const string ContestSlug = "demo-concours-creation-entreprise";

    public static async Task SeedDemoCallsAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var existing = await db.Calls.Where(c => c.Slug == YouthSlug || c.Slug == ContestSlug).Select(c => c.Slug).ToListAsync();
        if (!existing.Contains(YouthSlug))
        {
            db.Calls.Add(new CallForProjects
            {
                Slug = YouthSlug,
                Title = "Jeunes en projets (exemple de démonstration)",
                Kind = CallKind.CallForProjects,
                Summary = "Un appel fictif de démonstration : vous avez entre 11 et 25 ans et un projet pour votre commune ? Seul ou à quatre, proposez-le.",
                Description = "Cet appel est **fictif** : il montre ce que voit un jeune qui candidate.\n\n## Ce que nous cherchons\n\n- un projet utile à votre commune ou votre quartier ;\n- une équipe de une à quatre personnes.",
                Organiser = "Département (exemple de démonstration)",
                ContactEmail = "appels@demo.escale.test",
                Themes = "jeunesse, vie locale",
                Audience = CallAudience.Youth,
                MinAge = 11,
                MaxAge = 25,
                MinTeamSize = 1,
                MaxTeamSize = 4,
                EligibilityConditions = "Habiter ou étudier dans le département (exemple de démonstration).",
                PublishedAt = now.AddDays(-7),
                OpensAt = now.AddDays(-7),
                ClosesAt = now.AddDays(45),
                ResultsExpectedAt = now.AddDays(75),
                CreatedAt = now,
                Prizes = [new CallPrize { Order = 1, Title = "Bourse projet jeunes (fictive)", AmountEuros = 1500, Description = "Et un accompagnement pendant six mois." }],
                Fields =
                [
                    new CallField { Order = 1, Label = "Votre projet en une phrase", Type = CallFieldType.ShortText, Required = true, Visibility = FieldVisibility.Public },
                    new CallField { Order = 2, Label = "Établissement scolaire", Type = CallFieldType.ShortText, Visibility = FieldVisibility.HiddenFromJury,
                        Help = "Lu par l’équipe seulement, jamais par le jury." },
                ],
                Criteria =
                [
                    new CallCriterion { Order = 1, Name = "Utilité pour le territoire", Weight = 40 },
                    new CallCriterion { Order = 2, Name = "Faisabilité", Weight = 30 },
                    new CallCriterion { Order = 3, Name = "Originalité", Weight = 30 },
                ],
            });
        }
        if (!existing.Contains(ContestSlug))
        {
            db.Calls.Add(new CallForProjects
            {
                Slug = ContestSlug,
                Title = "Concours de création d’entreprise (exemple de démonstration)",
                Kind = CallKind.BusinessCreationContest,
                Summary = "Un concours fictif de démonstration pour les créatrices et créateurs d’entreprise des secteurs innovants.",
                Organiser = "Agence de développement (exemple de démonstration)",
                ContactEmail = "concours@demo.escale.test",
                Themes = "numérique, agriculture durable",
                Audience = CallAudience.Anyone,
                MinTeamSize = 1,
                MaxTeamSize = 3,
                PublishedAt = now.AddDays(-1),
                OpensAt = now.AddDays(30),
                ClosesAt = now.AddDays(90),
                CreatedAt = now,
                Prizes = [new CallPrize { Order = 1, Title = "Premier prix (fictif)", AmountEuros = 10000 }],
            });
        }
        await db.SaveChangesAsync();
    }
}
