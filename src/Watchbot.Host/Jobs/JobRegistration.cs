using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Jobs;

public static class JobRegistration
{
    public static IServiceCollection AddWatchbotJobs(this IServiceCollection services, ScheduleOptions schedule)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<IngestJob>(j => j.WithIdentity(IngestJob.Key));
            q.AddTrigger(t => t.ForJob(IngestJob.Key).WithIdentity("ingest-trigger", "watchbot").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(schedule.IngestInterval).RepeatForever()));
            q.AddJob<PollJob>(j => j.WithIdentity(PollJob.Key));
            q.AddTrigger(t => t.ForJob(PollJob.Key).WithIdentity("poll-trigger", "watchbot").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(schedule.PollInterval).RepeatForever()));
            q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key));
            q.AddTrigger(t => t.ForJob(DigestJob.Key).WithIdentity("digest-trigger", "watchbot").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(schedule.DigestInterval).RepeatForever()));
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key));
            q.AddTrigger(t => t.ForJob(RetentionJob.Key).WithIdentity("retention-trigger", "watchbot").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(RetentionJob.Every).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
