using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

/// <summary>Keeps what the app logs, so a test can read the printed setup link; signals each new line.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _added = new(0);

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>The first line that contains <paramref name="text"/>, waiting for it to be logged.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            await _added.WaitAsync(cancel.Token);
        }
    }

    public void Dispose() => _added.Dispose();

    private sealed class Logger(CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            log._lines.Enqueue(formatter(state, exception));
            log._added.Release();
        }
    }
}
