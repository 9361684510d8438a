using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Storefront.Api.Infrastructure.Metrics;

/// <summary>Counts logical connections EF opens and closes, and the commands it runs, for /metrics.</summary>
public sealed class ConnectionMetricsInterceptor(DatabaseConnectionMetrics metrics) : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => metrics.ConnectionOpened();

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        metrics.ConnectionOpened();
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => metrics.ConnectionClosed();

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        metrics.ConnectionClosed();
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => metrics.ConnectionFailed();

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        metrics.ConnectionFailed();
        return Task.CompletedTask;
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        metrics.CommandExecuted();
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        metrics.CommandExecuted();
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        metrics.CommandExecuted();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        metrics.CommandExecuted();
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        metrics.CommandExecuted();
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        metrics.CommandExecuted();
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => metrics.CommandFailed();

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        metrics.CommandFailed();
        return Task.CompletedTask;
    }
}
