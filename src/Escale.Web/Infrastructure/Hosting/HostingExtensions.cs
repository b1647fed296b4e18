namespace Escale.Web.Infrastructure.Hosting;

public static class HostingExtensions
{
    public static IApplicationBuilder UseEscaleTransportSecurity(this WebApplication app)
    {
        // HTTPS and HSTS everywhere but on a developer's or a test's loopback server.
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }

    public static WebApplicationBuilder AddEscaleLogging(this WebApplicationBuilder builder)
    {
        // Structured logs. Personal data (names, e-mail addresses, messages) is never passed to a logger:
        // identifiers only. EF's parameter logging stays off (EnableSensitiveDataLogging is never called).
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole();
        }
        return builder;
    }
}
