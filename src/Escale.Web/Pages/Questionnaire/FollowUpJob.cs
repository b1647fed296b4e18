using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Escale.Core.Data;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Questionnaire;

/// <summary>
/// Once a day: an installed household whose six- (then twelve-) month date has come moves to that follow-up, and is
/// told what it means; if it agreed to the follow-up, the e-mail carries a link to the short questionnaire. Only the
/// link's SHA-256 is stored, so the database alone cannot answer in the household's name.
/// </summary>
public sealed partial class FollowUpJob(EscaleDbContext db, IEmailOutbox outbox, SiteLinks links, TimeProvider clock, ILogger<FollowUpJob> logger)
    : IScheduledJob
{
    public const string Name = "welcome-follow-up";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sixMonthsAgo = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-6);
        // The cases with each household's address, in one query.
        var cases = await db.Cases
            .Where(c => (c.Stage == CaseStage.Installed || c.Stage == CaseStage.FollowUpSixMonths) && c.InstalledOn != null && c.InstalledOn <= sixMonthsAgo)
            .OrderBy(c => c.Id)
            .Select(c => new { Case = c, Address = db.Users.Where(u => u.Id == c.HouseholdUserId).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var (welcomeCase, address) in cases.Select(c => (c.Case, c.Address)))
        {
            if (welcomeCase.StartFollowUp(CaseActor.System, now) is not null)
            {
                continue; // the twelve-month date has not come yet
            }
            string? link = null;
            if (welcomeCase.ConsentFollowUpAt is not null && address is not null)
            {
                var token = NewToken();
                welcomeCase.Questionnaires.Add(new CaseQuestionnaire
                {
                    Milestone = welcomeCase.Stage == CaseStage.FollowUpSixMonths ? QuestionnaireMilestone.SixMonths : QuestionnaireMilestone.TwelveMonths,
                    TokenHash = Hash(token),
                    SentAt = now,
                });
                welcomeCase.Record(CaseEventKind.QuestionnaireSent, CaseActor.System, now);
                link = links.Absolute("/questionnaire/" + token);
            }
            if (address is not null)
            {
                outbox.Enqueue(Message(address, welcomeCase.Stage, link));
            }
            // Case by case, with its e-mail: a failure half-way must not move or write to the first ones twice.
            await db.SaveChangesAsync(cancellationToken);
            moved++;
        }
        LogRun(moved);
    }

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private EmailMessage Message(string address, CaseStage stage, string? questionnaire)
    {
        var space = links.Absolute("/mon-espace");
        var meaning = WelcomeLabels.StageMeaning(stage);
        var next = WelcomeLabels.StageNext(stage);
        var ask = questionnaire is null ? "" : $"\n\nQuatre questions, deux minutes : {questionnaire}";
        var text = $"Bonjour,\n\n{meaning}\n\n{next}{ask}\n\nVotre espace : {space}\n\n— L’équipe Escale\n";
        var h = HtmlEncoder.Default;
        var askHtml = questionnaire is null ? "" : $"<p><a href=\"{h.Encode(questionnaire)}\">Répondre au questionnaire</a> (quatre questions, deux minutes)</p>\n";
        var html = $"<!DOCTYPE html>\n<html lang=\"fr\"><body>\n<p>Bonjour,</p>\n<p>{h.Encode(meaning)}</p>\n<p>{h.Encode(next)}</p>\n{askHtml}<p><a href=\"{h.Encode(space)}\">Votre espace</a></p>\n<p>— L’équipe Escale</p>\n</body></html>\n";
        return new EmailMessage(address, null, WelcomeLabels.Stage(stage) + " — Escale", text, html);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Welcome follow-up: {Moved} cases moved to their follow-up")]
    private partial void LogRun(int moved);
}
