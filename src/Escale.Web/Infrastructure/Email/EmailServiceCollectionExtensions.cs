namespace Escale.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>E-mail through SMTP (<c>Smtp:*</c>), and the development SMTP server when <c>DevMail:Enabled</c>.</summary>
    public static IServiceCollection AddEscaleEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.AddTransient<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<DevMailbox>();
        if (configuration.GetValue("DevMail:Enabled", false))
        {
            services.AddHostedService<DevSmtpServer>();
        }
        return services;
    }
}
