using System.Net;
using AngleSharp.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;
using static Escale.Tests.Infrastructure.ApplicationSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Appels.Consentement;

[Collection(ApplicationsCollection.Name)]
public sealed class IndexTests(ApplicationAppFixture fixture)
{
    private sealed record YoungTeam(EscaleAppFactory App, SignedInPerson Lead, SignedInPerson Member, int Id, string GuardianEmail);

    /// <summary>A 14-year-old leads a team with a 19-year-old member who confirmed; the lead sends, and the guardian gets a link.</summary>
    private async Task<YoungTeam> SentByAFourteenYearOldAsync(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now);
        var lead = await SignedInAsync(app);
        var guardianEmail = $"parent-{Guid.NewGuid():N}@test.escale";
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 14), "Sam Parent", guardianEmail);
        var member = await SignedInAsync(app);
        await PostFormAsync(lead.Client, ApplicationPath(id) + "/equipe", "#inviter",
            new Dictionary<string, string> { ["Invite.Name"] = "Camille Membre", ["Invite.Email"] = member.User.Email! });
        var invitation = LinkIn(await fixture.Mail.WaitForMessageAsync(member.User.Email!), "/candidatures/invitation/");
        await PostFormAsync(member.Client, invitation, "main form", new Dictionary<string, string> { ["Input.DateOfBirth"] = BornYearsAgo(now, 19) });
        var sent = await PressAsync(lead.Client, id, "envoyer");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return new YoungTeam(app, lead, member, id, guardianEmail);
    }

    private static Dictionary<string, string> Consents() => new()
    {
        ["Input.ConfirmedName"] = "Sam Parent", ["Input.Relationship"] = "Mère", ["Input.Consents"] = "true",
    };

    [Theory, EveryDatabase]
    public async Task FourteenYearOldLead_WaitsForTheGuardian_ThenIsSubmitted_AndEveryMemberGetsTheReceipt(DatabaseProvider provider)
    {
        var team = await SentByAFourteenYearOldAsync(provider);
        var waiting = await ApplicationAsync(team.App, team.Id);
        var request = await fixture.Mail.WaitForMessageAsync(team.GuardianEmail);
        var link = LinkIn(request, "/appels/consentement/");
        var guardian = team.App.CreateBrowserlessClient();

        var (_, page) = await guardian.GetPageAsync(link);
        var consented = await PostFormAsync(guardian, link, "main form", Consents());

        Assert.Equal(ApplicationStatus.AwaitingGuardian, waiting.Status);
        Assert.Contains("moins de 15 ans", request.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("Lou Porteur", page.Text("#consentement-objet"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, consented.StatusCode);
        var application = await ApplicationAsync(team.App, team.Id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        var consent = application.Members.Single(m => m.Role == MemberRole.Lead).GuardianConsents.Single();
        Assert.Equal(GuardianConsentKind.Consent, consent.Kind);
        Assert.Equal("Mère", consent.Relationship);
        Assert.NotNull(consent.ConsentedAt);
        Assert.Null(consent.TokenHash);
        foreach (var email in new[] { team.Lead.User.Email!, team.Member.User.Email! })
        {
            var receipt = await fixture.Mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").StartsWith("Candidature envoyée", StringComparison.Ordinal));
            Assert.Contains("Un tiers-lieu pour les jeunes", receipt.TextBody ?? "", StringComparison.Ordinal);
        }
    }

    [Theory, EveryDatabase]
    public async Task GuardianLink_Reused_OpenedByTheMinor_OrExpired_IsRefused_AndNothingChanges(DatabaseProvider provider)
    {
        var team = await SentByAFourteenYearOldAsync(provider);
        var link = LinkIn(await fixture.Mail.WaitForMessageAsync(team.GuardianEmail), "/appels/consentement/");
        var guardian = team.App.CreateBrowserlessClient();

        var (_, byTheMinor) = await team.Lead.Client.GetPageAsync(link);
        var (_, byAMember) = await team.Member.Client.GetPageAsync(link);
        var (_, open) = await guardian.GetPageAsync(link);
        var form = open.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        fixture.Clock.Advance(TimeSpan.FromDays(Escale.Core.Calls.GuardianConsent.LinkValidDays + 1));
        var late = await guardian.SubmitAsync(form, Consents());

        Assert.Contains("réservé au représentant légal", byTheMinor.Text("#consentement-refus"), StringComparison.Ordinal);
        Assert.Null(byTheMinor.QuerySelector("#consentement-objet"));
        Assert.Contains("réservé au représentant légal", byAMember.Text("#consentement-refus"), StringComparison.Ordinal);
        Assert.Contains("a expiré", (await Html.ParseAsync(late)).Text("#consentement-refus"), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.AwaitingGuardian, (await ApplicationAsync(team.App, team.Id)).Status);

        // The lead sends a new link; once used, it says so when opened again.
        var lead = team.App.CreateBrowserlessClient();
        await lead.SignInAsync(team.Lead.User.Email!, MailAppFixture.Password);
        var consentId = (await ApplicationAsync(team.App, team.Id)).Members.Single(m => m.Role == MemberRole.Lead).GuardianConsents.Single().Id;
        await PostFormAsync(lead, ApplicationPath(team.Id), $"form[action*='consentId={consentId}']");
        var fresh = LinkIn(await fixture.Mail.WaitForMessageAsync(team.GuardianEmail, where: m => !(m.TextBody ?? "").Contains(link, StringComparison.Ordinal)), "/appels/consentement/");
        await PostFormAsync(guardian, fresh, "main form", Consents());
        var (_, reused) = await guardian.GetPageAsync(fresh);

        Assert.NotEqual(link, fresh);
        Assert.Contains("déjà été utilisé", reused.Text("#consentement-refus"), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync(team.App, team.Id)).Status);
    }

    [Theory, EveryDatabase]
    public async Task ConsentWithdrawal_WithdrawsTheApplication_AndTellsEveryMember(DatabaseProvider provider)
    {
        var team = await SentByAFourteenYearOldAsync(provider);
        var link = LinkIn(await fixture.Mail.WaitForMessageAsync(team.GuardianEmail), "/appels/consentement/");
        var guardian = team.App.CreateBrowserlessClient();
        var consented = await PostFormAsync(guardian, link, "main form", Consents());
        var withdrawal = consented.Headers.Location!.OriginalString;

        var withdrawn = await PostFormAsync(guardian, withdrawal, "main form");
        var (_, after) = await guardian.GetPageAsync(withdrawal);

        Assert.StartsWith("/appels/consentement/retrait/", withdrawal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("retiré", after.Text("#retrait-accord"));
        var application = await ApplicationAsync(team.App, team.Id);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.NotNull(application.Members.Single(m => m.Role == MemberRole.Lead).GuardianConsents.Single().WithdrawnAt);
        foreach (var email in new[] { team.Lead.User.Email!, team.Member.User.Email! })
        {
            var told = await fixture.Mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").StartsWith("Candidature retirée", StringComparison.Ordinal));
            Assert.Contains("retiré son accord", told.TextBody ?? "", StringComparison.Ordinal);
        }
    }

    [Theory, EveryDatabase]
    public async Task SixteenYearOldLead_IsSubmittedAtOnce_AndTheGuardianIsInformed_UnlessTheCallAsksTheirAuthorisation(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var informing = await CallAsync(app, now);
        var authorising = await CallAsync(app, now, requiresAuthorisation: true);
        var lead = await SignedInAsync(app);
        var guardianEmail = $"parent-{Guid.NewGuid():N}@test.escale";
        var informed = await StartedAsync(lead.Client, informing, BornYearsAgo(now, 16), "Sam Parent", guardianEmail);
        var authorised = await StartedAsync(lead.Client, authorising, BornYearsAgo(now, 16), "Sam Parent", guardianEmail);

        await PressAsync(lead.Client, informed, "envoyer");
        await PressAsync(lead.Client, authorised, "envoyer");

        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync(app, informed)).Status);
        var information = await fixture.Mail.WaitForMessageAsync(guardianEmail, where: m => (m.Subject ?? "").StartsWith("Pour information", StringComparison.Ordinal));
        Assert.Contains("/appels/consentement/retrait/", information.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.AwaitingGuardian, (await ApplicationAsync(app, authorised)).Status);
        var request = await fixture.Mail.WaitForMessageAsync(guardianEmail, where: m => (m.Subject ?? "").StartsWith("Autorisation demandée", StringComparison.Ordinal));
        Assert.Equal(GuardianConsentKind.Authorisation, (await ApplicationAsync(app, authorised)).Members.Single().GuardianConsents.Single().Kind);
        Assert.Contains(authorising.Title, request.Subject ?? "", StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task GuardianEmail_OfATeamMember_IsRefusedOnTheTeamPage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now);
        var lead = await SignedInAsync(app);
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 14), "Sam Parent", $"parent-{Guid.NewGuid():N}@test.escale");
        var memberEmail = $"membre-{Guid.NewGuid():N}@test.escale";
        await PostFormAsync(lead.Client, ApplicationPath(id) + "/equipe", "#inviter",
            new Dictionary<string, string> { ["Invite.Name"] = "Camille", ["Invite.Email"] = memberEmail });

        var response = await PostFormAsync(lead.Client, ApplicationPath(id) + "/equipe", "#mes-informations",
            new Dictionary<string, string> { ["Lead.Details.GuardianEmail"] = memberEmail });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pas celle du mineur ni d’un membre", (await Html.ParseAsync(response)).Text("[data-valmsg-for='Lead.Details.GuardianEmail']"), StringComparison.Ordinal);
        var guardian = (await ApplicationAsync(app, id)).Members.Single(m => m.Role == MemberRole.Lead).GuardianConsents.Single();
        Assert.StartsWith("parent-", guardian.GuardianEmail, StringComparison.Ordinal);
    }
}
