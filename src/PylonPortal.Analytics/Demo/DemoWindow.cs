namespace PylonPortal.Analytics.Demo;

/// <summary>
/// The demo's calendar: <see cref="Days"/> UTC days ending today (the clock's UTC date), numbered 0 to
/// Days - 1. Nothing is generated after <see cref="Now"/>.
/// </summary>
internal sealed class DemoWindow
{
    private const double WeekendActivity = 0.15;

    public DemoWindow(DateTimeOffset now, int days)
    {
        Now = now.ToUniversalTime();
        Days = days;
        Today = DateOnly.FromDateTime(Now.UtcDateTime);
        FirstDate = Today.AddDays(1 - days);
    }

    public DateTimeOffset Now { get; }
    public int Days { get; }
    public DateOnly Today { get; }
    public DateOnly FirstDate { get; }
    public int LastDay => Days - 1;

    public DateOnly Date(int day) => FirstDate.AddDays(day);

    /// <summary>The window day of an instant's UTC date (negative before the window).</summary>
    public int DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber - FirstDate.DayNumber;

    /// <summary>Midnight UTC at the start of a window day (negative days lie before the window).</summary>
    public DateTimeOffset Start(int day) => new(Date(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Seconds of the day that have happened: all of them, except today.</summary>
    public int ElapsedSeconds(int day) =>
        day < LastDay ? 86_400 : (int)Math.Min(86_400, (Now - Start(day)).TotalSeconds);

    /// <summary>Support teams work weekdays; weekends see a skeleton crew.</summary>
    public double WeekdayFactor(int day) =>
        Date(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendActivity : 1.0;

    /// <summary>0 at the window's first day, 1 at its last: how far along a trend is.</summary>
    public double Progress(int day) => Days <= 1 ? 1 : (double)day / LastDay;

    /// <summary>An instant inside a window day, at a second of the UTC day plus milliseconds.</summary>
    public DateTimeOffset At(int day, int secondOfDay, int milliseconds = 0) =>
        Start(day).AddSeconds(secondOfDay).AddMilliseconds(milliseconds);
}
