using Escale.Web.Infrastructure.Api;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Commands;
using Escale.Web.Infrastructure.Database;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Errors;
using Escale.Web.Infrastructure.Health;
using Escale.Web.Infrastructure.Http;
using Escale.Web.Infrastructure.Hosting;
using Escale.Web.Infrastructure.Identity;
using Escale.Web.Infrastructure.Jobs;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Infrastructure.Media;
using Escale.Web.Infrastructure.RazorPages;
using Escale.Web.Infrastructure.Security;
using Escale.Web.Infrastructure.Seo;
using Escale.Web.Infrastructure.Territory;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.Appels;
using Escale.Web.Pages.Admin.Appels.Jury;
using Escale.Web.Pages.Campagnes;
using Escale.Web.Pages.Candidatures;
using Escale.Web.Pages.Compte;
using Escale.Web.Pages.EspacePartenaire;
using Escale.Web.Pages.Jeunes.Marque;
using Escale.Web.Pages.KitsAccueil;
using Escale.Web.Pages.Offres;
using Escale.Web.Pages.Recits;
using Escale.Web.Pages.ReseauAccueil;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
// A search link may carry a long pasted text: the pages cut it and say so, rather than Kestrel refusing the request
// line beyond its 8 KB default with a bare 414.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
builder.AddEscaleLogging();

builder.Services.AddEscaleDatabase(builder.Configuration, builder.Environment);
builder.Services.AddEscaleTerritory();
builder.Services.AddEscaleSiteLinks(builder.Configuration, builder.Environment);
builder.Services.AddEscaleLocalization();
builder.Services.AddEscaleRazorPages();
builder.Services.AddEscaleErrorHandling();
builder.Services.AddEscaleIdentity();
builder.Services.AddEscaleEmail(builder.Configuration);
builder.Services.AddEscaleRateLimiting(builder.Configuration);
builder.Services.AddEscaleHealthChecks();
builder.Services.AddEscaleJobScheduler(builder.Configuration);
builder.Services.AddEscaleMedia(builder.Configuration);
builder.Services.AddEscalePublicPageCache();
builder.Services.AddEscaleApi();

builder.Services.AddEscalePersonalData();
builder.Services.AddEscaleOpportunities(builder.Configuration);
builder.Services.AddEscalePartnerSpace();
builder.Services.AddEscaleContent(builder.Configuration);
builder.Services.AddEscaleCampaigns();
builder.Services.AddEscaleWelcome();
builder.Services.AddEscaleWelcomeKits();
builder.Services.AddEscaleWelcomeNetwork();
builder.Services.AddEscaleBrandCoCreation();
builder.Services.AddEscaleApplications();
builder.Services.AddEscaleJury();

var app = builder.Build();

if (EscaleCommands.IsCommand(args))
{
    return await EscaleCommands.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
await app.SeedDemoOpportunitiesAsync();
await app.SeedDemoContentAsync();
await app.SeedIdentityAsync();
await app.SeedDemoCaseFilesAsync();
await app.SeedDemoWelcomeKitStepsAsync();
await app.SeedDemoWelcomeNetworkAsync();
await app.SeedDemoPartnerAsync();
await app.SeedDemoHousingAsync();
await app.SeedDemoCallsAsync();
await app.SeedDemoJuryAsync();

app.UseEscaleErrorHandling();
app.UseEscaleTransportSecurity();
app.UseEscaleSecurityHeaders();
app.UseStaticFiles();
app.UseEscaleMedia();
app.UseRequestLocalization();
app.UseEscaleCampaignTracking();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseEscalePublicPageCache();

app.MapEscaleHealthChecks();
app.MapLanguageSwitch();
app.MapEscaleApi();
app.MapOpportunityFeeds();
app.MapContentFeeds();
app.MapCallFeed();
app.MapEscaleSeo();
app.MapRazorPages();
app.AnswerHeadLikeGet();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
