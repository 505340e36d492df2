using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Watchbot.Storage.Internal;

/// <summary>Commands, parameters and the text forms of times and dates in the database.</summary>
internal static class Db
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeOfDayFormat = "HH:mm";

    /// <summary>A UTC round-trip timestamp ("2020-10-04T09:30:00.0000000+00:00"): fixed width, so text order is time order.</summary>
    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? value) => value is { } v ? Date(v) : null;

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static string TimeOfDay(TimeOnly value) => value.ToString(TimeOfDayFormat, CultureInfo.InvariantCulture);

    public static TimeOnly ParseTimeOfDay(string text) => TimeOnly.ParseExact(text, TimeOfDayFormat, CultureInfo.InvariantCulture);

    /// <summary>BEGIN IMMEDIATE: takes the write lock at once (waiting up to the busy timeout), so read-then-write never races.</summary>
    public static SqliteTransaction BeginWrite(this SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Sets a parameter that <see cref="With"/> added, for a command executed once per row.</summary>
    public static void Set(this SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    public static async Task<long> ScalarLongAsync(this SqliteCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableLong(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static DateTimeOffset? NullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));
}
