using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// Writes an import's rows inside its transaction, the fastest way each engine offers: SQL Server's bulk
/// copy streams them from the reader; SQLite, which has no bulk protocol, runs one prepared INSERT per row,
/// binding each value from a reused batch buffer, so nothing is allocated per row.
/// </summary>
internal static class RawRowWriter
{
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string table, ImportRows rows, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            await SqliteAsync(sqlite, table, rows, ct);
            return;
        }
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.Default, (SqlTransaction)transaction)
        {
            DestinationTableName = table, BulkCopyTimeout = 0, EnableStreaming = true, BatchSize = ImportRows.BatchSize * 10,
        };
        foreach (var column in rows.Columns) bulk.ColumnMappings.Add(column.Name, column.Name);
        await bulk.WriteToServerAsync(rows, ct);
    }

    /// <summary>
    /// Two threads, one per core: this one reads, checks and encodes the CSV's rows into batches while SQLite's
    /// inserts run on the other, each batch handed over whole and its buffers reused.
    /// </summary>
    private static async Task SqliteAsync(SqliteConnection connection, string table, ImportRows rows, CancellationToken ct)
    {
        var columns = rows.Columns;
        using var statement = SqliteStatement.Insert(connection, table, columns.Select(c => c.Name));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var filled = Channel.CreateBounded<RowBatch>(RowBatch.InFlight - 1);
        var free = Channel.CreateUnbounded<RowBatch>();
        for (var i = 0; i < RowBatch.InFlight; i++) free.Writer.TryWrite(new RowBatch(columns.Count));
        // SQLite runs on a thread of its own, whichever thread this async method resumes on: a connection is
        // used by one thread at a time, and here only by this task.
        var inserting = Task.Factory.StartNew(() =>
        {
            try
            {
                while (filled.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                    while (filled.Reader.TryRead(out var batch))
                    {
                        batch.InsertInto(statement);
                        free.Writer.TryWrite(batch);
                    }
            }
            catch { stop.Cancel(); throw; } // the reader must not wait for a batch that will never be freed
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            var batch = await free.Reader.ReadAsync(stop.Token);
            while (rows.Read())
            {
                batch.Add(rows);
                if (!batch.IsFull) continue;
                await filled.Writer.WriteAsync(batch, stop.Token);
                batch = await free.Reader.ReadAsync(stop.Token);
            }
            if (batch.Count > 0) await filled.Writer.WriteAsync(batch, stop.Token);
            filled.Writer.Complete();
        }
        catch
        {
            stop.Cancel();
            filled.Writer.TryComplete();
            // Wait for the insert thread before the statement is disposed. When SQLite failed first, that is the
            // cause (this side was only cancelled); otherwise this side's error is.
            await Task.WhenAny(inserting);
            if (inserting.Exception?.InnerException is { } insertError and not OperationCanceledException)
                ExceptionDispatchInfo.Throw(insertError);
            throw;
        }
        await inserting;
    }

    /// <summary>
    /// Up to <see cref="Capacity"/> rows as SQLite binds them: integers, reals and UTF-8 text in one reused buffer
    /// (dates and timestamps already formatted as the SQLite model stores them).
    /// </summary>
    private sealed class RowBatch(int columns)
    {
        public const int Capacity = ImportRows.BatchSize;
        public const int InFlight = 4;

        private readonly Cell[] _cells = new Cell[Capacity * columns];
        private byte[] _text = new byte[1 << 20];
        private int _textLength;

        public int Count { get; private set; }
        public bool IsFull => Count == Capacity;

        public void Add(ImportRows rows)
        {
            Span<char> text = stackalloc char[UtcTextConverter.MaxLength];
            var cells = _cells.AsSpan(Count * columns, columns);
            for (var i = 0; i < columns; i++)
            {
                ref readonly var v = ref rows.Value(i);
                ref var cell = ref cells[i];
                cell.Kind = v.IsNull ? CellKind.Null : CellKind.Integer;
                if (v.IsNull) continue;
                switch (rows.Columns[i].Kind)
                {
                    case ValueKind.Integer or ValueKind.EpochMilliseconds: cell.Integer = v.Integer; break;
                    case ValueKind.Boolean: cell.Integer = v.Boolean ? 1 : 0; break;
                    // The SQLite model stores decimals as REAL, dates as yyyy-MM-dd and timestamps as UTC text.
                    case ValueKind.Decimal: (cell.Kind, cell.Real) = (CellKind.Real, (double)v.Decimal); break;
                    case ValueKind.Date: AddText(ref cell, text[..SqliteStatement.FormatDate(v.Date, text)]); break;
                    case ValueKind.Timestamp: AddText(ref cell, text[..UtcTextConverter.Format(v.Timestamp, text)]); break;
                    default: AddText(ref cell, rows.Text(i)); break;
                }
            }
            Count++;
        }

        public void InsertInto(SqliteStatement statement)
        {
            for (var r = 0; r < Count; r++)
            {
                var cells = _cells.AsSpan(r * columns, columns);
                for (var i = 0; i < columns; i++)
                {
                    ref readonly var cell = ref cells[i];
                    var p = i + 1;
                    switch (cell.Kind)
                    {
                        case CellKind.Null: statement.BindNull(p); break;
                        case CellKind.Integer: statement.Bind(p, cell.Integer); break;
                        case CellKind.Real: statement.Bind(p, cell.Real); break;
                        default: statement.BindUtf8(p, _text.AsSpan(cell.Offset, cell.Length)); break;
                    }
                }
                statement.Execute();
            }
            (Count, _textLength) = (0, 0);
        }

        private void AddText(ref Cell cell, ReadOnlySpan<char> text)
        {
            var room = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_textLength + room > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + room));
            var length = Encoding.UTF8.GetBytes(text, _text.AsSpan(_textLength));
            (cell.Kind, cell.Offset, cell.Length) = (CellKind.Text, _textLength, length);
            _textLength += length;
        }

        private enum CellKind : byte { Null, Integer, Real, Text }

        private struct Cell
        {
            public CellKind Kind;
            public long Integer;
            public double Real;
            public int Offset;
            public int Length;
        }
    }
}
