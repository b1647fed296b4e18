using Escale.Tests.Infrastructure;
using Escale.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Escale.Tests.Integration.Jobs;

public sealed class JobSchedulerTests
{
    private sealed class CountingJob : IScheduledJob
    {
        public static int Runs;

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Runs);
            return Task.CompletedTask;
        }
    }

    [Theory, EveryDatabase]
    public async Task TwoInstances_RunADueJobOnceAndAgainOnlyAfterItsInterval(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddScoped(_ => app.Services.CreateScope().ServiceProvider.GetRequiredService<Escale.Core.Data.EscaleDbContext>());
        services.AddScoped<CountingJob>();
        var provider_ = services.BuildServiceProvider();
        var registration = new ScheduledJobRegistration("counting-" + provider, typeof(CountingJob), TimeSpan.FromDays(1));
        JobScheduler Instance() => new(provider_.GetRequiredService<IServiceScopeFactory>(), [registration], clock,
            new ConfigurationBuilder().Build(), NullLogger<JobScheduler>.Instance);
        CountingJob.Runs = 0;

        var first = await Instance().RunIfDueAsync(registration, CancellationToken.None);
        var second = await Instance().RunIfDueAsync(registration, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await Instance().RunIfDueAsync(registration, CancellationToken.None);

        Assert.Equal((true, false, true, 2), (first, second, nextDay, CountingJob.Runs));
    }
}
