using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// E-mail through the outbox (<see cref="IEmailOutbox"/>, sent by <see cref="OutboxWorker"/> on every instance,
    /// <c>Email:*</c>), over SMTP (<c>Smtp:*</c>), and the development SMTP server when <c>DevMail:Enabled</c>.
    /// </summary>
    public static IServiceCollection AddEscaleEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.Configure<EmailOutboxSettings>(configuration.GetSection("Email"));
        services.AddTransient<IEmailSender, SmtpEmailSender>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignal.Interceptor>();
        services.ConfigureDbContext<EscaleDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OutboxSignal.Interceptor>()));
        // Mail must leave even where the recurring jobs are off (Jobs:Enabled=false, as in the tests).
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton<DevMailbox>();
        if (configuration.GetValue("DevMail:Enabled", false))
        {
            // The development server listens on DevMail:Port: the client sends there, whatever Smtp:* says.
            var port = configuration.GetValue("DevMail:Port", DevSmtpServer.DefaultPort);
            services.PostConfigure<SmtpSettings>(smtp =>
            {
                smtp.Host = "127.0.0.1";
                smtp.Port = port;
                smtp.UseStartTls = false;
                smtp.UserName = null;
            });
            services.AddHostedService<DevSmtpServer>();
        }
        return services;
    }
}
