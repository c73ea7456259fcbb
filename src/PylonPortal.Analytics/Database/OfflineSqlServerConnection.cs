using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// A SQL Server connection that never connects: it records the text of every command the SQL Server
/// code path sends, and answers reads with empty results. This is how the build's T-SQL is produced
/// (and checked) on machines with no SQL Server: the same LINQ runs; only the wire is missing.
/// </summary>
public sealed class OfflineSqlServerConnection : DbConnection
{
    private ConnectionState _state = ConnectionState.Closed;

    /// <summary>
    /// Answer every read with one row of sample values instead of nothing, so code that reads, then decides
    /// what to read next (the portal's pages), runs all the way and every statement it sends is recorded.
    /// </summary>
    public bool AnswerWithSampleRow { get; init; }

    /// <summary>The sample row's answer to every yes/no column (a database setting, say).</summary>
    public bool SampleBoolean { get; init; } = true;

    /// <summary>Names the statements recorded from now on (a section of the generated script).</summary>
    public string Section { get; set; } = "";

    public List<RecordedStatement> Statements { get; } = [];

    [AllowNull] public override string ConnectionString { get; set; } = "Server=offline;Database=PylonPortal";
    public override string Database => "PylonPortal";
    public override string DataSource => "offline";
    public override string ServerVersion => "16.00.1000";
    public override ConnectionState State => _state;
    public override void ChangeDatabase(string databaseName) { }
    public override void Open() => _state = ConnectionState.Open;
    public override void Close() => _state = ConnectionState.Closed;
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new OfflineTransaction(this, isolationLevel);
    protected override DbCommand CreateDbCommand() => new OfflineCommand(this);

    private void Record(DbCommand command) =>
        Statements.Add(new RecordedStatement(Section, command.CommandText,
            command.Parameters.Cast<SqlParameter>().Select(p => new RecordedParameter(p.ParameterName, TypeOf(p))).ToList(),
            command.CommandTimeout));

    private static string TypeOf(SqlParameter p) => p.SqlDbType switch
    {
        SqlDbType.NVarChar or SqlDbType.VarChar or SqlDbType.NChar =>
            $"{p.SqlDbType}({(p.Size is > 0 and <= 4000 ? p.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "max")})",
        SqlDbType.Decimal => $"Decimal({(p.Precision == 0 ? 38 : p.Precision)},{p.Scale})",
        _ => p.SqlDbType.ToString(),
    };

    private sealed class OfflineTransaction(OfflineSqlServerConnection connection, IsolationLevel level) : DbTransaction
    {
        protected override DbConnection DbConnection => connection;
        public override IsolationLevel IsolationLevel => level;
        public override void Commit() { }
        public override void Rollback() { }
    }

    private static readonly Regex SingleAggregate = new(@"^\s*SELECT\s+(COUNT_BIG|COUNT|MAX|MIN|SUM)\((?>[^()]+|\((?<d>)|\)(?<-d>))*\)\s+FROM", RegexOptions.IgnoreCase);

    /// <summary>An Any(): one row that says whether a subquery has rows.</summary>
    private static readonly Regex ExistsTest = new(@"^\s*SELECT\s+(CASE\s+WHEN\s+EXISTS|IIF\s*\(\s*EXISTS)", RegexOptions.IgnoreCase);

    private sealed class OfflineCommand(OfflineSqlServerConnection connection) : DbCommand
    {
        private readonly SqlParameterCollection _parameters = new SqlCommand().Parameters;

        [AllowNull] public override string CommandText { get; set; } = "";
        // SqlCommand's default, so a command nobody gave a timeout records what SqlClient would use.
        public override int CommandTimeout { get; set; } = 30;
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; } = connection;
        protected override DbParameterCollection DbParameterCollection => _parameters;
        protected override DbTransaction? DbTransaction { get; set; }
        public override void Cancel() { }
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => new SqlParameter();

        // One row "affected", so code that checks a write happened (the build lock) carries on.
        public override int ExecuteNonQuery()
        {
            connection.Record(this);
            return 1;
        }

        public override object? ExecuteScalar()
        {
            connection.Record(this);
            return DBNull.Value;
        }

        // Reads find nothing, except that an aggregate (COUNT, MAX, ...) returns its one row, 0 or NULL, and an Any() false.
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            connection.Record(this);
            if (connection.AnswerWithSampleRow) return new SampleRowReader(connection.SampleBoolean);
            var table = new DataTable();
            var aggregate = SingleAggregate.Match(CommandText);
            if (aggregate.Success)
            {
                table.Columns.Add("value", typeof(object));
                table.Rows.Add(aggregate.Groups[1].Value.StartsWith("COUNT", StringComparison.Ordinal) ? 0L : DBNull.Value);
            }
            else if (ExistsTest.IsMatch(CommandText))
            {
                table.Columns.Add("value", typeof(bool));
                table.Rows.Add(false);
            }
            return table.CreateDataReader();
        }
    }
}

/// <summary>One row whose every column is whatever the reader asks for: 1, "sample", a date, true (or false).</summary>
internal sealed class SampleRowReader(bool boolean) : DbDataReader
{
    private static readonly DateTime SampleDate = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private bool _read;
    private bool _closed;

    public override bool Read() => !_read && (_read = true);
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());
    public override bool NextResult() => false;
    public override bool HasRows => true;
    public override bool IsClosed => _closed;
    public override void Close() => _closed = true;
    public override int RecordsAffected => 1;
    public override int Depth => 0;
    public override int FieldCount => 256;
    public override bool IsDBNull(int ordinal) => false;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(0);
    public override string GetName(int ordinal) => $"c{ordinal}";
    public override int GetOrdinal(string name) => 0;
    public override string GetDataTypeName(int ordinal) => "sql_variant";
    public override Type GetFieldType(int ordinal) => typeof(object);
    public override object GetValue(int ordinal) => 1;
    public override int GetValues(object[] values) { Array.Fill(values, 1); return values.Length; }
    public override bool GetBoolean(int ordinal) => boolean;
    public override byte GetByte(int ordinal) => 1;
    public override char GetChar(int ordinal) => 's';
    public override short GetInt16(int ordinal) => 1;
    public override int GetInt32(int ordinal) => 1;
    public override long GetInt64(int ordinal) => 1;
    public override float GetFloat(int ordinal) => 1;
    public override double GetDouble(int ordinal) => 1;
    public override decimal GetDecimal(int ordinal) => 1;
    public override string GetString(int ordinal) => "sample";
    public override DateTime GetDateTime(int ordinal) => SampleDate;
    public override Guid GetGuid(int ordinal) => Guid.Empty;
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;
    public override System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();

    public override T GetFieldValue<T>(int ordinal) => (T)(typeof(T) switch
    {
        var t when t == typeof(DateOnly) => DateOnly.FromDateTime(SampleDate),
        var t when t == typeof(DateTimeOffset) => new DateTimeOffset(SampleDate),
        var t when t == typeof(TimeSpan) => TimeSpan.FromMinutes(1),
        var t when t == typeof(DateTime) => SampleDate,
        var t when t == typeof(string) => "sample",
        var t when t == typeof(bool) => boolean,
        var t when t == typeof(decimal) => 1m,
        var t when t == typeof(double) => 1d,
        var t when t == typeof(float) => 1f,
        var t when t == typeof(long) => 1L,
        var t when t == typeof(short) => (short)1,
        var t when t == typeof(byte) => (byte)1,
        var t when t == typeof(Guid) => Guid.Empty,
        _ => (object)1,
    });
}

public sealed record RecordedParameter(string Name, string SqlType);

/// <param name="CommandTimeout">The command's timeout in seconds, as SqlClient would apply it (0: none).</param>
public sealed record RecordedStatement(string Section, string Sql, IReadOnlyList<RecordedParameter> Parameters, int CommandTimeout)
{
    /// <summary>The statement as a runnable batch: its parameters declared, then its text.</summary>
    public string Batch =>
        string.Concat(Parameters.Select(p => $"DECLARE {(p.Name.StartsWith('@') ? p.Name : "@" + p.Name)} {p.SqlType};\n")) + Sql.Trim();
}
