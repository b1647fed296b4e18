using Escale.Core.Data;
using Escale.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Jobs;

/// <summary>A recurring piece of work. Registered scoped, so tests can resolve it and run it at a time they choose.</summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

public sealed record ScheduledJobRegistration(string Name, Type JobType, TimeSpan Interval);

public static class ScheduledJobServiceCollectionExtensions
{
    /// <summary>Runs <typeparamref name="TJob"/> every <paramref name="interval"/>, on one instance at a time.</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new ScheduledJobRegistration(name, typeof(TJob), interval));
        return services;
    }

    /// <summary>The scheduler itself; <c>Jobs:Enabled</c> = false (tests) leaves jobs to be run by hand.</summary>
    public static IServiceCollection AddEscaleJobScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHostedService<JobScheduler>();
        }
        return services;
    }
}

/// <summary>Wakes up every <c>Jobs:PollSeconds</c> (default 60) and runs the jobs that are due.</summary>
public sealed partial class JobScheduler(
    IServiceScopeFactory scopes, IEnumerable<ScheduledJobRegistration> jobs, TimeProvider clock, IConfiguration configuration, ILogger<JobScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Jobs:PollSeconds", 60)), clock);
        do
        {
            foreach (var job in jobs)
            {
                try
                {
                    await RunIfDueAsync(job, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogJobFailed(logger, ex, job.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs the job if it is due and this instance wins the claim; returns whether it ran.</summary>
    internal async Task<bool> RunIfDueAsync(ScheduledJobRegistration job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var now = clock.GetUtcNow();
        if (!await db.JobSchedules.AnyAsync(s => s.Name == job.Name, cancellationToken))
        {
            db.JobSchedules.Add(new JobSchedule { Name = job.Name, NextRunAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance created it first: fine.
            }
            db.ChangeTracker.Clear();
        }
        var claimed = await db.JobSchedules
            .Where(s => s.Name == job.Name && s.NextRunAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextRunAt, now + job.Interval).SetProperty(x => x.LastStartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        LogJobStarting(logger, job.Name);
        await ((IScheduledJob)scope.ServiceProvider.GetRequiredService(job.JobType)).RunAsync(cancellationToken);
        var done = clock.GetUtcNow();
        await db.JobSchedules.Where(s => s.Name == job.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastCompletedAt, done), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} starting")]
    private static partial void LogJobStarting(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string job);
}
