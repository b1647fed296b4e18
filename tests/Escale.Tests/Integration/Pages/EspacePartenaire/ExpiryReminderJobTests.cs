using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.EspacePartenaire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.EspacePartenaire;

[Collection(AccountsCollection.Name)]
public sealed class ExpiryReminderJobTests(MailAppFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task RunJobAsync(EscaleAppFactory app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<ExpiryReminderJob>().RunAsync(CancellationToken.None);
    }

    [Theory, EveryDatabase]
    public async Task Run_RemindsOnceBeforeExpiry_AndExpiresPastOpportunities(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "Expire dans 5 jours " + Guid.NewGuid().ToString("N")[..6];
        var soon = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, title, expires: Today.AddDays(5), submittedBy: partner.User.Id);
        var later = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Expire dans 30 jours", expires: Today.AddDays(30), submittedBy: partner.User.Id);
        var past = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Expirée hier", expires: Today.AddDays(-1), submittedBy: partner.User.Id);

        await RunJobAsync(app);
        await RunJobAsync(app);

        var mail = await fixture.Mail.WaitForMessageAsync(partner.User.Email!);
        await Task.Delay(300);
        Assert.Single(fixture.Mail.MessagesTo(partner.User.Email!));
        Assert.Contains(title, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/espace-partenaire", mail.TextBody, StringComparison.Ordinal);
        var statuses = await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == soon.Id || o.Id == later.Id || o.Id == past.Id)
            .ToDictionaryAsync(o => o.Id, o => (o.Status, o.ExpiryReminderSentAt != null, o.UpdatedAt)));
        Assert.Equal((OpportunityStatus.Published, true), (statuses[soon.Id].Status, statuses[soon.Id].Item2));
        Assert.Equal((OpportunityStatus.Published, false), (statuses[later.Id].Status, statuses[later.Id].Item2));
        Assert.Equal(OpportunityStatus.Expired, statuses[past.Id].Status);
        Assert.True(statuses[past.Id].UpdatedAt > past.UpdatedAt);
    }
}
